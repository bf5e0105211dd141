import Foundation

/// One `run` in the audit log: opens the database, records the run with its rule and
/// policy digests, then each file's document row and decisions (one transaction each),
/// and finally how the run ended.
public final class AuditSession {
    public let log: AuditLog
    public let runID: Int64
    public let path: String

    /// The reviewer overrides this run applies (`run --review`), if any.
    public let review: ReviewOverrides?
    /// The decisions' reason and evidence texts, each distinct one built once.
    private let texts = DecisionTexts()

    /// Opens the log and records the run's start, with its manifest (see `RunManifest`) and
    /// review file stored as blobs.
    public init(path: String, setup: RedactionSetup, keyID: String, argv: [String], toolVersion: String,
                review: ReviewOverrides? = nil) throws {
        self.path = path
        self.review = review
        let log = try AuditLog(path: path)
        self.log = log
        let manifest = try log.storeBlob(RunManifest.json(setup: setup), kind: "manifest")
        let reviewBlob = try review.map { try log.storeBlob($0.text, kind: "review") }
        runID = try log.beginRun(AuditRun(
            toolVersion: toolVersion, command: "run", argv: argv, rulesDigest: setup.catalog.digest,
            policyDigest: setup.policy.digest, policyName: setup.policy.name, keyID: keyID, startedAt: Date(),
            manifest: manifest, review: reviewBlob
        ))
    }

    /// Puts a processed file's redacted copy in place and records the file, in that order:
    /// if the rename fails the file is recorded as failed; if recording fails, the copy just
    /// put in place is removed again and the error is thrown. So every output on disk is
    /// in the log, and the log never claims an output that is not there.
    public func publish(_ file: FileResult) throws -> FileResult {
        var file = file
        if let staged = file.stagedOutput {
            file.stagedOutput = nil
            do {
                try staged.commit()
            } catch {
                file.status = .failed(message: error.description)
                file.outputPath = nil
                file.outputSHA256 = nil
            }
        }
        do {
            try record(file)
        } catch {
            if case .processed = file.status, let path = file.outputPath, path != "-" { unlink(path) }
            throw error
        }
        return file
    }

    /// Records one file: its document row and every decision, kept ones included.
    public func record(_ file: FileResult) throws {
        let status: String
        var error: String?
        switch file.status {
        case .processed: status = file.redactions > 0 ? "redacted" : "unchanged"
        case .skipped(let reason): status = "skipped"; error = reason
        case .failed(let message): status = "failed"; error = message
        }
        let document = AuditDocument(
            path: file.displayPath, format: file.format?.rawValue ?? "unknown", inputSHA256: file.inputSHA256 ?? "",
            outputSHA256: file.outputSHA256, outputPath: file.outputPath, status: status, error: error,
            records: file.records, bytes: file.inputBytes
        )
        var overrides: [Int: AuditOverride] = [:]
        let rows = zip(file.decisions, file.valueHMACs).enumerated().map { index, pair in
            var row = Self.row(pair.0, valueHMAC: pair.1, texts: texts)
            // Offsets into an output that was not written would point nowhere.
            if file.outputPath == nil || file.isFailure {
                row.outputStart = nil
                row.outputEnd = nil
            }
            if let note = pair.0.decision.override {
                overrides[index] = AuditOverride(action: note.action.rawValue, reviewer: note.reviewer, reason: note.reason,
                                                 source: note.source, target: note.target)
            }
            return row
        }
        _ = try log.append(document: document, decisions: rows, overrides: overrides, runID: runID)
    }

    static func row(_ located: LocatedDecision, valueHMAC: String, texts: DecisionTexts) -> AuditDecision {
        let decision = located.decision
        let finding = decision.finding
        var operatorName: String?
        if case .redact(let op) = decision.verdict { operatorName = op.description }
        return AuditDecision(
            record: located.record, field: located.field, start: located.start.scalar, end: located.end.scalar,
            byteStart: located.start.byte, byteEnd: located.end.byte, rule: finding.ruleID,
            entity: finding.entity.rawValue, confidence: finding.confidence.rawValue, verdict: decision.verdict.name,
            reason: texts.reason(of: decision), operator: operatorName, valueHMAC: valueHMAC,
            evidence: texts.json(of: finding.evidence),
            line: located.start.line, column: located.start.column,
            outputStart: located.output?.lowerBound, outputEnd: located.output?.upperBound
        )
    }

    /// A pseudonym book seeded with every number earlier runs gave under this run's key, so
    /// a rerun calls the same person `Person 3` again.
    public func pseudonymBook(keyID: String) throws -> InMemoryPseudonymBook {
        let stored = try log.pseudonymNumbers(keyID: keyID)
        return InMemoryPseudonymBook(entries: stored.map {
            InMemoryPseudonymBook.Entry(entity: EntityKind($0.entity), valueHMAC: $0.valueHMAC, number: $0.number)
        })
    }

    /// Records the numbers the run gave (new ones only; earlier numbers never change).
    public func recordPseudonyms(_ book: InMemoryPseudonymBook, keyID: String) throws {
        try log.recordPseudonymNumbers(book.entries.map {
            AuditLog.PseudonymNumber(entity: $0.entity.rawValue, valueHMAC: $0.valueHMAC, number: $0.number)
        }, keyID: keyID, runID: runID)
    }

    /// Marks the run finished with its totals: status `ok`, `errors` (some files failed), or
    /// `aborted` (the run stopped early, e.g. the audit log or standard output failed).
    /// Returns the run's head hash, to be kept outside the database.
    @discardableResult
    public func finish(documents: Int, decisions: Int, errors: Int, aborted: Bool = false) throws -> String {
        try log.finishRun(id: runID, endedAt: Date(), status: aborted ? "aborted" : errors > 0 ? "errors" : "ok",
                          documents: documents, decisions: decisions, errors: errors)
    }
}
