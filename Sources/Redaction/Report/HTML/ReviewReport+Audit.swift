import Foundation

extension ReviewReport {
    /// Why a run cannot be reported.
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case noRun(path: String)
        case unknownRun(Int64, path: String)

        public var description: String {
            switch self {
            case .noRun(let path): "\(path): the audit log holds no run yet"
            case .unknownRun(let id, let path): "\(path): no run with id \(id) (see `redact audit summary`)"
            }
        }
    }

    /// The report of run `runID` (the latest run when nil), its text read from the output
    /// files the run wrote — only those whose SHA-256 still matches the log.
    ///
    /// Kept findings (near-misses) are still in the published text; like `redact audit
    /// show`, the report masks each as `[kept ENTITY]` unless `showKeptText` (the reviewer
    /// asked to see them). A kept finding inside a redaction is gone with it: nothing to mask.
    /// `keys`: the chain keys to check the log with (see ``AuditVerifier``).
    public static func load(from query: AuditQuery, run runID: Int64?, showKeptText: Bool = false,
                            keys: [AuditChainKey] = []) throws -> ReviewReport {
        let runs = try query.runs()
        guard let last = runs.last else { throw LoadError.noRun(path: query.path) }
        guard let run = runID.map({ id in runs.first { $0.id == id } }) ?? last else {
            throw LoadError.unknownRun(runID!, path: query.path)
        }
        var documents: [Document] = []
        for record in try query.documents(run: run.id) {
            let decisions = try query.decisions(run: run.id, document: record.id)
            documents.append(document(record, decisions: decisions, query: query, showKeptText: showKeptText))
        }
        // The page is only as good as the log: check the chain, and say so on the page.
        let verification = try query.verify(keys: keys)
        var facts = facts(of: run)
        let unchecked = verification.uncheckedKeys.sorted().joined(separator: ", ")
        facts.append(Fact("audit log chain", !verification.isIntact ? "TAMPERED: \(verification.problem!)"
            : unchecked.isEmpty ? "intact (\(verification.length) entries, head \(verification.head))"
            : "not checked: entries sealed with key \(unchecked), whose key file was not given (head \(verification.head))"))
        return ReviewReport(title: "Redact review — run \(run.id)", facts: facts, documents: documents,
                            integrityWarning: verification.problem.map { "The audit log does not verify: \($0). "
                                + "What this page shows may have been altered since the run." })
    }

    private static func facts(of run: RunRecord) -> [Fact] {
        var facts: [Fact] = [
            Fact("run", "\(run.id) (\(run.command))"),
            Fact("command line", run.argv.joined(separator: " ")),
            Fact("started", run.startedAt),
            Fact("ended", run.endedAt ?? "not finished"),
            Fact("status", run.status ?? "unknown"),
            Fact("documents / decisions / errors",
                 [run.documents, run.decisions, run.errors].map { $0.map(String.init) ?? "?" }.joined(separator: " / ")),
            Fact("tool version", run.toolVersion),
            Fact("policy", "\(run.policyName) (sha256 \(run.policyDigest))"),
            Fact("rules sha256", run.rulesDigest),
            Fact("HMAC key id", run.keyID),
        ]
        if let review = run.reviewSHA256 { facts.append(Fact("review file sha256", review)) }
        facts.append(Fact("head hash", run.head ?? "none (the run did not finish)"))
        return facts
    }

    private static func document(_ record: DocumentRecord, decisions: [DecisionRecord], query: AuditQuery,
                                 showKeptText: Bool) -> Document {
        var facts = [Fact("format", record.format), Fact("input sha256", record.inputSHA256)]
        if let outputPath = record.outputPath { facts.append(Fact("output", outputPath)) }
        if let output = record.outputSHA256 { facts.append(Fact("output sha256", output)) }
        if let error = record.error { facts.append(Fact("error", error)) }
        let items = decisions.map { item($0, isText: record.format == "text") }
        var note: String?
        var excerpts: [Excerpt] = []
        if record.outputPath == nil || record.outputSHA256 == nil {
            note = "No output was written for this document; its decisions are listed below."
        } else if let fields = query.outputFields(of: record) {
            let byField = Dictionary(grouping: decisions) { FieldKey(record: $0.decision.record, field: $0.decision.field) }
            let keys = record.format == "text" && fields.count == 1
                ? Array(fields.keys)
                : byField.keys.sorted { ($0.record, byField[$0]![0].id) < ($1.record, byField[$1]![0].id) }
            for key in keys {
                guard let text = fields[key] else { continue }
                let label = record.format == "text" ? nil : "record \(key.record) · \(key.field)"
                excerpts.append(excerpt(text, label: label, decisions: byField[key] ?? [], showKeptText: showKeptText))
            }
        } else {
            note = "The output file is missing or has changed since the run (its SHA-256 differs); "
                + "decisions are listed without text."
        }
        return Document(path: record.path, status: record.status, excerpts: excerpts, textNote: note,
                        facts: facts, decisions: items)
    }

    private static func item(_ record: DecisionRecord, isText: Bool) -> Item {
        let decision = record.decision
        let position = decision.line.map { line in "\(line):\(decision.column ?? 0)" } ?? "—"
        // A text file is one field: only line:column places a decision in it.
        let location = isText ? "—" : "record \(decision.record) · \(decision.field)"
        return Item(id: record.id, position: position, location: location, entity: decision.entity, rule: decision.rule,
                    confidence: decision.confidence, verdict: decision.verdict, operatorName: decision.operator,
                    reason: decision.reason,
                    override: record.override.map { Override(reviewer: $0.reviewer, reason: $0.reason, action: $0.action) })
    }

    /// One field's text with its decisions placed (code points → UTF-8 bytes) and, unless
    /// `showKeptText`, every kept value outside a redaction replaced by `[kept ENTITY]`.
    static func excerpt(_ text: String, label: String?, decisions: [DecisionRecord], showKeptText: Bool) -> Excerpt {
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(text.unicodeScalars.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            byteOffsets.append(offset)
            offset += UTF8.width(scalar)
        }
        byteOffsets.append(offset)
        var placed: [(decision: DecisionRecord, range: Range<Int>)] = []
        for record in decisions {
            guard let start = record.decision.outputStart, let end = record.decision.outputEnd,
                  0 <= start, start < end, end < byteOffsets.count else { continue }
            placed.append((record, byteOffsets[start]..<byteOffsets[end]))
        }
        let redactions = placed.filter { $0.decision.decision.verdict == "redact" }.map(\.range)
        func isCovered(_ range: Range<Int>) -> Bool {
            redactions.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
        }
        // Kept values to mask: outside every redaction, overlapping ones merged.
        var masks: [(range: Range<Int>, entity: String)] = []
        if !showKeptText {
            for entry in placed.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where entry.decision.decision.verdict != "redact" && !isCovered(entry.range) {
                if let last = masks.last, entry.range.lowerBound < last.range.upperBound {
                    masks[masks.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, entry.range.upperBound)
                } else {
                    masks.append((entry.range, entry.decision.decision.entity))
                }
            }
        }
        guard !masks.isEmpty else {
            return Excerpt(label: label, text: text, marks: placed.map { Mark(decision: $0.decision.id, range: $0.range) })
        }
        // Rebuild the text with the masks, and move every range to the new offsets.
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var newRanges: [Range<Int>] = []  // the masks' ranges in the new text
        var shifts: [(at: Int, delta: Int)] = []  // offsets ≥ `at` (past a mask) move by `delta`
        var cursor = 0
        var delta = 0
        for mask in masks {
            output += bytes[cursor..<mask.range.lowerBound]
            let replacement = Array("[kept \(mask.entity)]".utf8)
            newRanges.append(output.count..<(output.count + replacement.count))
            output += replacement
            delta += replacement.count - mask.range.count
            shifts.append((mask.range.upperBound, delta))
            cursor = mask.range.upperBound
        }
        output += bytes[cursor...]
        func moved(_ offset: Int) -> Int { shifts.last { $0.at <= offset }?.delta ?? 0 }
        let marks = placed.map { entry -> Mark in
            if let index = masks.firstIndex(where: { $0.range.overlaps(entry.range) }),
               entry.decision.decision.verdict != "redact" || !isCovered(entry.range) {
                return Mark(decision: entry.decision.id, range: newRanges[index])
            }
            return Mark(decision: entry.decision.id,
                        range: (entry.range.lowerBound + moved(entry.range.lowerBound))..<(entry.range.upperBound + moved(entry.range.upperBound)))
        }
        return Excerpt(label: label, text: String(decoding: output, as: UTF8.self), marks: marks)
    }
}
