import Foundation

/// Read-only access to an audit log, for `redact audit` and the review report.
///
/// Opens the database with `SQLITE_OPEN_READONLY`: it never creates, migrates or changes
/// the file, and needs no HMAC key (only `lookup` does, to fingerprint the value asked
/// about, which the caller does). An older schema is refused with the command that
/// upgrades it; a newer one as ``AuditLog`` refuses it.
///
/// Not `Sendable`: it owns one connection. Open one per thread.
public final class AuditQuery {
    public let path: String
    let database: SQLiteDatabase

    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw AuditError.noLog(path: path) }
        database = try SQLiteDatabase(path: path, readOnly: true)
        let version = try AuditSchema.integerPragma("user_version", on: database)
        try AuditSchema.checkCanOpen(database, version: version, path: path)
        if version == 0 { throw AuditError.notAnAuditLog(path: path) }
        if version < AuditSchema.latestVersion {
            throw AuditError.olderSchema(path: path, found: Int(version), supported: AuditSchema.latestVersion)
        }
    }

    /// Checks the hash chain with the chain keys at hand; see ``AuditVerifier``.
    public func verify(expectedHead: String? = nil, keys: [AuditChainKey]) throws -> AuditVerifier.Report {
        try AuditVerifier(database: database, keys: keys).verify(expectedHead: expectedHead)
    }

    // MARK: Runs and documents

    /// Every run, oldest first, with its head (the `run_end` hash) when it finished.
    public func runs() throws -> [RunRecord] {
        try database.prepare(sql: """
            SELECT r.id, r.tool_version, r.command, r.argv, r.rules_digest, r.policy_digest, r.policy_name,
                   r.key_id, r.started_at, r.ended_at, r.status, r.documents, r.decisions, r.errors,
                   r.manifest_sha256, r.review_sha256, e.hash
            FROM run r LEFT JOIN run_end e ON e.run_id = r.id ORDER BY r.id
            """).rows { row in
            let argv = (try? JSONDecoder().decode([String].self, from: Data((row.string(at: 3) ?? "[]").utf8))) ?? []
            return RunRecord(
                id: row.int64(at: 0), toolVersion: row.string(at: 1) ?? "", command: row.string(at: 2) ?? "",
                argv: argv, rulesDigest: row.string(at: 4) ?? "", policyDigest: row.string(at: 5) ?? "",
                policyName: row.string(at: 6) ?? "", keyID: row.string(at: 7) ?? "",
                startedAt: row.string(at: 8) ?? "", endedAt: row.string(at: 9), status: row.string(at: 10),
                documents: row.optionalInt(at: 11), decisions: row.optionalInt(at: 12), errors: row.optionalInt(at: 13),
                manifestSHA256: row.string(at: 14), reviewSHA256: row.string(at: 15), head: row.string(at: 16))
        }
    }

    /// The documents of one run, or of every run.
    public func documents(run: Int64? = nil) throws -> [DocumentRecord] {
        let query = try database.prepare(sql: """
            SELECT id, run_id, path, format, input_sha256, output_sha256, output_path, status, error, records, bytes
            FROM document WHERE ?1 IS NULL OR run_id = ?1 ORDER BY id
            """)
        try query.bind(run, at: 1)
        return try query.rows { row in
            DocumentRecord(
                id: row.int64(at: 0), runID: row.int64(at: 1), document: AuditDocument(
                    path: row.string(at: 2) ?? "", format: row.string(at: 3) ?? "", inputSHA256: row.string(at: 4) ?? "",
                    outputSHA256: row.string(at: 5), outputPath: row.string(at: 6), status: row.string(at: 7) ?? "",
                    error: row.string(at: 8), records: row.int(at: 9), bytes: row.int(at: 10)))
        }
    }

    /// A blob's text (a run's manifest or review file), by SHA-256.
    public func blob(_ sha256: String) throws -> String? {
        let query = try database.prepare(sql: "SELECT content FROM blob WHERE sha256 = ?")
        try query.bind(sha256, at: 1)
        return try query.rows { $0.string(at: 0) }.first ?? nil
    }

    // MARK: Decisions

    /// The decisions of one run (of one of its documents), in order, each with the override
    /// that changed it, if any: what the review report lists and highlights.
    public func decisions(run: Int64, document: Int64? = nil) throws -> [DecisionRecord] {
        var filter = DecisionFilter()
        filter.run = run
        filter.document = document
        return try decisions(filter)
    }

    /// Decisions matching every criterion of `filter` that is set.
    public func decisions(_ filter: DecisionFilter) throws -> [DecisionRecord] {
        let query = try database.prepare(sql: Self.decisionSelect + """
             WHERE (?1 IS NULL OR d.run_id = ?1) AND (?2 IS NULL OR d.id = ?2) AND (?3 IS NULL OR d.path = ?3)
               AND (?4 IS NULL OR x.entity = ?4) AND (?5 IS NULL OR x.rule = ?5) AND (?6 IS NULL OR x.verdict = ?6)
               AND (?7 IS NULL OR x.confidence = ?7) AND (?8 IS NULL OR x.value_hmac = ?8) AND (?9 IS NULL OR x.id = ?9)
             ORDER BY x.id
            """)
        try query.bind(filter.run, at: 1)
        try query.bind(filter.document, at: 2)
        try query.bind(filter.file, at: 3)
        try query.bind(filter.entity, at: 4)
        try query.bind(filter.rule, at: 5)
        try query.bind(filter.verdict, at: 6)
        try query.bind(filter.confidence, at: 7)
        try query.bind(filter.valueHMAC, at: 8)
        try query.bind(filter.id, at: 9)
        return try query.rows(Self.decisionRecord)
    }

    /// One decision by id.
    public func decision(id: Int64) throws -> DecisionRecord {
        var filter = DecisionFilter()
        filter.id = id
        guard let found = try decisions(filter).first else { throw AuditError.noSuchRow(path: path, table: "decision", id: id) }
        return found
    }

    /// Whether a decision's value is gone from its output: redacted, or kept but lying wholly
    /// inside a redaction of the same field (a `covered:` loser of overlap resolution, or a
    /// below-threshold finding inside a stronger one's span), or in a document that got no
    /// output. A kept finding only partly inside a redaction counts as kept.
    public func isRemoved(_ record: DecisionRecord) throws -> Bool {
        let d = record.decision
        if d.verdict == "redact" || d.reason.hasPrefix("covered") { return true }
        let query = try database.prepare(sql: """
            SELECT (SELECT output_sha256 IS NULL FROM document WHERE id = ?1)
                OR EXISTS (SELECT 1 FROM decision WHERE document_id = ?1 AND record = ?2 AND field = ?3
                           AND verdict = 'redact' AND byte_start <= ?4 AND byte_end >= ?5)
            """)
        try query.bind(record.documentID, at: 1)
        try query.bind(d.record, at: 2)
        try query.bind(d.field, at: 3)
        try query.bind(d.byteStart, at: 4)
        try query.bind(d.byteEnd, at: 5)
        return try query.rows { $0.int(at: 0) == 1 }.first ?? false
    }

    /// Counts per run, document, entity, verdict and operator.
    public func summary(run: Int64? = nil) throws -> [SummaryRow] {
        let query = try database.prepare(sql: """
            SELECT d.run_id, d.id, d.path, x.entity, x.verdict, coalesce(x.operator, ''), count(*)
            FROM decision x JOIN document d ON d.id = x.document_id
            WHERE ?1 IS NULL OR d.run_id = ?1
            GROUP BY d.run_id, d.id, x.entity, x.verdict, x.operator
            ORDER BY d.run_id, d.id, x.entity, x.verdict, x.operator
            """)
        try query.bind(run, at: 1)
        return try query.rows { row in
            SummaryRow(runID: row.int64(at: 0), documentID: row.int64(at: 1), path: row.string(at: 2) ?? "",
                       entity: row.string(at: 3) ?? "", verdict: row.string(at: 4) ?? "",
                       operator: row.string(at: 5) ?? "", count: row.int(at: 6))
        }
    }

    // MARK: Output text

    /// The text of one field of a document's redacted output, where ``DecisionRecord``'s
    /// `outputStart`/`outputEnd` point. Nil when there is no output file (a failed
    /// document, standard output), when the file is gone, or when its SHA-256 is no longer
    /// the one recorded (edited since: the offsets would lie).
    public func outputField(of document: DocumentRecord, record: Int, field: String) -> String? {
        guard let text = outputFields(of: document)?[FieldKey(record: record, field: field)] else { return nil }
        return text
    }

    /// Every field of a document's redacted output, by record number and field path; nil as
    /// for ``outputField(of:record:field:)``.
    public func outputFields(of document: DocumentRecord) -> [FieldKey: String]? {
        guard let outputPath = document.outputPath, outputPath != "-", let expected = document.outputSHA256,
              let data = FileManager.default.contents(atPath: outputPath) else { return nil }
        let bytes = Array(data)
        guard ValueFingerprinter.sha256(bytes) == expected,
              let format = DocumentFormat(rawValue: document.format),
              let parsed = try? DocumentReader.read(bytes: bytes, displayPath: document.path, format: format)
        else { return nil }
        var fields: [FieldKey: String] = [:]
        for record in parsed.records {
            for field in record.fields { fields[FieldKey(record: record.number, field: field.path)] = field.value }
        }
        return fields
    }

    private static let decisionSelect = """
        SELECT x.id, x.document_id, d.run_id, d.path, x.record, x.field, x.start, x."end", x.byte_start, x.byte_end,
               x.rule, x.entity, x.confidence, x.verdict, x.reason, x.operator, x.value_hmac, x.evidence,
               x.line, x.col, x.output_start, x.output_end,
               o.action, o.reviewer, o.reason, o.source, o.target
        FROM decision x JOIN document d ON d.id = x.document_id LEFT JOIN override o ON o.decision_id = x.id
        """

    private static func decisionRecord(_ row: SQLiteStatement) -> DecisionRecord {
        let decision = AuditDecision(
            record: row.int(at: 4), field: row.string(at: 5) ?? "", start: row.int(at: 6), end: row.int(at: 7),
            byteStart: row.int(at: 8), byteEnd: row.int(at: 9), rule: row.string(at: 10) ?? "",
            entity: row.string(at: 11) ?? "", confidence: row.string(at: 12) ?? "", verdict: row.string(at: 13) ?? "",
            reason: row.string(at: 14) ?? "", operator: row.string(at: 15), valueHMAC: row.string(at: 16) ?? "",
            evidence: row.string(at: 17) ?? "{}", line: row.optionalInt(at: 18), column: row.optionalInt(at: 19),
            outputStart: row.optionalInt(at: 20), outputEnd: row.optionalInt(at: 21))
        var override: AuditOverride?
        if let action = row.string(at: 22) {
            override = AuditOverride(action: action, reviewer: row.string(at: 23) ?? "", reason: row.string(at: 24) ?? "",
                                     source: row.string(at: 25) ?? "", target: row.string(at: 26) ?? "")
        }
        return DecisionRecord(id: row.int64(at: 0), documentID: row.int64(at: 1), runID: row.int64(at: 2),
                              path: row.string(at: 3) ?? "", decision: decision, override: override)
    }
}

/// Which decisions ``AuditQuery/decisions(_:)`` returns: every criterion set must hold.
public struct DecisionFilter: Sendable, Equatable {
    public var id: Int64?
    public var run: Int64?
    public var document: Int64?
    /// The document path as recorded (relative to its INPUT directory).
    public var file: String?
    public var entity: String?
    public var rule: String?
    /// `redact` or `keep`.
    public var verdict: String?
    /// `low`, `medium` or `high`.
    public var confidence: String?
    public var valueHMAC: String?

    public init() {}
}

/// A record number and field path: where a field sits in a document.
public struct FieldKey: Hashable, Sendable {
    public var record: Int
    public var field: String

    public init(record: Int, field: String) {
        self.record = record
        self.field = field
    }
}
