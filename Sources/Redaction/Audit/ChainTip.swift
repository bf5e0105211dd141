/// The end of the hash chain, as `chain_state` records it: the last entry's `seq` and
/// hash. Read and written inside each writing transaction (which holds SQLite's write
/// lock), so runs appending to one file from several processes extend one chain.
struct ChainTip {
    var seq: Int64
    var head: String

    static func read(_ database: SQLiteDatabase, path: String) throws -> ChainTip {
        let rows = try database.prepare(sql: """
            SELECT seq, head, prechain_runs, prechain_documents, prechain_decisions FROM chain_state WHERE id = 1
            """).rows { row -> ChainTip in
            let head = row.string(at: 1) ?? AuditChain.genesis(
                prechainRuns: row.int64(at: 2), documents: row.int64(at: 3), decisions: row.int64(at: 4))
            return ChainTip(seq: row.int64(at: 0), head: head)
        }
        guard let tip = rows.first else {
            throw AuditError.unreadableRow(path: path, table: "chain_state", column: "seq", id: 1)
        }
        return tip
    }

    init(seq: Int64, head: String) {
        self.seq = seq
        self.head = head
    }

    /// The id the next row of `table` gets: one past the largest (a single B-tree seek).
    /// The hash covers a row's id, so it is chosen before the insert, not left to SQLite.
    func nextID(for table: AuditChain.Table, in database: SQLiteDatabase) throws -> Int64 {
        let last = try database.prepare(sql: "SELECT coalesce(max(\(table.idColumn)), 0) FROM \(table.name)").rows { $0.int64(at: 0) }.first ?? 0
        return last + 1
    }

    func write(_ database: SQLiteDatabase) throws {
        let update = try database.prepare(sql: "UPDATE chain_state SET seq = ?, head = ? WHERE id = 1")
        try update.bind(seq, at: 1)
        try update.bind(head, at: 2)
        try update.execute()
    }
}
