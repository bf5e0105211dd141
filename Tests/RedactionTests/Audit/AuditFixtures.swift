import Foundation
import Redaction

/// Shared inputs for the audit tests: temporary directories and sample rows.
enum AuditFixtures {
    /// Runs `body` with a fresh directory under the system temporary directory, removed after.
    static func withDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redact-audit-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try body(directory)
    }

    /// The chain key the fixture runs use (a fixed key: the logs are throwaway).
    static let chainKey = AuditChainKey(hmacKey: Array(repeating: 7, count: 32))

    static let startedAt = Date(timeIntervalSince1970: 1_790_000_000.123)

    static func run(argv: [String] = ["redact", "run", "in/", "--out", "out/"]) -> AuditRun {
        AuditRun(
            toolVersion: "0.1.0", command: "run", argv: argv,
            rulesDigest: String(repeating: "a", count: 64), policyDigest: String(repeating: "b", count: 64),
            policyName: "default", keyID: chainKey.keyID, startedAt: startedAt)
    }

    static func document(path: String = "people.csv") -> AuditDocument {
        AuditDocument(
            path: path, format: "csv", inputSHA256: String(repeating: "c", count: 64),
            outputSHA256: String(repeating: "d", count: 64), outputPath: "out/" + path,
            status: "redacted", records: 3, bytes: 120)
    }

    static func decision(record: Int = 1, start: Int = 10, end: Int = 19, hmac: String? = nil) -> AuditDecision {
        AuditDecision(
            record: record, field: "护照号码", start: start, end: end, byteStart: start + 2, byteEnd: end + 2,
            rule: "passport-cn", entity: "passport_number", confidence: "high", verdict: "redact",
            reason: "above_threshold", operator: "label",
            valueHMAC: hmac ?? String(format: "%064x", record), evidence: #"{"context":"passport"}"#)
    }

    /// Counts the rows of `table` through a separate connection.
    static func count(_ table: StaticString, in path: String) throws -> Int64 {
        let database = try SQLiteDatabase(path: path)
        return try database.prepare(sql: "SELECT count(*) FROM \(table)").rows { $0.int64(at: 0) }.first ?? -1
    }

    /// Reads a text-valued pragma through a separate connection.
    static func pragma(_ name: StaticString, in path: String) throws -> String? {
        let database = try SQLiteDatabase(path: path)
        return try database.prepare(sql: "PRAGMA \(name)").rows { $0.string(at: 0) }.first ?? nil
    }
}

extension AuditFixtures {
    /// A log as Redact 0.1 (schema 2) wrote it: the shipped v1 and v2 scripts, one finished
    /// run with one document and two decisions.
    static func createVersion2(at path: String) throws {
        let database = try SQLiteDatabase(path: path)
        try database.execute(sql: """
            PRAGMA application_id = 1380205396;
            CREATE TABLE run (id INTEGER PRIMARY KEY, tool_version TEXT NOT NULL, command TEXT NOT NULL,
                argv TEXT NOT NULL CHECK (json_valid(argv) AND json_type(argv) = 'array'), rules_digest TEXT NOT NULL,
                policy_digest TEXT NOT NULL, policy_name TEXT NOT NULL, key_id TEXT NOT NULL, started_at TEXT NOT NULL,
                ended_at TEXT, status TEXT, documents INTEGER, decisions INTEGER, errors INTEGER) STRICT;
            CREATE TABLE document (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES run(id), path TEXT NOT NULL,
                format TEXT NOT NULL, input_sha256 TEXT NOT NULL, output_sha256 TEXT, output_path TEXT,
                status TEXT NOT NULL, error TEXT, records INTEGER NOT NULL, bytes INTEGER NOT NULL) STRICT;
            CREATE TABLE decision (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES document(id),
                record INTEGER NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, rule TEXT NOT NULL, entity TEXT NOT NULL,
                confidence TEXT NOT NULL, verdict TEXT NOT NULL CHECK (verdict IN ('redact', 'keep')), reason TEXT NOT NULL,
                operator TEXT, value_hmac TEXT NOT NULL CHECK (length(value_hmac) = 64),
                evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'object'),
                CHECK (0 <= start AND start <= "end" AND 0 <= byte_start AND byte_start <= byte_end)) STRICT;
            CREATE INDEX document_run_id ON document(run_id);
            CREATE INDEX decision_document_id ON decision(document_id);
            PRAGMA user_version = 1;
            CREATE TABLE pseudonym_number (key_id TEXT NOT NULL, entity TEXT NOT NULL,
                value_hmac TEXT NOT NULL CHECK (length(value_hmac) = 64), number INTEGER NOT NULL CHECK (number > 0),
                run_id INTEGER NOT NULL REFERENCES run(id), PRIMARY KEY (key_id, entity, value_hmac),
                UNIQUE (key_id, entity, number)) STRICT;
            PRAGMA user_version = 2;
            INSERT INTO run VALUES (1, '0.1.0', 'run', '["redact"]', 'a', 'b', 'publish', 'k1',
                                    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 'ok', 1, 2, 0);
            INSERT INTO document VALUES (1, 1, 'old.txt', 'text', 'c', 'd', 'out/old.txt', 'redacted', NULL, 1, 10);
            INSERT INTO decision VALUES (1, 1, 1, '', 0, 3, 0, 3, 'r', 'person', 'high', 'redact', 'x', 'label',
                                         printf('%064d', 1), '{}');
            INSERT INTO decision VALUES (2, 1, 1, '', 5, 8, 5, 8, 'r', 'person', 'low', 'keep', 'y', NULL,
                                         printf('%064d', 2), '{}');
            """)
    }
}
