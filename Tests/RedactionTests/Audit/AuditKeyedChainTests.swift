import Foundation
@testable import Redaction
import Testing

/// The keyed chain (schema 4): what an attacker holding the file but not the key can do to
/// a log, each detected; and an old (schema 3, unkeyed) log still verifies once migrated.
@Suite("Audit keyed chain")
struct AuditKeyedChainTests {
    static let attacker = AuditChainKey(hmacKey: Array(repeating: 9, count: 32))

    /// Recomputes every chain entry from the first in `seq` order with `key` (nil: schema 3's
    /// unkeyed hash), as a script that knows the format but not the run's key would.
    static func rechain(_ path: String, key: AuditChainKey?) throws {
        let database = try SQLiteDatabase(path: path)
        var entries: [(seq: Int64, table: AuditChain.Table, id: Int64, values: [ChainValue])] = []
        for table in AuditChain.tables {
            // A schema 3 log lacks the tables and columns schema 4 chains.
            let chained = try database.prepare(sql: "SELECT count(*) FROM pragma_table_info('\(table.name)') WHERE name = 'seq'")
                .rows { $0.int(at: 0) }[0]
            guard chained == 1 else { continue }
            let select = try database.prepare(sql: table.selectSQL(after: 0))
            while try select.step() {
                if select.isNull(at: 1) { continue }  // pre-chain rows have no position
                entries.append((select.int64(at: 1), table, select.int64(at: 0),
                                (0..<Int32(table.columns.count)).map { select.chainValue(at: 4 + $0) }))
            }
        }
        var previous = try database.prepare(sql: "SELECT prechain_runs, prechain_documents, prechain_decisions FROM chain_state")
            .rows { AuditChain.genesis(prechainRuns: $0.int64(at: 0), documents: $0.int64(at: 1), decisions: $0.int64(at: 2)) }[0]
        for entry in entries.sorted(by: { $0.seq < $1.seq }) {
            let hash = AuditChain.hash(table: entry.table.name, id: entry.id, seq: entry.seq, prevHash: previous,
                                       values: entry.values, key: key)
            let update = try database.prepare(sql: "UPDATE \(entry.table.name) SET prev_hash = ?, hash = ? WHERE \(entry.table.idColumn) = ?")
            try update.bind(previous, at: 1)
            try update.bind(hash, at: 2)
            try update.bind(entry.id, at: 3)
            try update.execute()
            previous = hash
        }
        try database.execute(sql: "UPDATE chain_state SET head = '\(previous)'")
    }

    /// A log with a manifest blob and pseudonym numbers, as a run writes them.
    static func makeLog(at path: String) throws {
        let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
        let manifest = try log.storeBlob("{\"rules\":[]}", kind: "manifest")
        var run = AuditFixtures.run()
        run.manifest = manifest
        let id = try log.beginRun(run)
        try log.append(document: AuditFixtures.document(), decisions: [AuditFixtures.decision()], runID: id)
        try log.recordPseudonymNumbers([.init(entity: "person", valueHMAC: String(repeating: "c", count: 64), number: 1)],
                                       keyID: AuditFixtures.chainKey.keyID, runID: id)
        try log.finishRun(id: id, endedAt: AuditFixtures.startedAt, status: "ok", documents: 1, decisions: 1, errors: 0)
    }

    static func verify(_ path: String) throws -> AuditVerifier.Report {
        try AuditQuery(path: path).verify(keys: [AuditFixtures.chainKey])
    }

