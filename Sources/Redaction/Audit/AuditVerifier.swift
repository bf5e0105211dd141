/// Walks the hash chain of an audit log (see ``AuditChain``) and reports the first entry
/// that does not hold, or that the chain is intact. Reads only; uses no key.
public struct AuditVerifier {
    /// What `verify` found.
    public struct Report: Sendable, Equatable {
        /// Chained entries checked, by table.
        public var entries: [String: Int] = [:]
        /// Rows written before schema 3, which the chain does not cover, by table.
        public var prechain: [String: Int64] = [:]
        /// The last entry's hash (the genesis hash when the chain is empty).
        public var head: String = ""
        /// The number of entries.
        public var length: Int64 = 0
        /// The first problem, naming table and row id; nil when intact.
        public var problem: Problem?
        /// With an expected head: how many entries were appended after it (0 when it is the
        /// current head); nil when it was not found or none was given.
        public var appendedAfterHead: Int64?

        public var isIntact: Bool { problem == nil }
    }

    /// The first bad entry: its table and id (nil for a problem of the chain as a whole,
    /// such as a truncated tail), and what is wrong, in words.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var table: String?
        public var id: Int64?
        public var message: String

        public var description: String {
            guard let table, let id else { return message }
            return "\(table) \(id): \(message)"
        }
    }

    let database: SQLiteDatabase

    init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Checks every chained entry in `seq` order; with `expectedHead`, also that this hash
    /// is on the chain (entries appended after it are fine; missing is truncation or a
    /// rewritten chain).
    public func verify(expectedHead: String? = nil) throws -> Report {
        var report = Report()
        let state = try database.prepare(sql: """
            SELECT prechain_runs, prechain_documents, prechain_decisions, seq, head FROM chain_state WHERE id = 1
            """).rows { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2), $0.int64(at: 3), $0.string(at: 4)) }
        guard let (runs, documents, decisions, recordedSeq, recordedHead) = state.first else {
            report.problem = Problem(message: "the chain_state row is missing")
            return report
        }
        let bounds: [String: Int64] = ["run": runs, "document": documents, "decision": decisions]
        report.prechain = bounds.filter { $0.value > 0 }
        let genesis = AuditChain.genesis(prechainRuns: runs, documents: documents, decisions: decisions)
        report.head = genesis
        if let problem = try unchainedRow(bounds: bounds) {
            report.problem = problem
            return report
        }
        var cursors = try AuditChain.tables.map { try Cursor(table: $0, database: database, after: bounds[$0.name] ?? 0) }
        var previous = genesis
        var previousName = "the genesis"
        var expected: Int64 = 1
        var headSeq: Int64?
        if expectedHead == genesis { headSeq = 0 }
        while let index = cursors.indices.filter({ cursors[$0].current != nil })
            .min(by: { cursors[$0].current!.seq ?? .min < cursors[$1].current!.seq ?? .min }) {
            let entry = cursors[index].current!
            let table = cursors[index].table.name
            func fail(_ message: String) -> Report {
                report.problem = Problem(table: table, id: entry.id, message: message)
                return report
            }
            guard let seq = entry.seq, let prevHash = entry.prevHash, let hash = entry.hash else {
                return fail("the row is not on the chain (seq, prev_hash or hash missing): inserted or edited")
            }
            if seq < expected {
                return fail("chain position \(seq) is used twice or out of order: a row was inserted or reordered")
            }
            if seq > expected {
                return fail("the chain entry before it (position \(expected)) is missing or out of order: a row was deleted or reordered")
            }
            if prevHash != previous {
                return fail("its prev_hash does not match the hash of \(previousName): a row before it was "
                            + "deleted, inserted or reordered")
            }
            let computed = AuditChain.hash(table: table, id: entry.id, seq: seq, prevHash: prevHash, values: entry.values)
            if computed != hash {
                return fail("its contents do not match its hash: a column was edited")
            }
            if hash == expectedHead { headSeq = seq }
            report.entries[table, default: 0] += 1
            previous = hash
            previousName = "\(table) \(entry.id)"
            expected += 1
            try cursors[index].advance()
        }
        report.length = expected - 1
        report.head = previous
        if recordedSeq != report.length || (recordedHead ?? genesis) != previous {
            report.problem = Problem(message: recordedSeq > report.length
                ? "the log recorded \(recordedSeq) chain entries but only \(report.length) remain: rows were deleted from the end"
                : "the chain ends at entry \(report.length) but the log's recorded head is at \(recordedSeq): the end of the chain was altered")
            return report
        }
        if let problem = try runEndMismatch(after: runs) {
            report.problem = problem
            return report
        }
        if let problem = try badBlob() {
            report.problem = problem
            return report
        }
        if let expectedHead {
            if let headSeq {
                report.appendedAfterHead = report.length - headSeq
            } else {
                report.problem = Problem(message: "the expected head \(expectedHead) is not on the chain: entries up to it "
                                         + "were deleted (truncated) or the chain was rewritten")
            }
        }
        return report
    }

    /// A row past the pre-chain bound without a chain position (a row inserted by hand).
    private func unchainedRow(bounds: [String: Int64]) throws -> Problem? {
        for table in AuditChain.tables {
            let bound = bounds[table.name] ?? 0
            let found = try database.prepare(sql: "SELECT min(id) FROM \(table.name) WHERE id > \(bound) AND seq IS NULL")
                .rows { $0.isNull(at: 0) ? nil : $0.int64(at: 0) }.first ?? nil
            if let found {
                return Problem(table: table.name, id: found, message: "the row is not on the chain: inserted after the chain began")
            }
        }
        return nil
    }

    /// The `run` row's end columns are filled for readers; they must say what the chained
    /// `run_end` entry says, or show a run still running.
    private func runEndMismatch(after prechain: Int64) throws -> Problem? {
        let rows = try database.prepare(sql: """
            SELECT r.id, r.ended_at IS e.ended_at AND r.status IS e.status AND r.documents IS e.documents
                   AND r.decisions IS e.decisions AND r.errors IS e.errors,
                   e.id IS NULL AND r.ended_at IS NULL AND r.status IS 'running' AND r.documents IS NULL
                   AND r.decisions IS NULL AND r.errors IS NULL
            FROM run r LEFT JOIN run_end e ON e.run_id = r.id
            WHERE r.id > \(prechain) ORDER BY r.id
            """).rows { ($0.int64(at: 0), $0.int(at: 1) == 1, $0.int(at: 2) == 1) }
        for (id, matchesEnd, stillRunning) in rows where !matchesEnd && !stillRunning {
            return Problem(table: "run", id: id, message: "its end time, status or counts differ from its chained run_end entry")
        }
        return nil
    }

    /// Blobs are addressed by their SHA-256; one whose text no longer hashes to its key was edited.
    private func badBlob() throws -> Problem? {
        let blobs = try database.prepare(sql: "SELECT rowid, sha256, content FROM blob ORDER BY rowid")
            .rows { ($0.int64(at: 0), $0.string(at: 1) ?? "", $0.string(at: 2) ?? "") }
        for (rowid, digest, content) in blobs where ValueFingerprinter.sha256(Array(content.utf8)) != digest {
            return Problem(table: "blob", id: rowid, message: "its content does not match its SHA-256 key: edited")
        }
        return nil
    }

    /// Steps through one table's chained rows in id order.
    private struct Cursor {
        struct Entry {
            var id: Int64
            var seq: Int64?
            var prevHash: String?
            var hash: String?
            var values: [ChainValue]
        }

        let table: AuditChain.Table
        let statement: SQLiteStatement
        var current: Entry?

        init(table: AuditChain.Table, database: SQLiteDatabase, after bound: Int64) throws {
            self.table = table
            statement = try database.prepare(sql: table.selectSQL(after: bound))
            try advance()
        }

        mutating func advance() throws {
            guard try statement.step() else {
                current = nil
                return
            }
            let count = Int32(table.columns.count)
            current = Entry(
                id: statement.int64(at: 0), seq: statement.isNull(at: 1) ? nil : statement.int64(at: 1),
                prevHash: statement.string(at: 2), hash: statement.string(at: 3),
                values: (0..<count).map { statement.chainValue(at: 4 + $0) })
        }
    }
}
