/// How many findings each document kept because of a `redact:allow` marker, and on which
/// lines: a marker switches redaction off for its line, so a reviewer must see every one.
extension AuditQuery {
    /// Kept-by-marker decisions of one document: their count and the distinct input lines.
    public struct InlineAllowCount: Sendable, Equatable {
        public var count: Int
        public var lines: [Int]
    }

    /// By document id, for every document with at least one (of `run`, or of every run).
    public func inlineAllowCounts(run: Int64? = nil) throws -> [Int64: InlineAllowCount] {
        let query = try database.prepare(sql: """
            SELECT d.id, x.line FROM decision x JOIN document d ON d.id = x.document_id
            WHERE (?1 IS NULL OR d.run_id = ?1) AND x.verdict = 'keep' AND x.reason = ?2
            ORDER BY d.id, x.line
            """)
        try query.bind(run, at: 1)
        try query.bind(Decision.inlineAllowReason, at: 2)
        var counts: [Int64: InlineAllowCount] = [:]
        for (document, line) in try query.rows({ ($0.int64(at: 0), $0.isNull(at: 1) ? nil : $0.int(at: 1)) }) {
            var entry = counts[document] ?? InlineAllowCount(count: 0, lines: [])
            entry.count += 1
            if let line, entry.lines.last != line { entry.lines.append(line) }
            counts[document] = entry
        }
        return counts
    }
}
