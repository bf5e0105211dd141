import Foundation
import Redaction
import Testing

/// What a killed run leaves, finished or removed: the run closed, a logged staged output
/// published or withdrawn, stray temporary files removed; a live run left alone.
@Suite("Audit recovery")
struct AuditRecoveryTests {
    /// The id of a process that has exited (and been reaped): a killed run's.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    static func document(_ name: String, content: String) -> AuditDocument {
        var document = AuditFixtures.document(path: name)
        document.outputSHA256 = ValueFingerprinter.sha256(Array(content.utf8))
        document.outputPath = "out/" + name
        return document
    }

    /// A log whose run (process `pid`) logged a.txt (staged, not renamed) and b.txt (its
    /// staged file lost), with a stray temporary file of a third output beside them.
    static func crashedRun(in directory: String, pid: Int32) throws -> (log: AuditLog, run: Int64, out: String) {
        let out = directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let log = try AuditLog(path: directory + "/audit.sqlite", chainKey: AuditFixtures.chainKey)
        let run = try log.beginRun(AuditFixtures.run())
        try SQLiteDatabase(path: directory + "/audit.sqlite").execute(sql: "UPDATE run SET pid = \(pid) WHERE id = \(run)")
        let staged = out + "/.a.txt.redact-Ab12Cd"
        try "hello".write(toFile: staged, atomically: false, encoding: .utf8)
        try log.append(document: document("a.txt", content: "hello"), decisions: [], runID: run, stagedPath: staged)
        try log.append(document: document("b.txt", content: "lost"), decisions: [], runID: run,
                       stagedPath: out + "/.b.txt.redact-Zz99Yy")
        try "partial".write(toFile: out + "/.c.txt.redact-Qq00Ww", atomically: false, encoding: .utf8)
        return (log, run, out)
    }

    @Test("a killed run: staged output published, lost one withdrawn, run closed, temporaries removed")
    func recoversKilledRun() throws {
        try AuditFixtures.withDirectory { directory in
            let (log, run, out) = try Self.crashedRun(in: directory, pid: try Self.deadPID())
            let before = try AuditQuery(path: log.path).verify(keys: [AuditFixtures.chainKey])
            #expect(before.unfinishedRuns == [run])
            #expect(before.unpublished == 2)
            let recovery = try log.recover(outputDirectory: out)
            #expect(recovery.closedRuns == [run])
            #expect(recovery.published == 1)
            #expect(recovery.withdrawn == 1)
            #expect(recovery.temporariesRemoved == 1)
            #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "hello")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["a.txt"])
            let after = try AuditQuery(path: log.path).verify(keys: [AuditFixtures.chainKey])
            #expect(after.isIntact, "\(after.problem?.description ?? "")")
            #expect(after.unfinishedRuns.isEmpty)
            #expect(after.unpublished == 0)
            #expect(after.entries["publication"] == 2)
            #expect(try AuditQuery(path: log.path).runs().first?.status == "aborted")
            #expect(try log.recover(outputDirectory: out).isEmpty)
        }
    }

    @Test("a run whose process is alive is left as it is, temporaries included")
    func leavesLiveRun() throws {
        try AuditFixtures.withDirectory { directory in
            let (log, run, out) = try Self.crashedRun(in: directory, pid: getpid())
            _ = run
            #expect(try log.recover(outputDirectory: out).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 2)
        }
    }
}
