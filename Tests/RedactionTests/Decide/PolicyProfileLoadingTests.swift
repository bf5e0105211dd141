import Foundation
import Testing
@testable import Redaction

/// The shipped profiles in `Rules/policies/` load, meet the shipped rules, and say what
/// their documentation says.
struct PolicyProfileLoadingTests {
    static let names = ["publish", "default", "review", "data-desk", "template"]

    static func load(_ name: String) throws -> Policy {
        let policy = try PolicyLoader.load(path: Fixtures.rulesDirectory + "/policies/\(name).yaml")
        try PolicyLoader.validate(policy, against: Fixtures.catalog)
        return policy
    }

    @Test("every shipped profile loads and validates against the shipped rules", arguments: names)
    func loads(name: String) throws {
        let policy = try Self.load(name)
        #expect(policy.name == (name == "default" ? "publish" : name))
        #expect(policy.description?.isEmpty == false)
        // Every profile reads the shared lists.
        #expect(policy.allow.sources.map(\.name) == ["../lists/allow.txt"])
        #expect(policy.deny.sources.map(\.name) == ["../lists/deny.txt"])
    }

    @Test("publish labels everything at medium confidence and has no field rules")
    func publish() throws {
        let policy = try Self.load("publish")
        for entity in EntityKind.wellKnown {
            #expect(policy.rule(for: entity) == .init(operator: .label, minimumConfidence: .medium))
        }
        #expect(policy.fields.isEmpty)
    }

    @Test("review pseudonymizes every entity")
    func review() throws {
        let policy = try Self.load("review")
        for entity in EntityKind.wellKnown + [EntityKind("messaging_id"), EntityKind("anything_else")] {
            #expect(policy.rule(for: entity).operator.name == "pseudonymize", "\(entity)")
        }
    }

    @Test("data-desk generalizes birth dates and addresses and drops contact columns")
    func dataDesk() throws {
        let policy = try Self.load("data-desk")
        #expect(policy.rule(for: .dateOfBirth).operator.description.contains("year"))
        #expect(policy.rule(for: .address).operator.description.contains("city"))
        #expect(policy.rule(for: .passportNumber).operator == .label)
        let drop = try #require(policy.fields.first)
        #expect(drop.action == .drop)
        guard case .columns(let entities) = drop.selector else {
            Issue.record("the first rule selects by columns.yaml entity")
            return
        }
        #expect(Set(entities) == [.phoneNumber, .emailAddress, EntityKind("messaging_id")])
    }

    @Test("the template's example field rules match no Samples column, so it behaves like publish")
    func templateIsInert() throws {
        let template = try Self.load("template")
        let publish = try Self.load("publish")
        for entity in EntityKind.wellKnown { #expect(template.rule(for: entity) == publish.rule(for: entity)) }
        let resolver = FieldRuleResolver(rules: template.fields, columns: Fixtures.catalog.columns)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/Samples") where name.hasSuffix(".csv") || name.hasSuffix(".jsonl") {
            let document = try DocumentReader.read(filePath: Fixtures.root + "/Samples/" + name, format: name.hasSuffix(".csv") ? .csv : .jsonLines)
            #expect(resolver.resolve(document).treatments.isEmpty, "\(name)")
        }
    }
}
