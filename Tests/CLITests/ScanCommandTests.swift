import Foundation
import Testing

/// `redact scan`: the exit-code and output contract hooks rely on.
struct ScanCommandTests {
    @Test("findings exit 1 and print one JSON object per line with code point offsets")
    func findingsJSONLines() throws {
        let dir = TemporaryDirectory.with(["a.txt": Array("中文é a@example.com\n".utf8)])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl"])
        #expect(result.status == 1)
        let objects = try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let finding = try #require(objects.first { $0["type"] as? String == "finding" })
        // The path to open from where the scan ran: the INPUT joined with the path inside it.
        #expect(finding["file"] as? String == dir + "/a.txt")
        #expect(finding["entity"] as? String == "email_address")
        #expect(finding["start"] as? Int == 4)
        #expect(finding["end"] as? Int == 17)
        #expect(finding["byte_start"] as? Int == 9)
        #expect(finding["byte_end"] as? Int == 22)
        #expect(finding["rule"] as? String == "email-address")
        #expect(finding["decision"] as? String == "redact")
        #expect(objects.last?["type"] as? String == "summary")
        #expect(!result.out.contains("a@example.com"))
    }

    @Test("a clean input exits 0")
    func cleanExitsZero() throws {
        let dir = TemporaryDirectory.with(["a.md": Array("The council met on 2024-03-15.\n".utf8)])
        let result = try RedactBinary.run(["scan", dir])
        #expect(result.status == 0)
        #expect(result.out.isEmpty)
    }

    @Test("an unreadable file exits 2 even when other files have findings, naming the file and byte")
    func errorBeatsFindings() throws {
        let dir = TemporaryDirectory.with([
            "bad.txt": Array("ok ".utf8) + [0xC3, 0x28],
            "good.txt": Array("mail a@example.com".utf8),
        ])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl"])
        #expect(result.status == 2)
        #expect(result.err.contains("bad.txt:1: byte 3: invalid UTF-8"))
        #expect(result.lines.contains { $0.contains("\"type\":\"error\"") && $0.contains("bad.txt") })
        #expect(result.lines.contains { $0.contains("\"type\":\"finding\"") && $0.contains("good.txt") })
    }

    @Test("CSV findings carry the record and the column they were found in")
    func csvRecordAndField() throws {
        let dir = TemporaryDirectory.with(["r.csv": Array("序号,护照号码\n1,E12345678\n".utf8)])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl"])
        #expect(result.status == 1)
        let finding = try #require(result.lines.first { $0.contains("\"type\":\"finding\"") })
        #expect(finding.contains("\"record\":1"))
        #expect(finding.contains("\"field\":\"护照号码\""))
        #expect(finding.contains("\"start\":10"))
    }

    @Test("--show-kept lists what was not redacted and why")
    func showKept() throws {
        let dir = TemporaryDirectory.with(["a.txt": Array("Meeting on 2024-03-15.".utf8)])
        let result = try RedactBinary.run(["scan", dir, "--format", "jsonl", "--show-kept"])
        #expect(result.status == 0)
        #expect(result.lines.contains { $0.contains("\"type\":\"kept\"") && $0.contains("below the policy minimum") })
    }

    @Test("standard input is scanned with '-'")
    func standardInput() throws {
        let result = try RedactBinary.run(["scan", "-"], stdin: Data("call +44 20 7946 0321".utf8))
        #expect(result.status == 1)
        #expect(result.out.contains("phone_number"))
    }

    @Test("usage errors exit 64", arguments: [["scan"], ["scan", "x", "--format", "xml"], ["run", "Samples"], ["frobnicate"]])
    func usageErrors(arguments: [String]) throws {
        #expect(try RedactBinary.run(arguments).status == 64)
    }

    @Test("a broken rule file is an error (exit 2) naming the file and line, before any document is read")
    func badRules() throws {
        let rules = TemporaryDirectory.make()
        try FileManager.default.copyItem(atPath: RedactBinary.repositoryRoot + "/Rules/columns.yaml", toPath: rules + "/columns.yaml")
        try FileManager.default.createDirectory(atPath: rules + "/detectors", withIntermediateDirectories: true)
        try "version: 1\nid: broken\nentity: x\npattern: '(a'\nexamples: {match: ['⟦a⟧'], no_match: ['b']}\n"
            .write(toFile: rules + "/detectors/broken.yaml", atomically: true, encoding: .utf8)
        let result = try RedactBinary.run(["scan", "Samples", "--rules", rules])
        #expect(result.status == 2)
        #expect(result.err.contains("broken.yaml:4: pattern: pattern does not compile"))
    }

    @Test("rules check passes on the shipped rules")
    func rulesCheck() throws {
        let result = try RedactBinary.run(["rules", "check"])
        #expect(result.status == 0)
        #expect(result.out.contains("all passed"))
    }

    @Test("rules bench lists every rule once, slowest first, and the shared per-field work apart")
    func rulesBench() throws {
        let result = try RedactBinary.run(["rules", "bench", RedactBinary.repositoryRoot + "/Samples/news-draft-en.md"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let rows = lines.dropFirst().filter { !$0.hasPrefix("shared") && !$0.hasPrefix("all rules") }
        let seconds = rows.compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) } }
        #expect(seconds.count == rows.count)
        #expect(seconds == seconds.sorted(by: >))
        #expect(Set(rows.map { String($0.prefix(36)).trimmingCharacters(in: .whitespaces) }).count == rows.count)
        #expect(rows.count >= 70)
        #expect(lines.contains { $0.hasPrefix("shared per-field work") })
        #expect(lines.last?.hasPrefix("all rules:") == true)
    }

    @Test("--help on every command shows examples", arguments: [["--help"], ["run", "--help"], ["scan", "--help"], ["rules", "check", "--help"]])
    func helpHasExamples(arguments: [String]) throws {
        let result = try RedactBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.out.contains("Examples:"))
    }
}
