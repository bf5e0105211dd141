import Foundation
import Testing

/// The compiled rule cache seen from the command line: scans give the same results with it,
/// without it and after damage to it, and an edited rule takes effect at once.
struct RuleCacheCLITests {
    static func cacheFiles(home: String) -> [String] {
        let directory = home + "/.cache/redact"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".bin") }.map { directory + "/" + $0 }
    }

    static func scan(_ arguments: [String], home: String, environment: [String: String] = [:]) throws -> RedactBinary.Output {
        try RedactBinary.run(["scan", "--show-kept", "--format", "jsonl"] + arguments, environment: environment, home: home)
    }

    @Test("a scan writes the cache, the next one reads it, and the results are identical to a scan without it")
    func sameResults() throws {
        let home = TemporaryDirectory.make()
        let first = try Self.scan(["Samples"], home: home)
        let files = Self.cacheFiles(home: home)
        try #require(files.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try Self.scan(["Samples"], home: home)
        let uncached = try Self.scan(["Samples"], home: TemporaryDirectory.make(), environment: ["REDACT_NO_CACHE": "1"])
        #expect(first.status == 1 && second.status == 1 && uncached.status == 1)
        #expect(!first.lines.isEmpty)
        #expect(second.stdout == first.stdout)
        #expect(uncached.stdout == first.stdout)
        #expect(second.err.isEmpty && uncached.err.isEmpty)
    }

    @Test("REDACT_NO_CACHE=1 neither reads nor writes the cache")
    func turnedOff() throws {
        let home = TemporaryDirectory.make()
        let scan = try Self.scan(["Samples/news-draft-en.md"], home: home, environment: ["REDACT_NO_CACHE": "1"])
        // The scan really ran (findings, exit 1), not failed before writing anything (exit 2).
        #expect(scan.status == 1, "\(scan.err)")
        #expect(scan.out.contains("\"type\":\"finding\""))
        #expect(Self.cacheFiles(home: home).isEmpty)
    }

    @Test("an edited rule file takes effect on the next scan")
    func editedRule() throws {
        let rules = TemporaryDirectory.make() + "/Rules"
        try FileManager.default.copyItem(atPath: RedactBinary.repositoryRoot + "/Rules", toPath: rules)
        let article = TemporaryDirectory.with(["a.md": Array("Write to jane.roe@example.com today.\n".utf8)])
        let home = TemporaryDirectory.make()
        let before = try Self.scan([article, "--rules", rules], home: home)
        #expect(before.out.contains("\"entity\":\"email_address\""))
        let path = rules + "/detectors/email-address.yaml"
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "entity: email_address", with: "entity: contact_email")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let after = try Self.scan([article, "--rules", rules], home: home)
        #expect(after.out.contains("\"entity\":\"contact_email\""))
        #expect(!after.out.contains("\"entity\":\"email_address\""))
    }

    @Test("a corrupted cache file is ignored and rewritten")
    func corrupted() throws {
        let home = TemporaryDirectory.make()
        let expected = try Self.scan(["Samples"], home: home)
        let file = try #require(Self.cacheFiles(home: home).first)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0xFF
        bytes.removeLast(1000)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let output = try Self.scan(["Samples"], home: home)
        #expect(output.status == expected.status)
        #expect(output.stdout == expected.stdout)
        #expect(output.err.isEmpty)
        let rewritten = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(rewritten != bytes)
        #expect(rewritten.starts(with: Array("REDACTRC".utf8)))
    }

    @Test("an unwritable cache location still scans, silently")
    func unwritable() throws {
        let blocker = TemporaryDirectory.make() + "/not-a-folder"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let home = TemporaryDirectory.make()
        let expected = try Self.scan(["Samples"], home: home)
        let output = try Self.scan(["Samples"], home: TemporaryDirectory.make(), environment: ["XDG_CACHE_HOME": blocker])
        #expect(output.status == expected.status)
        #expect(output.stdout == expected.stdout)
        #expect(output.err.isEmpty)
    }

    @Test("rules check reads the rule files even when a scan has cached them")
    func rulesCheckUsesFiles() throws {
        let rules = TemporaryDirectory.make() + "/Rules"
        try FileManager.default.copyItem(atPath: RedactBinary.repositoryRoot + "/Rules", toPath: rules)
        let home = TemporaryDirectory.make()
        _ = try Self.scan(["Samples/news-draft-en.md", "--rules", rules], home: home)
        #expect(!Self.cacheFiles(home: home).isEmpty)
        let path = rules + "/detectors/email-address.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A no_match example the rule does match: only a check of the files can see it.
        let broken = text.replacingOccurrences(of: "  no_match:\n", with: "  no_match:\n    - 'write to ops@example.com'\n")
        #expect(broken != text)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try RedactBinary.run(["rules", "check", rules], home: home)
        #expect(check.status == 1)
        #expect(check.out.contains("FAIL"))
    }
}
