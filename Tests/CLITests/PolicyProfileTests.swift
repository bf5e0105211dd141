import Foundation
import Redaction
import Testing

/// The shipped policy profiles on `Samples/`, run through the real binary: golden outputs,
/// `policy show`, rejection of malformed policies before anything is written, `--dry-run`,
/// and identical reruns.
///
/// Regenerate the golden files after an intended change with
/// `REDACT_UPDATE_GOLDEN=1 swift test --filter PolicyProfileTests`, then read the diff for
/// leaks before committing it.
struct PolicyProfileTests {
    static let root = RedactBinary.repositoryRoot
    static let golden = root + "/Tests/CLITests/Golden"
    static let profiles = ["publish", "review", "data-desk"]

    /// The fixed HMAC key the golden outputs were made with (pseudonyms depend on it),
    /// copied to a private file: git does not keep the 0600 mode the key file must have.
    static func keyFile() throws -> String {
        let path = TemporaryDirectory.make() + "/golden.key"
        try FileManager.default.copyItem(atPath: root + "/Tests/CLITests/Fixtures/golden-hmac.key", toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    /// Runs `profile` over Samples/ into a new directory; returns it.
    static func runProfile(_ profile: String, key: String, work: String = TemporaryDirectory.make()) throws -> (work: String, output: RedactBinary.Output) {
        let result = try RedactBinary.run(["run", "Samples", "--out", work + "/out", "--policy", profile,
                                           "--key-file", key, "--audit", work + "/audit.sqlite"])
        return (work, result)
    }

    static func files(under directory: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    @Test("each profile's output on Samples/ equals its golden files", arguments: profiles)
    func goldenOutputs(profile: String) throws {
        let (work, result) = try Self.runProfile(profile, key: try Self.keyFile())
        #expect(result.status == 0, "\(result.err)")
        let out = work + "/out"
        let expectedDirectory = Self.golden + "/" + profile
        if ProcessInfo.processInfo.environment["REDACT_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedDirectory)
            try FileManager.default.createDirectory(atPath: (expectedDirectory as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: out, toPath: expectedDirectory)
        }
        let produced = try Self.files(under: out)
        #expect(produced == (try Self.files(under: expectedDirectory)))
        for name in produced {
            let actual = FileManager.default.contents(atPath: out + "/" + name)
            let expected = FileManager.default.contents(atPath: expectedDirectory + "/" + name)
            #expect(actual == expected, "\(profile)/\(name) differs from its golden file")
        }
    }

    @Test("no golden file holds a fake personal value from Samples/", arguments: profiles)
    func goldenFilesHoldNoValue(profile: String) throws {
        let directory = Self.golden + "/" + profile
        let outputs = try Self.files(under: directory).map { try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)) }
        #expect(!outputs.isEmpty)
        for value in try PrivacyCanaryTests.lines("samples-fake-pii.txt") {
            #expect(!outputs.contains { $0.range(of: Data(value.utf8)) != nil },
                    "a fake value (\(value.count) characters) survives in the \(profile) golden files")
        }
    }

    @Test("default.yaml is the publish profile, byte for byte")
    func defaultIsPublish() throws {
        let policies = Self.root + "/Rules/policies/"
        #expect(FileManager.default.contents(atPath: policies + "default.yaml") == FileManager.default.contents(atPath: policies + "publish.yaml"))
    }

    @Test("every shipped policy loads, and `policy show` prints it with defaults applied")
    func policyShowEveryProfile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Rules/policies")
            .filter { $0.hasSuffix(".yaml") }.map { ($0 as NSString).deletingPathExtension }.sorted()
        #expect(names == ["data-desk", "default", "publish", "review", "template"])
        for name in names {
            let result = try RedactBinary.run(["policy", "show", name])
            #expect(result.status == 0, "\(name): \(result.err)")
            for entity in EntityKind.wellKnown { #expect(result.out.contains(" \(entity.rawValue) "), "\(name) lacks \(entity)") }
            #expect(result.out.contains("decision order"))
        }
        let bare = try RedactBinary.run(["policy", "show"])
        #expect(bare.out.hasPrefix("policy: publish\n"))
        let list = try RedactBinary.run(["policy", "list"])
        #expect(list.status == 0)
        #expect(list.lines.count == 5)
    }

    @Test("`policy show` prints allow-list terms but only counts for the deny list")
    func showHidesDenyTerms() throws {
        let directory = TemporaryDirectory.with([
            "p.yaml": Array("""
            version: 1
            entities:
              phone_number: { operator: mask, keep_last: 2 }
            fields:
              - match: Notes
                action: untouched
            allow: { terms: [Wang Jianguo] }
            deny: { terms: [Nightingale, Kestrel], files: [deny.txt] }
            """.utf8),
            "deny.txt": Array("# secret\nHawfinch\nre:sparrow-[0-9]+\n".utf8),
        ])
        let result = try RedactBinary.run(["policy", "show", directory + "/p.yaml"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Wang Jianguo"))
        #expect(result.out.contains("deny list: 3 terms, 1 patterns"))
        #expect(result.out.contains("from deny.txt: 1 terms, 1 patterns"))
        #expect(result.out.contains("* phone_number"))
        #expect(result.out.contains("1. match \"Notes\" → untouched"))
        for secret in ["Nightingale", "Kestrel", "Hawfinch", "sparrow"] { #expect(!result.out.contains(secret)) }
    }

    @Test("a malformed policy is refused at load with file, line and key: exit 2, nothing written", arguments: [
        ("version: 1\nentities:\n  person: { operator: label, colour: red }\n", "p.yaml:3: entities.person.colour"),
        ("version: 1\nentities:\n  person: { operator: blur }\n", "p.yaml:3: entities.person.operator"),
        ("version: 1\nfields:\n  - match_regex: '(unclosed'\n    action: drop\n", "p.yaml:3: fields[0].match_regex"),
        ("version: 1\nfields:\n  - match: Phone\n    action: erase\n", "p.yaml:4: fields[0].action"),
        ("version: 1\ndeny: { files: [deny.txt] }\n", "deny.txt:2: pattern does not compile"),
        ("version: 1\nentities:\n  phone_numbr: { operator: remove }\n", "p.yaml:3: entities.phone_numbr"),
        ("version: 1\nallow: { terms: [x], extra: 1 }\n", "p.yaml:2: allow.extra"),
    ])
    func malformedPolicyWritesNothing(yaml: String, place: String) throws {
        let policyDirectory = TemporaryDirectory.with(["p.yaml": Array(yaml.utf8), "deny.txt": Array("ok\nre:(open\n".utf8)])
        let work = TemporaryDirectory.make()
        let home = TemporaryDirectory.make()
        for command in [["run", "Samples", "--out", work + "/out", "--audit", work + "/a.sqlite", "--key-file", work + "/key"],
                        ["run", "Samples", "--dry-run"], ["scan", "Samples"], ["policy", "show"]] {
            let arguments = command.first == "policy" ? command + [policyDirectory + "/p.yaml"] : command + ["--policy", policyDirectory + "/p.yaml"]
            let result = try RedactBinary.run(arguments, home: home)
            #expect(result.status == 2, "\(command[0]): \(result.err)")
            #expect(result.err.contains(place), "\(result.err)")
            #expect(result.out.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    @Test("--dry-run lists what would change with masked values and writes nothing")
    func dryRun() throws {
        let work = TemporaryDirectory.make()
        let home = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", "Samples", "--dry-run", "--policy", "data-desk", "--out", work + "/out"], home: home)
        #expect(result.status == 0, "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
        let out = result.out
        #expect(out.contains("would redact foreigners-registry.csv → \(work)/out/foreigners-registry.csv"))
        #expect(out.contains("passport_number  column:passport_number       label"))
        #expect(out.contains("G••••••3"))
        #expect(out.contains("drop field \"联系电话\""))
        #expect(out.contains("generalize"))
        #expect(out.hasSuffix("nothing was written\n"))
        for value in try PrivacyCanaryTests.lines("samples-fake-pii.txt") {
            #expect(!out.contains(value) && !result.err.contains(value), "a fake value (\(value.count) characters) is printed")
        }
        // Standard input too, and --out is optional.
        let filter = try RedactBinary.run(["run", "-", "--dry-run"], stdin: Data("DOB: 1975-03-04\n".utf8), home: home)
        #expect(filter.status == 0)
        #expect(filter.out.contains("date_of_birth"))
        #expect(filter.out.contains("1••••••••4"))
        #expect(!filter.out.contains("1975-03-04"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    @Test("two runs with the same key produce identical outputs and identical decisions", arguments: profiles)
    func rerunsAreIdentical(profile: String) throws {
        let key = try Self.keyFile()
        let first = try Self.runProfile(profile, key: key)
        let second = try Self.runProfile(profile, key: key)
        #expect(first.output.status == 0 && second.output.status == 0)
        let names = try Self.files(under: first.work + "/out")
        #expect(names == (try Self.files(under: second.work + "/out")))
        for name in names {
            #expect(FileManager.default.contents(atPath: first.work + "/out/" + name)
                == FileManager.default.contents(atPath: second.work + "/out/" + name), "\(name) differs between runs")
        }
        func decisions(_ work: String) throws -> [String: [AuditDecision]] {
            let log = try AuditQuery(path: work + "/audit.sqlite")
            let run = try #require(try log.runs().last)
            var result: [String: [AuditDecision]] = [:]
            for document in try log.documents(run: run.id) {
                result[document.path] = try log.decisions(run: run.id, document: document.id).map(\.decision)
            }
            return result
        }
        let firstDecisions = try decisions(first.work)
        #expect(!firstDecisions.isEmpty)
        #expect(firstDecisions == (try decisions(second.work)))
    }
}
