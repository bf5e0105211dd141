import Foundation
import Redaction
import Testing

/// Log, then publish, under kill -9; and two processes on one log. Real `redact run`
/// processes, bounded to a few seconds each.
@Suite("Audit log under crashes and concurrency", .serialized)
struct AuditCrashTests {
    /// Inputs with a value to redact on every line, so each file has an output and decisions.
    static func inputs(files: Int, lines: Int) -> String {
        var contents: [String: [UInt8]] = [:]
        for file in 0..<files {
            let text = (0..<lines).map { "Row \($0): contact desk\(file)x\($0)@example.org about passport number GK48\(1000 + $0 % 9000)." }
                .joined(separator: "\n") + "\n"
            contents["doc\(file).txt"] = Array(text.utf8)
        }
        return TemporaryDirectory.with(contents)
    }

    /// Starts `redact` without waiting, with an isolated HOME; its output goes to `log`.
    static func start(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedactBinary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = TemporaryDirectory.make()
        for name in ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "REDACT_AUDIT", "REDACT_KEY_FILE"] {
            environment.removeValue(forKey: name)
        }
        process.environment = environment
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func files(under directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    static func sha256(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { ValueFingerprinter.sha256(Array($0)) }
    }

    /// No output without its row; no `published` row whose output is missing or different.
    static func checkInvariants(out: String, audit: String, label: String) throws {
        let database = try SQLiteDatabase(path: audit, readOnly: true)
        // Killed while creating the log: no schema yet, so there must be no output either.
        let tables = try database.prepare(sql: "SELECT count(*) FROM sqlite_schema WHERE name = 'publication'").rows { $0.int(at: 0) }
        guard tables.first == 1 else {
            #expect(files(under: out).filter { !AuditRecoveryName.isTemporary(($0 as NSString).lastPathComponent) }.isEmpty,
                    "\(label): outputs but no audit log")
            return
        }
        let logged = try database.prepare(sql: "SELECT output_path, output_sha256 FROM document WHERE output_path IS NOT NULL")
            .rows { (($0.string(at: 0) ?? "") as NSString).lastPathComponent + " " + ($0.string(at: 1) ?? "") }
        let loggedSet = Set(logged)
        for name in files(under: out) where !AuditRecoveryName.isTemporary(name) {
            let entry = (name as NSString).lastPathComponent + " " + (sha256(out + "/" + name) ?? "")
            #expect(loggedSet.contains(entry), "\(label): \(name) is on disk without a document row")
        }
        let published = try database.prepare(sql: """
            SELECT d.output_path, d.output_sha256 FROM publication p JOIN document d ON d.id = p.document_id
            WHERE p.outcome = 'published'
            """).rows { (($0.string(at: 0) ?? "") as NSString).lastPathComponent }
        for name in published {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(label): \(name) is logged published but missing")
        }
    }

