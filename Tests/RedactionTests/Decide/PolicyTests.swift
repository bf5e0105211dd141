import Testing
@testable import Redaction

/// Policy loading and the decisions it drives.
struct PolicyTests {
    @Test("the shipped default policy labels everything at medium confidence")
    func defaultPolicy() {
        let rule = Fixtures.defaultPolicy.rule(for: .passportNumber)
        #expect(rule.operator == .label)
        #expect(rule.minimumConfidence == .medium)
    }

    @Test("per-entity operators and options load")
    func perEntity() throws {
        let policy = try PolicyLoader.load(text: """
        version: 1
        entities:
          phone_number: { operator: mask, keep_last: 2, mask_char: "#" }
          person: { operator: remove, min_confidence: high }
        allow: ["Wang Jianguo"]
        """, file: "/p/custom.yaml")
        #expect(policy.name == "custom")
        #expect(policy.rule(for: .phoneNumber).operator == .mask(keepLast: 2, character: "#"))
        #expect(policy.rule(for: .person) == .init(operator: .remove, minimumConfidence: .high))
        #expect(policy.rule(for: .emailAddress).operator == .label)
        #expect(policy.allow.contains("wang jianguo"))
    }

    @Test("malformed policies are rejected with file, line and key", arguments: [
        ("version: 1\nentities:\n  phone_number: { operator: blur }\n", "entities.phone_number.operator", 3),
        ("version: 1\nentites: {}\n", "entites", 2),
        ("version: 1\nentities:\n  person: { operator: label, keep_last: 2 }\n", "entities.person.keep_last", 3),
        ("version: 1\ndefaults: { min_confidence: certain }\n", "defaults.min_confidence", 2),
    ])
    func rejects(text: String, key: String, line: Int) {
        do {
            _ = try PolicyLoader.load(text: text, file: "/p/bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.key == key)
            #expect(error.line == line)
            #expect(error.file == "/p/bad.yaml")
        }
    }

    @Test("allow-listed and below-threshold findings are kept with their reason")
    func keepReasons() throws {
        let policy = try PolicyLoader.load(text: "version: 1\nallow: ['ACME-123']\n", file: "/p/a.yaml")
        let value = "acme-123 and 5555"
        let findings = [
            OverlapResolverTests.finding("r", 0, 8),
            OverlapResolverTests.finding("s", 13, 17, .low),
        ]
        let decisions = PolicyEngine(policy: policy).decide(findings, in: value)
        #expect(decisions.map(\.verdict) == [.keep(.allowListed), .keep(.belowThreshold(minimum: .medium))])
        #expect(decisions[1].reason.contains("below the policy minimum medium"))
    }
}
