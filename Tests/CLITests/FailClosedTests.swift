import Foundation
import Redaction
import Testing

/// Failures that must never pass for success, leave half-published outputs, or leak.
struct FailClosedTests {
    func workDirectory() -> (work: String, args: [String]) {
        let work = TemporaryDirectory.make()
        return (work, ["--audit", work + "/audit.sqlite", "--key-file", work + "/key"])
    }

    @Test("a filter whose standard output cannot be written exits 2 and is audited as failed")
    func standardOutputFull() throws {
        let (work, args) = workDirectory()
        let result = try RedactBinary.run(["run", "-"] + args, stdin: Data("DOB: 1975-03-04\n".utf8), stdoutPath: "/dev/full")
        #expect(result.status == 2)
        let log = try AuditQuery(path: work + "/audit.sqlite")
        let run = try #require(try log.runs().last)
        #expect(run.status == "errors")
        #expect(try log.documents(run: run.id).first?.status == "failed")
    }

    @Test("a scan whose report cannot be written exits 2, not 1")
    func scanOutputFull() throws {
        let dir = TemporaryDirectory.with(["a.txt": Array("mail a@example.com".utf8)])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl"], stdoutPath: "/dev/full")
        #expect(result.status == 2)
    }

    @Test("an audit log that fails mid-run leaves no unaudited output and closes the run as aborted")
    func auditFailureMidRun() throws {
        let (work, args) = workDirectory()
        let first = TemporaryDirectory.with(["a.txt": Array("nothing here".utf8)])
        #expect(try RedactBinary.run(["run", first, "--out", work + "/out0"] + args).status == 0)
        let database = try SQLiteDatabase(path: work + "/audit.sqlite")
        try database.execute(sql: """
            CREATE TRIGGER refuse_email BEFORE INSERT ON decision WHEN NEW.entity = 'email_address'
            BEGIN SELECT RAISE(ABORT, 'refused by test'); END;
            """)
        let input = TemporaryDirectory.with(["b.txt": Array("mail a@example.com".utf8)])
        let result = try RedactBinary.run(["run", input, "--out", work + "/out"] + args)
        #expect(result.status == 2)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: work + "/out")) ?? []
        #expect(written.isEmpty, "outputs without audit rows: \(written)")
        #expect(try AuditQuery(path: work + "/audit.sqlite").runs().last?.status == "aborted")
    }

    @Test("a symbolic link planted in --out cannot redirect a write onto an input")
    func symlinkInOutput() throws {
        let (work, args) = workDirectory()
        let input = TemporaryDirectory.with(["x.txt": Array("DOB: 1975-03-04 original".utf8)])
        let other = TemporaryDirectory.with(["sub/x.txt": Array("other text".utf8)])
        try FileManager.default.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/out/sub", withDestinationPath: input)
        let result = try RedactBinary.run(["run", other, "--out", work + "/out"] + args)
        #expect(result.status == 2)
        #expect(result.err.contains("outside the output directory"))
        #expect(try String(contentsOfFile: input + "/x.txt", encoding: .utf8) == "DOB: 1975-03-04 original")
    }

    @Test("personal data in a JSON key refuses the document without printing the key")
    func personalDataInJSONKey() throws {
        let (work, args) = workDirectory()
        let input = TemporaryDirectory.with(["k.jsonl": Array("{\"contacts\":{\"marc@example.com\":\"primary\"}}\n".utf8)])
        let run = try RedactBinary.run(["run", input, "--out", work + "/out"] + args)
        #expect(run.status == 2)
        #expect(run.err.contains("an object key in /contacts holds personal data (email_address)"))
        #expect(!FileManager.default.fileExists(atPath: work + "/out/k.jsonl"))
        let scan = try RedactBinary.run(["scan", input, "--format", "jsonl"])
        #expect(scan.status == 2)
        for output in [run.out, run.err, scan.out, scan.err] { #expect(!output.contains("marc@example.com")) }
    }

    @Test("UTF-16 text is an error, not a silently skipped binary file")
    func utf16IsAnError() throws {
        let text = "Name\tPassport\nMarc\tGK482913\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let dir = TemporaryDirectory.with(["excel.txt": bytes])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl"])
        #expect(result.status == 2)
        #expect(result.err.contains("UTF-16"))
    }

    @Test("a file the scan cannot read is an error; with --skip-unsupported it is named as skipped in the JSON Lines report")
    func skippedFilesAreReported() throws {
        let dir = TemporaryDirectory.with(["image.png": [0x89, 0x50, 0x00, 0x00], "a.txt": Array("hello".utf8)])
        let refused = try RedactBinary.run(["scan", dir, "--format", "jsonl"])
        #expect(refused.status == 2)
        #expect(refused.lines.contains { $0.contains("\"type\":\"error\"") && $0.contains("image.png") })
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl", "--skip-unsupported"])
        #expect(result.status == 0)
        #expect(result.lines.contains { $0.contains("\"type\":\"skipped\"") && $0.contains("image.png") })
    }

    @Test("redact or redact rules alone is a usage error, not a clean exit", arguments: [[String](), ["rules"]])
    func bareCommandsAreUsageErrors(arguments: [String]) throws {
        #expect(try RedactBinary.run(arguments).status == 64)
    }

    @Test("file arguments are reported by the path given, so two README.md stay apart")
    func fileArgumentsKeepTheirPath() throws {
        let dir = TemporaryDirectory.with(["a/README.md": Array("mail a@example.com".utf8), "b/README.md": Array("mail b@example.com".utf8)])
        let result = try RedactBinary.run(["scan", dir + "/a/README.md", dir + "/b/README.md"])
        #expect(result.status == 1)
        #expect(result.out.contains(dir + "/a/README.md:1:6"))
        #expect(result.out.contains(dir + "/b/README.md:1:6"))
    }
}
