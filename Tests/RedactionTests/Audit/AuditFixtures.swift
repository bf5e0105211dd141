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

    static let startedAt = Date(timeIntervalSince1970: 1_790_000_000.123)

    static func run(argv: [String] = ["redact", "run", "in/", "--out", "out/"]) -> AuditRun {
        AuditRun(
            toolVersion: "0.1.0", command: "run", argv: argv,
            rulesDigest: String(repeating: "a", count: 64), policyDigest: String(repeating: "b", count: 64),
            policyName: "default", keyID: "k1", startedAt: startedAt)
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
