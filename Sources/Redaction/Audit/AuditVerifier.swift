/// Walks the hash chain of an audit log (see ``AuditChain``) and reports the first entry
/// that does not hold, or that the chain is intact. Reads only. Needs the key of every run
/// whose entries it checks (each entry is sealed with its run's ``AuditChainKey``); the
/// entries of runs whose key it was not given are reported, not passed.
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
        /// The first keyed entry's position: entries before it were written unkeyed by
        /// schema 3, before the log was migrated (1 for a log created keyed).
        public var keyedFrom: Int64 = 1
        /// The schema version a migrated log had, from its keyed migration entry.
        public var migratedFrom: Int64?
        /// Key ids of entries whose seal could not be checked: their key was not given.
        public var uncheckedKeys: Set<String> = []
        /// Runs still marked `running`: going on now, or killed (`redact audit recover`).
        public var unfinishedRuns: [Int64] = []
        /// Documents logged with a staged output that was never marked published or withdrawn.
        public var unpublished = 0

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
    /// The chain keys at hand, by key id.
    let keys: [String: AuditChainKey]

    init(database: SQLiteDatabase, keys: [AuditChainKey]) {
        self.database = database
        self.keys = Dictionary(keys.map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Checks every chained entry in `seq` order; with `expectedHead`, also that this hash
    /// is on the chain (entries appended after it are fine; missing is truncation or a
    /// rewritten chain).
    public func verify(expectedHead: String? = nil) throws -> Report {
        var report = Report()
        let state = try database.prepare(sql: """
            SELECT prechain_runs, prechain_documents, prechain_decisions, seq, head, keyed_from, prechain_pseudonyms
            FROM chain_state WHERE id = 1
            """).rows { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2), $0.int64(at: 3), $0.string(at: 4),
                         $0.int64(at: 5), $0.int64(at: 6)) }
        guard let (runs, documents, decisions, recordedSeq, recordedHead, keyedFrom, pseudonyms) = state.first else {
            report.problem = Problem(message: "the chain_state row is missing")
            return report
        }
        report.keyedFrom = keyedFrom
        report.unfinishedRuns = try database.prepare(sql: "SELECT id FROM run WHERE status = 'running' ORDER BY id")
            .rows { $0.int64(at: 0) }
        report.unpublished = try database.prepare(sql: "SELECT count(*) FROM document WHERE staged_path IS NOT NULL")
            .rows { $0.int(at: 0) }.first ?? 0
        let bounds: [String: Int64] = ["run": runs, "document": documents, "decision": decisions, "pseudonym_number": pseudonyms]
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
        // Which run (hence key) each entry belongs to, learnt from entries already checked.
        var runKey: [Int64: String] = [:]
        var documentRun: [Int64: Int64] = [:]
        var migration: (seq: Int64, values: [ChainValue], id: Int64)?
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
            let keyID = Self.keyID(of: table, values: entry.values, runKey: runKey, documentRun: documentRun)
            if table == AuditChain.run.name, let keyID { runKey[entry.id] = keyID }
            if table == AuditChain.document.name, case .int(let run)? = entry.values.first { documentRun[entry.id] = run }
            if table == AuditChain.migration.name {
                if migration != nil { return fail("a second migration entry: only one migration is ever recorded") }
                migration = (seq, entry.values, entry.id)
            }
            if seq < keyedFrom {
                let computed = AuditChain.hash(table: table, id: entry.id, seq: seq, prevHash: prevHash, values: entry.values, key: nil)
                if computed != hash {
                    return fail("its contents do not match its hash: a column was edited")
                }
            } else if let keyID, let key = keys[keyID] {
                let computed = AuditChain.hash(table: table, id: entry.id, seq: seq, prevHash: prevHash, values: entry.values, key: key)
                if computed != hash {
                    return fail("its contents do not match its keyed hash: a column was edited, or the chain recomputed without the key")
                }
            } else if let keyID {
                report.uncheckedKeys.insert(keyID)
            } else {
                return fail("it belongs to no run or document on the chain")
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
        if let problem = try migrationMismatch(migration, keyedFrom: keyedFrom, runs: runs, documents: documents,
                                               decisions: decisions, pseudonyms: pseudonyms, report: &report) {
            report.problem = problem
            return report
        }
        if let problem = try runEndMismatch(after: runs) {
            report.problem = problem
            return report
        }
        if let problem = try missingBlob(after: runs) {
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
            let id = table.idColumn
            let found = try database.prepare(sql: "SELECT min(\(id)) FROM \(table.name) WHERE \(id) > \(bound) AND seq IS NULL")
                .rows { $0.isNull(at: 0) ? nil : $0.int64(at: 0) }.first ?? nil
            if let found {
                return Problem(table: table.name, id: found, message: "the row is not on the chain: inserted after the chain began")
            }
        }
        return nil
    }

    /// The key id an entry is sealed with: its run's (a run names it; a document, override,
    /// run end, publication or decision belongs to a run), or its own (pseudonym numbers
    /// and the migration entry name the key). Nil when the run is not on the chain.
    static func keyID(of table: String, values: [ChainValue], runKey: [Int64: String], documentRun: [Int64: Int64]) -> String? {
        func text(_ index: Int) -> String? { if case .text(let value) = values[index] { return value }; return nil }
        func int(_ index: Int) -> Int64? { if case .int(let value) = values[index] { return value }; return nil }
        switch table {
        case AuditChain.run.name: return text(6)
        case AuditChain.pseudonym.name, AuditChain.migration.name: return text(0)
        case AuditChain.decision.name, AuditChain.publication.name:
            return int(0).flatMap { documentRun[$0] }.flatMap { runKey[$0] }
        default: return int(0).flatMap { runKey[$0] }
        }
    }

    /// A log may claim pre-chain rows or unkeyed entries only if its keyed migration entry,
    /// at the first keyed position, says exactly that (a reset `chain_state` cannot).
    private func migrationMismatch(_ migration: (seq: Int64, values: [ChainValue], id: Int64)?, keyedFrom: Int64,
                                   runs: Int64, documents: Int64, decisions: Int64, pseudonyms: Int64,
                                   report: inout Report) throws -> Problem? {
        let claimsPast = runs > 0 || documents > 0 || decisions > 0 || pseudonyms > 0 || keyedFrom > 1
        guard let migration else {
            return claimsPast
                ? Problem(message: "chain_state claims rows written before the chain or unkeyed entries, but no keyed "
                          + "migration entry attests them: chain_state was reset or the chain rewritten")
                : nil
        }
        let digest = try AuditLog.pseudonymDigest(database, upTo: pseudonyms)
        let expected: [ChainValue] = [.int(runs), .int(documents), .int(decisions), .int(pseudonyms), .text(digest),
                                      .int(keyedFrom - 1)]
        guard migration.seq == keyedFrom, Array(migration.values[2...7]) == expected else {
            return Problem(table: AuditChain.migration.name, id: migration.id,
                           message: "what the migration attests (pre-chain rows, unkeyed entries, pseudonym numbers) "
                           + "differs from the log: chain_state, a pre-chain pseudonym number or the chain was altered")
        }
        if case .int(let version) = migration.values[1] { report.migratedFrom = version }
        return nil
    }

    /// A chained run names its manifest and review blobs by SHA-256: both must still be there.
    private func missingBlob(after prechain: Int64) throws -> Problem? {
        let missing = try database.prepare(sql: """
            SELECT min(id) FROM run r WHERE id > \(prechain) AND (
                (manifest_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = r.manifest_sha256))
                OR (review_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = r.review_sha256)))
            """).rows { $0.isNull(at: 0) ? nil : $0.int64(at: 0) }.first ?? nil
        guard let missing else { return nil }
        return Problem(table: "run", id: missing, message: "its manifest or review blob is missing: deleted from the blob table")
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
