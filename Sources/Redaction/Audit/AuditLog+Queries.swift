import Foundation

/// Reading the log back, for tests and for `redact audit`. Results are in insertion order.
extension AuditLog {
    /// Every run, oldest first.
    public func runs() throws -> [StoredRun] {
        try synchronized {
            try database.prepare(sql: """
                SELECT id, tool_version, command, argv, rules_digest, policy_digest, policy_name,
                       key_id, started_at, ended_at, status, documents, decisions, errors,
                       manifest_sha256, review_sha256
                FROM run ORDER BY id
                """).rows { row in
                let reader = RowReader(statement: row, path: path, table: "run")
                let argvText = try reader.text(3, "argv")
                guard let argv = try? JSONDecoder().decode([String].self, from: Data(argvText.utf8)) else {
                    throw reader.unreadable("argv")
                }
                let run = AuditRun(
                    toolVersion: try reader.text(1, "tool_version"), command: try reader.text(2, "command"),
                    argv: argv, rulesDigest: try reader.text(4, "rules_digest"),
                    policyDigest: try reader.text(5, "policy_digest"), policyName: try reader.text(6, "policy_name"),
                    keyID: try reader.text(7, "key_id"), startedAt: try reader.date(8, "started_at"),
                    manifest: row.string(at: 14), review: row.string(at: 15))
                return StoredRun(
                    id: reader.id, run: run,
                    endedAt: row.isNull(at: 9) ? nil : try reader.date(9, "ended_at"),
                    status: row.string(at: 10), documents: row.optionalInt(at: 11),
                    decisions: row.optionalInt(at: 12), errors: row.optionalInt(at: 13))
            }
        }
    }

    /// The documents of one run.
    public func documents(runID: Int64) throws -> [StoredDocument] {
        try synchronized {
            let query = try database.prepare(sql: """
                SELECT id, run_id, path, format, input_sha256, output_sha256, output_path, status,
                       error, records, bytes
                FROM document WHERE run_id = ? ORDER BY id
                """)
            try query.bind(runID, at: 1)
            return try query.rows { row in
                let reader = RowReader(statement: row, path: path, table: "document")
                let document = AuditDocument(
                    path: try reader.text(2, "path"), format: try reader.text(3, "format"),
                    inputSHA256: try reader.text(4, "input_sha256"), outputSHA256: row.string(at: 5),
                    outputPath: row.string(at: 6), status: try reader.text(7, "status"),
                    error: row.string(at: 8), records: row.int(at: 9), bytes: row.int(at: 10))
                return StoredDocument(id: reader.id, runID: row.int64(at: 1), document: document)
            }
        }
    }

    /// The decisions about one document.
    public func decisions(documentID: Int64) throws -> [StoredDecision] {
        try decisions(where: "document_id = ?") { try $0.bind(documentID, at: 1) }
    }

    /// Every decision about a value with this HMAC, across documents and runs.
    public func decisions(valueHMAC: String) throws -> [StoredDecision] {
        try decisions(where: "value_hmac = ?") { try $0.bind(valueHMAC, at: 1) }
    }

    /// `condition` is one of the literals above, never input; values go through `bind`.
    private func decisions(
        where condition: StaticString, bind: (SQLiteStatement) throws -> Void
    ) throws -> [StoredDecision] {
        try synchronized {
            let query = try database.prepare(sql: """
                SELECT id, document_id, record, field, start, "end", byte_start, byte_end, rule,
                       entity, confidence, verdict, reason, operator, value_hmac, evidence,
                       line, col, output_start, output_end
                FROM decision WHERE \(condition) ORDER BY id
                """)
            try bind(query)
            return try query.rows { row in
                let reader = RowReader(statement: row, path: path, table: "decision")
                let decision = AuditDecision(
                    record: row.int(at: 2), field: try reader.text(3, "field"),
                    start: row.int(at: 4), end: row.int(at: 5),
                    byteStart: row.int(at: 6), byteEnd: row.int(at: 7),
                    rule: try reader.text(8, "rule"), entity: try reader.text(9, "entity"),
                    confidence: try reader.text(10, "confidence"), verdict: try reader.text(11, "verdict"),
                    reason: try reader.text(12, "reason"), operator: row.string(at: 13),
                    valueHMAC: try reader.text(14, "value_hmac"), evidence: try reader.text(15, "evidence"),
                    line: row.optionalInt(at: 16), column: row.optionalInt(at: 17),
                    outputStart: row.optionalInt(at: 18), outputEnd: row.optionalInt(at: 19))
                return StoredDecision(id: reader.id, documentID: row.int64(at: 1), decision: decision)
            }
        }
    }
}

/// Reads required columns of the current row, turning a NULL or malformed value (only
/// possible in a hand-edited file) into an error naming table, column and row id.
private struct RowReader {
    let statement: SQLiteStatement
    let path: String
    let table: String

    /// Column 0 of every query above is the row id.
    var id: Int64 { statement.int64(at: 0) }

    func text(_ column: Int32, _ name: String) throws -> String {
        guard let value = statement.string(at: column) else { throw unreadable(name) }
        return value
    }

    func date(_ column: Int32, _ name: String) throws -> Date {
        guard let date = AuditTimestamp.date(from: try text(column, name)) else { throw unreadable(name) }
        return date
    }

    func unreadable(_ name: String) -> AuditError {
        .unreadableRow(path: path, table: table, column: name, id: id)
    }
}