    @Test("kill -9 at random points: no output without its row, no published row without its output, nothing left after a rerun")
    func killNine() throws {
        let input = Self.inputs(files: 24, lines: 150)
        let work = TemporaryDirectory.make()
        let out = work + "/out"
        let audit = work + "/a.sqlite"
        let arguments = ["run", input, "--out", out, "--audit", audit, "--key-file", work + "/key"]
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<5 {
            let process = try Self.start(arguments, log: work + "/run\(attempt).log")
            usleep(UInt32.random(in: 100_000...1_200_000, using: &generator))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: audit) {
                try Self.checkInvariants(out: out, audit: audit, label: "after kill \(attempt)")
            }
        }
        let rerun = try RedactBinary.run(arguments)
        #expect(rerun.status == 0, "\(rerun.err)")
        try Self.checkInvariants(out: out, audit: audit, label: "after the rerun")
        let temporaries = Self.files(under: out).filter { AuditRecoveryName.isTemporary(($0 as NSString).lastPathComponent) }
        #expect(temporaries.isEmpty, "left behind: \(temporaries)")
        let verify = try RedactBinary.run(["audit", "verify", "--audit", audit, "--key-file", work + "/key"])
        #expect(verify.status == 0, "\(verify.out)\(verify.err)")
        #expect(!verify.out.contains("unfinished"), "\(verify.out)")
    }

    @Test("verify reports a killed run as unfinished; `audit recover` closes it and removes its temporary files")
    func recoverCommand() throws {
        let input = Self.inputs(files: 24, lines: 150)
        let work = TemporaryDirectory.make()
        let out = work + "/out"
        let audit = work + "/a.sqlite"
        let key = ["--key-file", work + "/key"]
        var unfinished = false
        // Kill later each time until one kill lands inside the run (its row says `running`).
        for delay in [400_000, 700_000, 1_000_000, 300_000, 150_000] as [UInt32] where !unfinished {
            let process = try Self.start(["run", input, "--out", out, "--audit", audit] + key, log: work + "/run.log")
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let verify = try RedactBinary.run(["audit", "verify", "--audit", audit] + key)
            unfinished = verify.out.contains("unfinished: run")
            if unfinished { #expect(verify.status == 0, "\(verify.out)") }
        }
        try #require(unfinished, "no kill landed inside a run")
        let recover = try RedactBinary.run(["audit", "recover", "--audit", audit, "--out", out] + key)
        #expect(recover.status == 0, "\(recover.err)")
        #expect(recover.out.contains("run(s) closed as aborted"), "\(recover.out)")
        #expect(Self.files(under: out).filter { AuditRecoveryName.isTemporary(($0 as NSString).lastPathComponent) }.isEmpty)
        try Self.checkInvariants(out: out, audit: audit, label: "after recover")
        let verify = try RedactBinary.run(["audit", "verify", "--audit", audit] + key)
        #expect(verify.status == 0, "\(verify.out)")
        #expect(!verify.out.contains("unfinished"), "\(verify.out)")
        let again = try RedactBinary.run(["audit", "recover", "--audit", audit, "--out", out] + key)
        #expect(again.out.contains("nothing to recover"), "\(again.out)")
    }

    @Test("a run waits for another process's long transaction instead of failing with `database is locked`")
    func waitsForLongTransaction() throws {
        let input = Self.inputs(files: 2, lines: 20)
        let work = TemporaryDirectory.make()
        let audit = work + "/a.sqlite"
        let first = try RedactBinary.run(["run", input, "--out", work + "/out1", "--audit", audit, "--key-file", work + "/key"])
        #expect(first.status == 0, "\(first.err)")
        // Another writer holds the log for longer than the old five-second timeout, as a
        // large document's transaction does.
        let holder = try SQLiteDatabase(path: audit)
        try holder.execute(sql: "BEGIN IMMEDIATE")
        let process = try Self.start(["run", input, "--out", work + "/out2", "--audit", audit, "--key-file", work + "/key"],
                                     log: work + "/second.log")
        usleep(6_500_000)
        try holder.execute(sql: "COMMIT")
        process.waitUntilExit()
        let log = (try? String(contentsOfFile: work + "/second.log", encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(!log.contains("locked"))
    }

    @Test("two concurrent runs with large documents on one log both succeed, and the chain holds")
    func twoConcurrentRuns() throws {
        let input = Self.inputs(files: 3, lines: 2000)
        let work = TemporaryDirectory.make()
        let audit = work + "/a.sqlite"
        let key = work + "/key"
        // The key and the log exist before the two runs start (a key file is created once).
        let setup = try RedactBinary.run(["run", Self.inputs(files: 1, lines: 1), "--out", work + "/setup", "--audit", audit,
                                          "--key-file", key])
        #expect(setup.status == 0, "\(setup.err)")
        let runs = try (0..<2).map { index in
            try Self.start(["run", input, "--out", work + "/out\(index)", "--audit", audit, "--key-file", key],
                           log: work + "/run\(index).log")
        }
        for (index, process) in runs.enumerated() {
            process.waitUntilExit()
            let log = (try? String(contentsOfFile: work + "/run\(index).log", encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "run \(index): \(log)")
        }
        let verify = try RedactBinary.run(["audit", "verify", "--audit", audit, "--key-file", key])
        #expect(verify.status == 0, "\(verify.out)\(verify.err)")
        #expect(verify.out.contains("3 runs, 7 documents"), "\(verify.out)")
    }
}

/// The temporary-file name pattern of AtomicFileWriter, as the test sees it.
enum AuditRecoveryName {
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.range(of: #"\.redact-[A-Za-z0-9]{6}$"#, options: .regularExpression) != nil
    }
}
