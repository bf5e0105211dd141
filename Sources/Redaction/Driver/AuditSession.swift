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
    /// What recovering from an earlier crash did before this run began (see ``AuditRecovery``).
    public let recovery: AuditRecovery
    /// The decisions' reason and evidence texts, each distinct one built once.
    private let texts = DecisionTexts()
    /// Publication marks of outputs already renamed into place, written with the next
    /// document's transaction or at `finish` (a crash in between leaves the output with its
    /// row, and recovery marks it: the file has the logged hash).
    private var pendingMarks: [AuditLog.Publication] = []

    /// Opens the log, finishes what a killed run left (in `outputDirectory` too), and records
    /// the run's start, with its manifest (see `RunManifest`) and review file stored as blobs.
    /// `chainKey` seals the chain: derived from the same HMAC key as `keyID`.
    public init(path: String, setup: RedactionSetup, chainKey: AuditChainKey, argv: [String], toolVersion: String,
                review: ReviewOverrides? = nil, outputDirectory: String? = nil) throws {
        self.path = path
        self.review = review
        let log = try AuditLog(path: path, chainKey: chainKey)
        self.log = log
        recovery = try log.recover(outputDirectory: outputDirectory)
        let keyID = chainKey.keyID
        let manifest = try log.storeBlob(RunManifest.json(setup: setup), kind: "manifest")
        let reviewBlob = try review.map { try log.storeBlob($0.text, kind: "review") }
        runID = try log.beginRun(AuditRun(
            toolVersion: toolVersion, command: "run", argv: argv, rulesDigest: setup.catalog.digest,
            policyDigest: setup.policy.digest, policyName: setup.policy.name, keyID: keyID, startedAt: Date(),
            manifest: manifest, review: reviewBlob
        ))
    }

    /// Logs a processed file, then puts its redacted copy in place, then marks it published:
    /// the document row (with the staged copy's hash and temporary path) commits first, so an
    /// output on disk always has its row. If the rename fails, the row gets a `withdrawn`
    /// mark and the file counts as failed; if the log fails, the staged copy is removed and
    /// the error thrown. A crash between the steps is finished by ``AuditLog/recover``.
    /// Marks are written with the next document (or at `finish`).
    public func publish(_ file: FileResult) throws -> FileResult {
        var file = file
        guard let staged = file.stagedOutput else {
            try record(file)
            return file
        }
        file.stagedOutput = nil
        let documentID: Int64
        do {
            documentID = try record(file, stagedPath: Self.absolute(staged.temporaryPath))
        } catch {
            staged.discard()
            throw error
        }
        do {
            try staged.commit()
        } catch {
            pendingMarks.append(AuditLog.Publication(documentID: documentID, outcome: .withdrawn))
            file.status = .failed(message: error.description)
            file.outputPath = nil
            file.outputSHA256 = nil
            return file
        }
        pendingMarks.append(AuditLog.Publication(documentID: documentID, outcome: .published))
        return file
    }

    /// A temporary path that still names the file if the recovering process runs elsewhere.
    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Records one file: its document row and every decision, kept ones included; returns
    /// the document's id. `stagedPath`: its output's temporary file, not yet renamed.
    @discardableResult
    public func record(_ file: FileResult, stagedPath: String? = nil) throws -> Int64 {
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
        let id = try log.append(document: document, decisions: rows, overrides: overrides, runID: runID,
                                stagedPath: stagedPath, publications: pendingMarks)
        pendingMarks.removeAll()
        return id
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
        try log.markPublications(pendingMarks)
        pendingMarks.removeAll()
        return try log.finishRun(id: runID, endedAt: Date(), status: aborted ? "aborted" : errors > 0 ? "errors" : "ok",
                          documents: documents, decisions: decisions, errors: errors)
    }
}
