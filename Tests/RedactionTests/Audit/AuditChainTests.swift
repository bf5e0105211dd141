import Foundation
import Redaction
import Testing

/// The hash chain: every kind of tampering with a real SQLite file is detected and the
/// first bad row is named; a truncated tail is caught against a head kept outside.
@Suite("Audit hash chain")
struct AuditChainTests {
    /// A log with two runs of two documents of three decisions each; returns the heads.
    static func makeLog(at path: String) throws -> [String] {
        let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
        var heads: [String] = []
        for _ in 0..<2 {
            let run = try log.beginRun(AuditFixtures.run())
            for name in ["a.csv", "b.csv"] {
                try log.append(document: AuditFixtures.document(path: name),
                               decisions: (1...3).map { AuditFixtures.decision(record: $0) }, runID: run)
            }
            heads.append(try log.finishRun(id: run, endedAt: AuditFixtures.startedAt, status: "ok",
                                           documents: 2, decisions: 6, errors: 0))
        }
        return heads
    }

    static func tampered(_ sql: String, head: String? = nil) throws -> AuditVerifier.Report {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            _ = try makeLog(at: path)
            try SQLiteDatabase(path: path).execute(sql: sql)
            return try AuditQuery(path: path).verify(expectedHead: head, keys: [AuditFixtures.chainKey])
        }
    }

    @Test("an untouched log verifies, with every entry counted and the last run's head")
    func intact() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let heads = try Self.makeLog(at: path)
            let report = try AuditQuery(path: path).verify(keys: [AuditFixtures.chainKey])
            #expect(report.isIntact)
            #expect(report.length == 2 * (1 + 2 * 4 + 1))
            #expect(report.entries["decision"] == 12)
            #expect(report.head == heads[1])
            let earlier = try AuditQuery(path: path).verify(expectedHead: heads[0], keys: [AuditFixtures.chainKey])
            #expect(earlier.isIntact)
            #expect(earlier.appendedAfterHead == 10)
            #expect(try AuditQuery(path: path).runs().map(\.head) == heads)
        }
    }

    @Test("tampering is detected and the first bad row named", arguments: [
        ("UPDATE decision SET confidence = 'low' WHERE id = 5", "decision 5: its contents do not match"),
        ("UPDATE decision SET value_hmac = printf('%064d', 7) WHERE id = 2", "decision 2: its contents"),
        ("UPDATE document SET output_sha256 = NULL WHERE id = 3", "document 3: its contents"),
        ("UPDATE run SET argv = '[]' WHERE id = 2", "run 2: its contents"),
        ("DELETE FROM decision WHERE id = 4", "decision 5: the chain entry before it"),
        ("DELETE FROM document WHERE id = 4", "decision 10: the chain entry before it"),
        ("""
         INSERT INTO decision (document_id, record, field, start, "end", byte_start, byte_end, rule, entity, confidence,
                               verdict, reason, value_hmac, evidence)
         SELECT document_id, record, field, start, "end", byte_start, byte_end, rule, entity, confidence, verdict, reason,
                value_hmac, evidence FROM decision WHERE id = 1
         """, "decision 13: the row is not on the chain"),
        // A forged entry copied with another row's chain columns.
        ("""
         INSERT INTO decision (id, document_id, record, field, start, "end", byte_start, byte_end, rule, entity, confidence,
                               verdict, reason, value_hmac, evidence, seq, prev_hash, hash)
         SELECT 100, document_id, record, field, start, "end", byte_start, byte_end, rule, entity, confidence, verdict,
                reason, value_hmac, evidence, seq, prev_hash, hash FROM decision WHERE id = 12
         """, "decision 100: chain position"),
        // Reorder: two rows swap their contents (ids stay).
        ("""
         UPDATE decision SET record = CASE id WHEN 1 THEN 2 ELSE 1 END,
                             value_hmac = CASE id WHEN 1 THEN printf('%064x', 2) ELSE printf('%064x', 1) END
         WHERE id IN (1, 2)
         """, "decision 1: its contents"),
        // Reorder: two rows swap everything, chain columns included.
        ("""
         UPDATE decision SET id = -1 WHERE id = 1; UPDATE decision SET id = 1 WHERE id = 2; UPDATE decision SET id = 2 WHERE id = -1
         """, "decision 1: the chain entry before it (position 3) is missing or out of order"),
        ("UPDATE run SET status = 'errors' WHERE id = 1", "run 1: its end time, status or counts differ"),
        ("UPDATE decision SET seq = NULL WHERE id = 7", "decision 7: the row is not on the chain"),
        ("UPDATE chain_state SET prechain_decisions = 3", "run 1: its prev_hash does not match"),
        ("DELETE FROM run_end WHERE id = 2", "rows were deleted from the end"),
    ])
    func detects(sql: String, expected: String) throws {
        let report = try Self.tampered(sql)
        #expect(!report.isIntact)
        #expect(report.problem?.description.contains(expected) == true, "\(report.problem?.description ?? "intact")")
    }

    @Test("a truncated tail passes alone but not against the head printed before it")
    func truncation() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let heads = try Self.makeLog(at: path)
            // A careful truncation: the last run's end and last document removed, chain_state rewound.
            try SQLiteDatabase(path: path).execute(sql: """
                DELETE FROM run_end WHERE run_id = 2;
                UPDATE run SET ended_at = NULL, status = 'running', documents = NULL, decisions = NULL, errors = NULL WHERE id = 2;
                DELETE FROM decision WHERE document_id = 4;
                DELETE FROM document WHERE id = 4;
                UPDATE chain_state SET seq = (SELECT max(seq) FROM decision), head = (SELECT hash FROM decision WHERE id = 9);
                """)
            let query = try AuditQuery(path: path)
            #expect(try query.verify(keys: [AuditFixtures.chainKey]).isIntact)
            let report = try query.verify(expectedHead: heads[1], keys: [AuditFixtures.chainKey])
            #expect(!report.isIntact)
            #expect(report.problem?.message.contains("not on the chain") == true)
            #expect(try query.verify(expectedHead: heads[0], keys: [AuditFixtures.chainKey]).isIntact)
        }
    }

    @Test("a schema 2 log migrates: old rows are reported as pre-chain, new rows are chained")
    func migratesVersion2() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            try AuditFixtures.createVersion2(at: path)
            #expect(throws: AuditError.olderSchema(path: path, found: 2, supported: 4)) { _ = try AuditQuery(path: path) }
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            #expect(try AuditFixtures.pragma("user_version", in: path) == "4")
            let run = try log.beginRun(AuditFixtures.run())
            try log.append(document: AuditFixtures.document(), decisions: [AuditFixtures.decision()], runID: run)
            try log.finishRun(id: run, endedAt: AuditFixtures.startedAt, status: "ok", documents: 1, decisions: 1, errors: 0)
            let report = try AuditQuery(path: path).verify(keys: [AuditFixtures.chainKey])
            #expect(report.isIntact, "\(report.problem?.description ?? "")")
            #expect(report.prechain == ["run": 1, "document": 1, "decision": 2])
            // The keyed migration entry, then the new run's four entries.
            #expect(report.length == 5)
            #expect(report.migratedFrom == 2)
            #expect(try AuditQuery(path: path).runs().count == 2)
            // Raising the pre-chain bound to hide a new row changes the genesis.
            try SQLiteDatabase(path: path).execute(sql: "UPDATE chain_state SET prechain_decisions = 3")
            #expect(try AuditQuery(path: path).verify(keys: [AuditFixtures.chainKey]).isIntact == false)
        }
    }

    @Test("AuditQuery opens read-only and never creates a file")
    func readOnly() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/missing.sqlite"
            #expect(throws: AuditError.noLog(path: path)) { _ = try AuditQuery(path: path) }
            #expect(!FileManager.default.fileExists(atPath: path))
            let existing = directory + "/audit.sqlite"
            _ = try Self.makeLog(at: existing)
            _ = try AuditQuery(path: existing)
            let readOnly = try SQLiteDatabase(path: existing, readOnly: true)
            #expect(throws: SQLiteError.self) { try readOnly.execute(sql: "DELETE FROM decision") }
        }
    }
}
