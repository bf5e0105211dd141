import Foundation
import Testing
@testable import Redaction

@Suite("Run manifest")
struct RunManifestTests {
    static func manifest(policy: Policy) throws -> [String: Any] {
        let json = RunManifest.json(setup: RedactionSetup(catalog: Fixtures.catalog, policy: policy))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("every rule file is listed with its digest and its text, without examples or description")
    func ruleTexts() throws {
        let rules = try #require(try Self.manifest(policy: Fixtures.defaultPolicy)["rule_files"] as? [[String: Any]])
        let detectors = rules.filter { ($0["path"] as? String)?.contains("/detectors/") == true }
        #expect(detectors.count == Fixtures.catalog.rules.count)
        for entry in detectors {
            let text = try #require(entry["text"] as? String)
            #expect((entry["sha256"] as? String)?.count == 64)
            #expect(text.contains("\npattern:") || text.hasPrefix("pattern:") || text.contains("pattern: "))
            #expect(!text.contains("\n  match:"), "examples kept in \(entry["path"] ?? "")")
            #expect(!text.contains("no_match:"))
        }
    }

    @Test("a policy is stored as text unless it has inline deny terms; list files only by digest")
    func policyTexts() throws {
        let shipped = try #require(try Self.manifest(policy: Fixtures.defaultPolicy)["policy_files"] as? [[String: Any]])
        #expect(shipped.first?["text"] is String)
        #expect(shipped.dropFirst().allSatisfy { $0["text"] == nil && ($0["sha256"] as? String)?.count == 64 })
        let directory = Fixtures.temporaryDirectory()
        let path = directory + "/inline.yaml"
        try "version: 1\nname: inline\ndeny:\n  terms: [\"Jane Roe\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let inline = try #require(try Self.manifest(policy: try PolicyLoader.load(path: path))["policy_files"] as? [[String: Any]])
        #expect(inline.first?["text"] == nil)
        #expect(!RunManifest.json(setup: RedactionSetup(catalog: Fixtures.catalog, policy: try PolicyLoader.load(path: path)))
            .contains("Jane Roe"))
    }

    @Test("cutting examples stops at the next top-level key")
    func cutting() {
        let text = "id: x\ndescription: >\n  e.g. 1975-03-04\nexamples:\n  match:\n    - 'a'\n  no_match:\n    - 'b'\nconfidence: high\n"
        let cut = RunManifest.withoutExamples((path: "/r/detectors/x.yaml", content: text))
        #expect(cut.contains("id: x"))
        #expect(cut.contains("confidence: high"))
        #expect(!cut.contains("1975-03-04"))
        #expect(!cut.contains("'a'"))
        #expect(RunManifest.withoutExamples((path: "/r/columns.yaml", content: text)) == text)
    }
}