    @Test("an untouched log verifies with the key; without it nothing is passed")
    func intact() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            try Self.makeLog(at: path)
            let report = try Self.verify(path)
            #expect(report.isIntact, "\(report.problem?.description ?? "")")
            #expect(report.uncheckedKeys.isEmpty)
            #expect(report.entries["pseudonym_number"] == 1)
            let keyless = try AuditQuery(path: path).verify(keys: [Self.attacker])
            #expect(keyless.uncheckedKeys == [AuditFixtures.chainKey.keyID])
        }
    }

    @Test("tampering that needs no key is detected", arguments: [
        // Edit a row, then recompute the chain as schema 3 did (no key) or under another key.
        ("UPDATE decision SET verdict = 'keep' WHERE id = 1", "unkeyed", "its contents do not match its keyed hash"),
        ("UPDATE decision SET verdict = 'keep' WHERE id = 1", "attacker", "its contents do not match its keyed hash"),
        ("DELETE FROM blob", "", "run 1: its manifest or review blob is missing"),
        ("UPDATE pseudonym_number SET number = 2", "", "pseudonym_number 1: its contents do not match"),
        ("UPDATE pseudonym_number SET number = 2", "attacker", "run 1: its contents do not match its keyed hash"),
        // Make the log look like a schema 2 log: every row pre-chain, the chain empty.
        ("""
         DELETE FROM run_end; DELETE FROM pseudonym_number;
         UPDATE run SET seq = NULL, prev_hash = NULL, hash = NULL; UPDATE document SET seq = NULL, prev_hash = NULL, hash = NULL;
         UPDATE decision SET seq = NULL, prev_hash = NULL, hash = NULL;
         UPDATE chain_state SET prechain_runs = 1, prechain_documents = 1, prechain_decisions = 1, seq = 0, head = NULL
         """, "", "no keyed migration entry attests them"),
        // Claim every entry was written unkeyed before a migration, then recompute unkeyed.
        ("UPDATE decision SET verdict = 'keep' WHERE id = 1; UPDATE chain_state SET keyed_from = 100", "unkeyed",
         "no keyed migration entry attests them"),
    ])
    func detects(sql: String, rechain: String, expected: String) throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            try Self.makeLog(at: path)
            try SQLiteDatabase(path: path).execute(sql: sql)
            if rechain == "unkeyed" { try Self.rechain(path, key: nil) }
            if rechain == "attacker" { try Self.rechain(path, key: Self.attacker) }
            let report = try Self.verify(path)
            #expect(!report.isIntact)
            #expect(report.problem?.description.contains(expected) == true, "\(report.problem?.description ?? "intact")")
        }
    }

    /// A schema 3 log as the previous release wrote it: the shipped scripts, one run, chained without a key.
    static func makeVersion3(at path: String) throws {
        let database = try SQLiteDatabase(path: path)
        for migration in AuditSchema.migrations where migration.version <= 3 { try database.execute(sql: migration.sql) }
        try database.execute(sql: """
            INSERT INTO run (id, tool_version, command, argv, rules_digest, policy_digest, policy_name, key_id, started_at,
                             ended_at, status, documents, decisions, errors, seq, prev_hash, hash)
            VALUES (1, '0.2.0', 'run', '[]', 'a', 'b', 'publish', 'k1', 't0', 't1', 'ok', 0, 0, 0, 1, '', '');
            INSERT INTO run_end (id, run_id, ended_at, status, documents, decisions, errors, seq, prev_hash, hash)
            VALUES (1, 1, 't1', 'ok', 0, 0, 0, 2, '', '');
            INSERT INTO pseudonym_number VALUES ('k1', 'person', printf('%064d', 5), 1, 1);
            UPDATE chain_state SET seq = 2;
            """)
        try rechain(path, key: nil)
    }

    @Test("a schema 3 log migrates: its unkeyed entries and pseudonym numbers are attested by a keyed entry")
    func migratesVersion3() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            try Self.makeVersion3(at: path)
            _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            let report = try Self.verify(path)
            #expect(report.isIntact, "\(report.problem?.description ?? "")")
            #expect(report.migratedFrom == 3)
            #expect(report.keyedFrom == 3)
            #expect(report.uncheckedKeys.isEmpty)
            // Run 1 was written under key k1, whose entries are unkeyed: nothing to check with a key.
            try SQLiteDatabase(path: path).execute(sql: "UPDATE pseudonym_number SET number = 4")
            #expect(try Self.verify(path).problem?.description.contains("migration") == true)
        }
    }

    @Test("an edited unkeyed entry of a migrated log cannot be re-hashed past the migration")
    func migratedPrefixIsSealed() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            try Self.makeVersion3(at: path)
            _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            try SQLiteDatabase(path: path).execute(sql: "UPDATE run SET policy_name = 'review' WHERE id = 1")
            try Self.rechain(path, key: nil)
            let report = try Self.verify(path)
            #expect(report.problem?.description.contains("chain_migration 1: its contents do not match its keyed hash") == true,
                    "\(report.problem?.description ?? "intact")")
        }
    }
}
