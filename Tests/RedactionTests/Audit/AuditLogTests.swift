import Foundation
import Redaction
import Testing

@Suite("Audit log")
struct AuditLogTests {
    @Test("a new log has the latest schema version, WAL journal and its tables")
    func createsSchema() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/state/redact/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            #expect(AuditLog.schemaVersion == 4)
            #expect(try AuditFixtures.pragma("user_version", in: path) == "4")
            #expect(try AuditFixtures.pragma("journal_mode", in: path) == "wal")
            let database = try SQLiteDatabase(path: path)
            let tables = try database.prepare(sql: "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .rows { $0.string(at: 0) }
            #expect(tables == ["blob", "chain_migration", "chain_state", "decision", "document", "override", "pseudonym_number",
                                "publication", "run", "run_end"])
            withExtendedLifetime(log) {}
        }
    }

    @Test("the log file is created 0600 in a 0700 directory")
    func privateFile() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/state/redact/audit.sqlite"
            _ = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            let file = try FileManager.default.attributesOfItem(atPath: path)
            let parent = try FileManager.default.attributesOfItem(atPath: directory + "/state/redact")
            #expect((file[.posixPermissions] as? Int) == 0o600)
            #expect((parent[.posixPermissions] as? Int) == 0o700)
        }
    }

    @Test("a run, a document and its decisions read back as written")
    func roundTrip() throws {
        try AuditFixtures.withDirectory { directory in
            let log = try AuditLog(path: directory + "/audit.sqlite", chainKey: AuditFixtures.chainKey)
            let runID = try log.beginRun(AuditFixtures.run())
            let decisions = [AuditFixtures.decision(record: 1), AuditFixtures.decision(record: 2, start: 0, end: 0)]
            let documentID = try log.append(document: AuditFixtures.document(), decisions: decisions, runID: runID)
            try log.finishRun(
                id: runID, endedAt: AuditFixtures.startedAt.addingTimeInterval(2.5), status: "ok",
                documents: 1, decisions: 2, errors: 0)

            let query = try AuditQuery(path: directory + "/audit.sqlite")
            let runs = try query.runs()
            #expect(runs.count == 1)
            let expected = AuditFixtures.run()
            #expect(runs.first.map { [$0.toolVersion, $0.command, $0.rulesDigest, $0.policyDigest, $0.policyName, $0.keyID] }
                == [expected.toolVersion, expected.command, expected.rulesDigest, expected.policyDigest,
                    expected.policyName, expected.keyID])
            #expect(runs.first?.argv == expected.argv)
            #expect(runs.first?.startedAt == "2026-09-21T14:13:20.123Z")
            #expect(runs.first?.endedAt == "2026-09-21T14:13:22.623Z")
            #expect(runs.first?.status == "ok")
            #expect(runs.first?.decisions == 2)
            #expect(try query.documents(run: runID).map(\.id) == [documentID])
            #expect(try query.documents(run: runID).map(\.document) == [AuditFixtures.document()])
            #expect(try query.decisions(run: runID, document: documentID).map(\.decision) == decisions)
            var byValue = DecisionFilter()
            byValue.valueHMAC = decisions[1].valueHMAC
            #expect(try query.decisions(byValue).map(\.documentID) == [documentID])
        }
    }

    @Test("started_at is stored as ISO 8601 UTC with milliseconds")
    func timestampFormat() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            _ = try log.beginRun(AuditFixtures.run())
            let database = try SQLiteDatabase(path: path)
            let stored = try database.prepare(sql: "SELECT started_at, status FROM run")
                .rows { [$0.string(at: 0), $0.string(at: 1)] }
            #expect(stored == [["2026-09-21T14:13:20.123Z", "running"]])
        }
    }

    @Test("text with quotes and SQL round-trips as data", arguments: [
        "'); DROP TABLE run;--",
        #"O'Brien "quoted" \ back\slash"#,
        "emoji 🧾 and NUL \u{0} inside",
        "",
    ])
    func hostileText(_ text: String) throws {
        try AuditFixtures.withDirectory { directory in
            let log = try AuditLog(path: directory + "/audit.sqlite", chainKey: AuditFixtures.chainKey)
            let runID = try log.beginRun(AuditFixtures.run(argv: ["redact", text]))
            var document = AuditFixtures.document(path: text)
            document.error = text
            var decision = AuditFixtures.decision()
            decision.field = text
            decision.reason = text
            let documentID = try log.append(document: document, decisions: [decision], runID: runID)
            let query = try AuditQuery(path: directory + "/audit.sqlite")
            #expect(try query.runs().map(\.argv) == [["redact", text]])
            #expect(try query.documents(run: runID).map(\.document) == [document])
            #expect(try query.decisions(run: runID, document: documentID).map(\.decision) == [decision])
        }
    }

    @Test("empty and non-empty texts of a chained row are stored as text, never NULL, and each in its column")
    func chainedTexts() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            let runID = try log.beginRun(AuditFixtures.run())
            var first = AuditFixtures.decision(record: 1)
            first.field = ""
            var second = AuditFixtures.decision(record: 2)
            second.field = "/contact/phone"
            try log.append(document: AuditFixtures.document(), decisions: [first, second], runID: runID)
            let database = try SQLiteDatabase(path: path)
            let rows = try database.prepare(sql: "SELECT typeof(field), field, reason FROM decision ORDER BY id")
                .rows { [$0.string(at: 0) ?? "NULL", $0.string(at: 1) ?? "NULL", $0.string(at: 2) ?? "NULL"] }
            #expect(rows == [["text", "", first.reason], ["text", "/contact/phone", second.reason]])
        }
    }

    @Test("a refused decision rolls back its whole document, and the log stays usable")
    func rollsBackDocument() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            let runID = try log.beginRun(AuditFixtures.run())
            let decisions = [
                AuditFixtures.decision(record: 1), AuditFixtures.decision(record: 2),
                AuditFixtures.decision(record: 3, start: 20, end: 5),  // violates start <= end
                AuditFixtures.decision(record: 4),
            ]
            #expect(throws: SQLiteError.self) {
                try log.append(document: AuditFixtures.document(), decisions: decisions, runID: runID)
            }
            #expect(try AuditQuery(path: path).documents(run: runID).isEmpty)
            #expect(try AuditFixtures.count("decision", in: path) == 0)

            let documentID = try log.append(
                document: AuditFixtures.document(), decisions: [AuditFixtures.decision()], runID: runID)
            #expect(try AuditQuery(path: path).decisions(run: runID, document: documentID).count == 1)
        }
    }

    @Test("a raw value in place of an HMAC is refused without being echoed", arguments: [
        "E12345678 born 1990-04-01",
        String(repeating: "E12345678", count: 7).prefix(64).description,  // right length, not hex
        String(repeating: "AB", count: 32),  // upper case
    ])
    func refusesRawValue(canary: String) throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            let runID = try log.beginRun(AuditFixtures.run())
            let decisions = [AuditFixtures.decision(record: 1), AuditFixtures.decision(record: 2, hmac: canary)]
            let error = #expect(throws: AuditError.invalidHMAC(
                document: "people.csv", record: 2, rule: "passport-cn", byteStart: 12)) {
                try log.append(document: AuditFixtures.document(), decisions: decisions, runID: runID)
            }
            #expect(error.map { !String(describing: $0).contains(canary) } == true)
            #expect(try AuditQuery(path: path).documents(run: runID).isEmpty)
            #expect(try AuditFixtures.count("decision", in: path) == 0)
        }
    }

    @Test("a document for an unknown run is refused by the foreign key")
    func foreignKey() throws {
        try AuditFixtures.withDirectory { directory in
            let log = try AuditLog(path: directory + "/audit.sqlite", chainKey: AuditFixtures.chainKey)
            let error = #expect(throws: SQLiteError.self) {
                try log.append(document: AuditFixtures.document(), decisions: [], runID: 42)
            }
            #expect(error?.code == .constraint)
        }
    }

    @Test("finishing an unknown run is an error")
    func unknownRun() throws {
        try AuditFixtures.withDirectory { directory in
            let path = directory + "/audit.sqlite"
            let log = try AuditLog(path: path, chainKey: AuditFixtures.chainKey)
            #expect(throws: AuditError.unknownRun(path: path, id: 7)) {
                try log.finishRun(id: 7, endedAt: Date(), status: "ok", documents: 0, decisions: 0, errors: 0)
            }
        }
    }
}
