import Foundation
import Redaction
import Testing

@Suite("Audit log files")
struct AuditLogFileTests {
    @Test("reopening a log keeps its rows and version")
    func reopens() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            do {
                let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
                let runID = try log.beginRun(AuditFixtures.run())
                try log.append(document: AuditFixtures.document(), decisions: [AuditFixtures.decision()], runID: runID)
            }
            _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            #expect(try AuditQuery(path: path).runs().count == 1)
            #expect(try AuditFixtures.pragma("user_version", in: path) == "\(AuditLog.schemaVersion)")
            #expect(try AuditFixtures.count("decision", in: path) == 1)
        }
    }

    @Test("a log with a newer schema version is refused")
    func refusesNewerSchema() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            try SQLiteDatabase(path: path).execute(sql: "PRAGMA user_version = 99")
            let error = #expect(throws: AuditError.newerSchema(path: path, found: 99, supported: AuditLog.schemaVersion)) {
                _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            }
            #expect(error.map { String(describing: $0).contains("newer") } == true)
        }
    }

    @Test("another application's SQLite database is left alone")
    func refusesForeignDatabase() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/other.sqlite"
            try SQLiteDatabase(path: path).execute(sql: "CREATE TABLE notes (body TEXT)")
            #expect(throws: AuditError.notAnAuditLog(path: path)) {
                _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            }
            #expect(try AuditFixtures.count("sqlite_schema", in: path) == 1)
        }
    }

    @Test("two connections appending to one file wait for each other")
    func concurrentWriters() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redact-audit-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/audit.sqlite"
        let logs = [try AuditLog(path: path, chainKey: AuditFixtures.chainKey), try AuditLog(path: path, chainKey: AuditFixtures.chainKey)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for log in logs {
                group.addTask {
                    let runID = try log.beginRun(AuditFixtures.run())
                    for index in 0..<25 {
                        let decisions = (1...40).map { AuditFixtures.decision(record: $0) }
                        try log.append(document: AuditFixtures.document(path: "f\(index)"), decisions: decisions, runID: runID)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try AuditFixtures.count("document", in: path) == 50)
        #expect(try AuditFixtures.count("decision", in: path) == 2000)
    }
}
