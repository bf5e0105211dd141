import Foundation
import Testing

/// The scan contract hooks rely on: exit codes and `--fail-on`, the json and SARIF formats
/// (SARIF checked against the official schema), the inline allow marker, baselines,
/// standard input and `--staged`.
struct HookScanTests {
    static let sarifValidator = RedactBinary.repositoryRoot + "/Tests/CLITests/Fixtures/sarif/validate_sarif.py"

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func jsonLines(_ output: RedactBinary.Output) throws -> [[String: Any]] {
        try output.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Runs the schema check (Python `jsonschema`, installed by scripts/setup.sh).
    static func validateSARIF(_ data: Data) throws -> (status: Int32, errors: String) {
        let file = TemporaryDirectory.make() + "/log.sarif"
        try data.write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", sarifValidator, file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static let article = Array("""
    Intro line without anything personal.
    Write to jane.roe@example.com about the story.
    Press office: press@example.org <!-- redact:allow -->
    Date of birth: 12 March 1961.

    """.utf8)

    @Test("--fail-on sets the confidence floor, --fail-on-entity the entities; kept findings never fail")
    func failOn() throws {
        #expect(try RedactBinary.run(["scan", "Samples"]).status == 1)
        #expect(try RedactBinary.run(["scan", "Samples", "--fail-on", "never"]).status == 0)
        #expect(try RedactBinary.run(["scan", "Samples", "--fail-on", "high", "--fail-on-entity", "passport_number"]).status == 1)
        let root = TemporaryDirectory.with(["a.md": Self.article])
        // The article's email is a high-confidence finding: only an entity filter without it passes.
        #expect(try RedactBinary.run(["scan", root, "--fail-on-entity", "passport_number,national_id"]).status == 0)
        #expect(try RedactBinary.run(["scan", root, "--fail-on-entity", "passport_number", "--fail-on-entity", "email_address"]).status == 1)
        let typo = try RedactBinary.run(["scan", root, "--fail-on-entity", "pasport_number"])
        #expect(typo.status == 64)
        #expect(typo.err.contains("unknown entity"))
        #expect(try RedactBinary.run(["scan", root, "--fail-on", "severe"]).status == 64)
    }

    @Test("an error exits 2 even when findings were also found, in every format")
    func errorsWin() throws {
        let root = TemporaryDirectory.with(["a.md": Self.article, "bad.txt": [0x61, 0xFF, 0x62, 0x0A]])
        for format in ["text", "jsonl", "json", "sarif"] {
            let output = try RedactBinary.run(["scan", root, "--format", format])
            #expect(output.status == 2, "\(format)")
            #expect(!output.err.isEmpty)
        }
        let sarif = try RedactBinary.run(["scan", root, "--format", "sarif"])
        let run = try #require((try Self.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
    }

    @Test("--format json is one document with findings, errors, skipped and a summary")
    func jsonDocument() throws {
        let root = TemporaryDirectory.with(["a.md": Self.article, "bad.txt": [0x61, 0xFF, 0x0A]])
        let output = try RedactBinary.run(["scan", root, "--format", "json"])
        #expect(output.status == 2)
        let document = try Self.json(output.stdout)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["entity"] as? String == "email_address" && $0["line"] as? Int == 2 })
        #expect((document["errors"] as? [[String: Any]])?.count == 1)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["failing"] as? Int == findings.count)
    }

    @Test("SARIF validates against the official 2.1.0 schema, with rules, code point columns and no values")
    func sarifIsValid() throws {
        let root = TemporaryDirectory.with(["a.md": Self.article])
        let key = TemporaryDirectory.make() + "/key"
        _ = try RedactBinary.run(["baseline", "create", root, "--reason", "r", "--out", root + "/../b.json", "--key-file", key])
        for arguments in [["scan", "Samples", "--format", "sarif", "--show-kept"],
                          ["scan", root, "--format", "sarif", "--show-kept", "--key-file", key]] {
            let output = try RedactBinary.run(arguments)
            #expect(output.status == 1, "\(output.err)")
            let check = try Self.validateSARIF(output.stdout)
            #expect(check.status == 0, "schema errors: \(check.errors)")
        }
        let output = try RedactBinary.run(["scan", root, "--format", "sarif", "--show-kept", "--key-file", key, "--inline-allow"])
        let log = try Self.json(output.stdout)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count >= 70)
        #expect(rules.contains { $0["id"] as? String == "email-address" })
        let results = try #require(run["results"] as? [[String: Any]])
        let failing = try #require(results.first { $0["kind"] as? String == "fail" && $0["suppressions"] == nil })
        #expect(failing["ruleId"] as? String == "email-address")
        #expect(failing["level"] as? String == "error")
        let location = try #require((failing["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        // An absolute INPUT gives an absolute file URI, which code scanning resolves as it is.
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "file://" + root + "/a.md")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 10)
        #expect(region["endColumn"] as? Int == 30)
        #expect((failing["partialFingerprints"] as? [String: String])?["redactFinding/v1"]?.count == 64)
        // The allow-marked line is a suppressed result (inSource), shown with --show-kept.
        #expect(results.contains { ($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "inSource" })
        for value in ["jane.roe@example.com", "press@example.org", "12 March 1961"] {
            #expect(!output.out.contains(value))
        }
    }

    @Test("CSV and JSON Lines results carry a logical location for record and field")
    func sarifLogicalLocations() throws {
        let output = try RedactBinary.run(["scan", "Samples/foreigners-registry.csv", "--format", "sarif"])
        let run = try #require((try Self.json(output.stdout)["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["kind"] as? String == "member")
        #expect((logical["fullyQualifiedName"] as? String)?.hasPrefix("record ") == true)
    }

    @Test("redact:allow is honoured where it is the repository's own word: --staged, a git work tree, or --inline-allow")
    func inlineAllowMarker() throws {
        let root = TemporaryDirectory.with(["a.md": Self.article])
        func markedLine(_ output: RedactBinary.Output) throws -> String? {
            try Self.jsonLines(output).first { $0["line"] as? Int == 3 }?["type"] as? String
        }
        // Outside a git work tree (a leaked file, a download): the marker is ignored.
        let stranger = try RedactBinary.run(["scan", root + "/a.md", "--format", "jsonl", "--show-kept"])
        #expect(stranger.status == 1)
        #expect(try markedLine(stranger) == "finding")
        let optedIn = try RedactBinary.run(["scan", root + "/a.md", "--format", "jsonl", "--show-kept", "--inline-allow"])
        let kept = try Self.jsonLines(optedIn).filter { $0["type"] as? String == "kept" && $0["line"] as? Int == 3 }
        #expect(kept.count == 1)
        #expect((kept.first?["reason"] as? String)?.contains("inline allow marker") == true)
        // Inside a git work tree the marker is honoured by default in the files git tracks,
        // and in what git has staged; --no-inline-allow ignores it there. A file dropped into
        // the work tree untracked, or ignored, is a stranger's: its marker is not honoured.
        try HookScanTests.git(["init", "-q"], in: root)
        try Data(Self.article).write(to: URL(fileURLWithPath: root + "/ignored.md"))
        try Data(".gitignore\nignored.md\n".utf8).write(to: URL(fileURLWithPath: root + "/.gitignore"))
        #expect(try markedLine(try RedactBinary.run(["scan", root + "/a.md", "--format", "jsonl", "--show-kept"])) == "finding")
        #expect(try markedLine(try RedactBinary.run(["scan", root + "/ignored.md", "--format", "jsonl", "--show-kept"])) == "finding")
        try HookScanTests.git(["add", "a.md"], in: root)
        #expect(try markedLine(try RedactBinary.run(["scan", root + "/a.md", "--format", "jsonl", "--show-kept"])) == "kept")
        #expect(try markedLine(try RedactBinary.run(["scan", root + "/a.md", "--format", "jsonl", "--no-inline-allow"])) == "finding")
        #expect(try markedLine(try RedactBinary.run(["scan", root + "/ignored.md", "--format", "jsonl", "--show-kept"])) == "finding")
        #expect(try markedLine(try RedactBinary.run(["scan", "--staged", "--format", "jsonl", "--show-kept"], directory: root)) == "kept")
        // run ignores it, even inside a repository, unless told otherwise.
        let work = TemporaryDirectory.make()
        let args = ["--audit", work + "/a.sqlite", "--key-file", work + "/k"]
        let run = try RedactBinary.run(["run", root + "/a.md", "--out", work + "/out"] + args)
        #expect(run.status == 0, "\(run.err)")
        let redacted = try String(contentsOfFile: work + "/out/a.md", encoding: .utf8)
        #expect(!redacted.contains("press@example.org") && !redacted.contains("jane.roe@example.com"))
        let allowed = try RedactBinary.run(["run", root + "/a.md", "--out", work + "/out2", "--inline-allow"] + args)
        #expect(allowed.status == 0, "\(allowed.err)")
        let published = try String(contentsOfFile: work + "/out2/a.md", encoding: .utf8)
        #expect(published.contains("press@example.org") && !published.contains("jane.roe@example.com"))
        // The audit log records the honoured marker as a kept decision with its reason and line,
        // and `audit summary` counts it.
        let audited = try ServeTests.sqlite(work + "/a.sqlite", "select group_concat(document.run_id || ':' || decision.line) from decision join document on document.id = decision.document_id where verdict = 'keep' and reason like '%inline allow marker%'")
        #expect(audited == "2:3")
        let summary = try RedactBinary.run(["audit", "summary", "--audit", work + "/a.sqlite"])
        #expect(summary.status == 0)
        #expect(summary.out.contains("1  kept by inline allow markers (redact:allow) on line 3"), "\(summary.out)")
        // A CSV cell cannot switch redaction off.
        let csv = TemporaryDirectory.with(["l.csv": Array("name,email\nA,a.person@example.com redact:allow\n".utf8)])
        #expect(try RedactBinary.run(["scan", csv, "--inline-allow"]).status == 1)
    }

    @Test("a baseline suppresses accepted findings after lines move, reports stale entries, and refuses another key")
    func baseline() throws {
        let root = TemporaryDirectory.with(["a.md": Self.article])
        let key = root + "/../key"
        let file = root + "/../baseline.json"
        let create = try RedactBinary.run(["baseline", "create", root, "--reason", "published with consent", "--out", file, "--key-file", key])
        #expect(create.status == 0, "\(create.err)")
        let entries = try #require(try Self.json(Data(contentsOf: URL(fileURLWithPath: file)))["entries"] as? [[String: Any]])
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0["reason"] as? String == "published with consent" && $0["file"] as? String == root + "/a.md" })
        #expect(try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", key]).status == 0)
        // Lines moved, and one new finding: only the new one fails.
        let moved = "New first line.\n\n" + String(decoding: Self.article, as: UTF8.self) + "Also bob.new@example.net.\n"
        try moved.write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
        let after = try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", key, "--format", "jsonl", "--show-kept"])
        #expect(after.status == 1)
        let lines = try Self.jsonLines(after)
        #expect(lines.filter { $0["type"] as? String == "finding" }.count == 1)
        #expect(lines.contains { ($0["reason"] as? String) == "kept: baseline: published with consent" })
        // The accepted value removed: its entry is stale.
        try "Nothing left.\n".write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
        let stale = try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", key, "--format", "json"])
        #expect(stale.status == 0)
        #expect((try Self.json(stale.stdout)["stale_baseline"] as? [[String: Any]])?.count == entries.count)
        // Another key: refused (exit 2), not every entry reported stale.
        let other = try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", root + "/../other-key"])
        #expect(other.status == 2)
        _ = try RedactBinary.run(["baseline", "create", root, "--reason", "x", "--out", root + "/../b2.json", "--key-file", root + "/../other-key"])
        #expect(try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", root + "/../other-key"]).err.contains("key"))
        // Reasons are required, on the command line and in the file.
        #expect(try RedactBinary.run(["baseline", "create", root, "--out", file + "2", "--key-file", key]).status == 64)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "published with consent", with: " ")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try RedactBinary.run(["scan", root, "--baseline", file, "--key-file", key]).status == 2)
    }

    @Test("scan - reads standard input")
    func standardInput() throws {
        let output = try RedactBinary.run(["scan", "-", "--format", "jsonl"], stdin: Data(Self.article))
        #expect(output.status == 1)
        #expect(try Self.jsonLines(output).contains { $0["file"] as? String == "-" && $0["entity"] as? String == "email_address" })
        #expect(try RedactBinary.run(["scan", "-"], stdin: Data("nothing\n".utf8)).status == 0)
    }

    static func git(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test("--staged scans the index, not the work tree, with paths as in the repository")
    func staged() throws {
        let repo = TemporaryDirectory.make()
        try Self.git(["init", "-q"], in: repo)
        try FileManager.default.createDirectory(atPath: repo + "/docs", withIntermediateDirectories: true)
        // Staged with an address, then cleaned in the work tree only: the commit would leak.
        try String(decoding: Self.article, as: UTF8.self).write(toFile: repo + "/docs/story.md", atomically: true, encoding: .utf8)
        try Self.git(["add", "docs/story.md"], in: repo)
        try "Clean now.\n".write(toFile: repo + "/docs/story.md", atomically: true, encoding: .utf8)
        // Dirty in the work tree, never staged: not scanned.
        try "call bob.unstaged@example.com\n".write(toFile: repo + "/notes.txt", atomically: true, encoding: .utf8)
        let output = try RedactBinary.run(["scan", "--staged", "--format", "jsonl"], directory: repo + "/docs")
        #expect(output.status == 1, "\(output.err)")
        let findings = try Self.jsonLines(output).filter { $0["type"] as? String == "finding" }
        #expect(findings.contains { $0["file"] as? String == "docs/story.md" && $0["line"] as? Int == 2 })
        #expect(!findings.contains { $0["file"] as? String == "notes.txt" })
        // Staged clean content, dirty work tree: exit 0.
        try "Clean now.\n".write(toFile: repo + "/docs/story.md", atomically: true, encoding: .utf8)
        try Self.git(["add", "docs/story.md"], in: repo)
        try String(decoding: Self.article, as: UTF8.self).write(toFile: repo + "/docs/story.md", atomically: true, encoding: .utf8)
        #expect(try RedactBinary.run(["scan", "--staged"], directory: repo).status == 0)
        // After a commit nothing is staged: clean.
        try Self.git(["commit", "-qm", "x"], in: repo)
        #expect(try RedactBinary.run(["scan", "--staged"], directory: repo).status == 0)
    }

    @Test("--staged exits 2 outside a git work tree and when git fails, never 0")
    func stagedFailures() throws {
        let plain = TemporaryDirectory.make()
        let outside = try RedactBinary.run(["scan", "--staged", "--format", "sarif"], directory: plain)
        #expect(outside.status == 2)
        #expect(outside.err.contains("--staged"))
        let repo = TemporaryDirectory.make()
        try Self.git(["init", "-q"], in: repo)
        try "x\n".write(toFile: repo + "/a.txt", atomically: true, encoding: .utf8)
        try Self.git(["add", "a.txt"], in: repo)
        try Data("garbage index".utf8).write(to: URL(fileURLWithPath: repo + "/.git/index"))
        #expect(try RedactBinary.run(["scan", "--staged"], directory: repo).status == 2)
        #expect(try RedactBinary.run(["scan", "--staged", "a.txt"], directory: repo).status == 64)
    }
}
