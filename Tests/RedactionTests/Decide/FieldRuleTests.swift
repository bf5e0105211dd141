import Testing
@testable import Redaction

/// Per-field policy rules: loading, which fields they select, and what they do in the pipeline.
struct FieldRuleTests {
    static func policy(_ fields: String, entities: String = "") throws(RuleError) -> Policy {
        try PolicyLoader.load(text: "version: 1\n\(entities)fields:\n\(fields)", file: "/p/fields.yaml")
    }

    static func run(_ policy: Policy, _ input: String, format: DocumentFormat) throws -> (output: String, outcome: DocumentOutcome) {
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "in", format: format)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: policy).process(document)
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        return (String(decoding: outcome.output ?? [], as: UTF8.self), outcome)
    }

    @Test("field rules load: selectors, actions, entity and operator keys")
    func loads() throws {
        let policy = try Self.policy("""
          - match: 联系电话
            entity: phone_number
          - match_regex: '(?i)^notes?$'
            action: untouched
          - match: [Phone, WeChat]
            action: drop
          - match_column: email_address
            operator: mask
            keep_last: 2
            min_confidence: high
        """)
        #expect(policy.fields.map(\.action) == [.redact, .untouched, .drop, .redact])
        #expect(policy.fields[0].entity == .phoneNumber)
        #expect(policy.fields[0].operator == nil)
        #expect(policy.fields[3].operator?.name == "mask")
        #expect(policy.fields[3].minimumConfidence == .high)
        #expect(policy.fields.map(\.line) == [3, 5, 7, 9])
    }

    @Test("malformed field rules are rejected with file, line and key", arguments: [
        ("  - match: Phone\n    action: erase\n", "fields[0].action", 4),
        ("  - match: Phone\n    colour: red\n", "fields[0].colour", 4),
        ("  - match_regex: '(unclosed'\n    action: drop\n", "fields[0].match_regex", 3),
        ("  - action: drop\n", "fields[0]", 3),
        ("  - match: Phone\n    match_regex: 'x'\n    action: drop\n", "fields[0]", 3),
        ("  - match: Phone\n    action: drop\n    operator: mask\n", "fields[0].operator", 5),
        ("  - match: Phone\n    action: untouched\n    entity: person\n", "fields[0].entity", 5),
        ("  - match: Phone\n", "fields[0]", 3),
        ("  - match: Phone\n    operator: blur\n", "fields[0].operator", 4),
        ("  - match: '---'\n    action: drop\n", "fields[0].match", 3),
        ("  - match_column: Phone\n    action: drop\n", "fields[0].match_column", 3),
    ])
    func rejects(yaml: String, key: String, line: Int) {
        do {
            _ = try Self.policy(yaml)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/p/fields.yaml")
            #expect(error.key == key, "\(error)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test("an entity the rules never report is an error when the policy meets the catalog")
    func unknownEntity() throws {
        let policy = try PolicyLoader.load(text: "version: 1\nentities:\n  phone_numbr: { operator: remove }\n", file: "/p/e.yaml")
        do {
            try PolicyLoader.validate(policy, against: Fixtures.catalog)
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "entities.phone_numbr")
            #expect(error.line == 3)
        }
        let deny = try PolicyLoader.load(text: "version: 1\nentities:\n  code_name: { operator: remove }\ndeny: { entity: code_name, terms: [x] }\n",
                                         file: "/p/e.yaml")
        try PolicyLoader.validate(deny, against: Fixtures.catalog)
    }

    @Test("a CSV field mapped to an entity has its whole cell redacted as that entity")
    func csvEntity() throws {
        let policy = try Self.policy("  - match: Code\n    entity: national_id\n")
        let (output, outcome) = try Self.run(policy, "Name,Code,Date\nJane Roe,AB-12,2024-03-15\n", format: .csv)
        #expect(output == "Name,Code,Date\n[PERSON],[NATIONAL_ID],2024-03-15\n")
        let decision = try #require(outcome.decisions.first { $0.finding.ruleID == "field:national_id" })
        #expect(decision.reason.contains("field \"Code\" mapped by the policy"))
    }

    @Test("the policy's mapping replaces columns.yaml's for a field, and its operator applies to all findings there")
    func overridesColumnsAndOperator() throws {
        let policy = try Self.policy("""
          - match: Phone
            entity: messaging_id
          - match: Notes
            operator: remove
        """)
        let (output, _) = try Self.run(policy, "Phone,Notes\n+44 20 7946 0321,mail a@example.com now\n", format: .csv)
        #expect(output == "Phone,Notes\n[MESSAGING_ID],mail now\n")
    }

    @Test("an untouched field keeps every finding, recorded with the reason")
    func untouched() throws {
        let policy = try Self.policy("  - match_regex: '(?i)^notes?$'\n    action: untouched\n")
        let input = "name,notes\nJane Roe,call +44 20 7946 0321\n"
        let (output, outcome) = try Self.run(policy, input, format: .csv)
        #expect(output == "name,notes\n[PERSON],call +44 20 7946 0321\n")
        let kept = outcome.decisions.filter { $0.verdict == .keep(.fieldUntouched(field: "notes")) }
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0.reason == "kept: field left untouched by policy" })
    }

    @Test("a dropped CSV column leaves every row, header included, keeping quoting, delimiter and line endings")
    func csvDrop() throws {
        let policy = try Self.policy("  - match: [Phone, 电话]\n    action: drop\n")
        let input = "\u{FEFF}Name;Phone;\"City\"\r\n\"Roe; Jane\";+44 20 7946 0321;London\r\nAbe;;\"Paris\"\r\n"
        let (output, outcome) = try Self.run(policy, input, format: .csv)
        #expect(output == "\u{FEFF}Name;\"City\"\r\n\"[PERSON]\";London\r\n[PERSON];\"Paris\"\r\n")
        let drops = outcome.decisions.filter { $0.finding.ruleID == FieldRule.dropRuleID }
        #expect(drops.map(\.finding.entity) == [.phoneNumber])
        #expect(drops.first?.reason.contains("dropped by the policy") == true)
    }

    @Test("a dropped JSON member goes wherever its key occurs, nested and in arrays, with its comma")
    func jsonDrop() throws {
        let policy = try Self.policy("  - match: phone\n    action: drop\n")
        let input = """
        {"id": 1, "phone": 8613812345678, "contacts": [{"phone": "+44 20 7946 0321", "relation": "spouse"}], "x": {"phone": {"a": [1, {"b": "}"}]}}}

        """
        let (output, _) = try Self.run(policy, input, format: .jsonLines)
        #expect(output == "{\"id\": 1, \"contacts\": [{\"relation\": \"spouse\"}], \"x\": {}}\n")
    }

    @Test("for JSON the innermost key with a rule decides, and a drop at any level wins")
    func jsonNesting() throws {
        let policy = try Self.policy("""
          - match: city
            action: untouched
          - match: address
            operator: remove
          - match: secret
            action: drop
        """)
        let input = #"{"address": {"street": "22 Wrenfield Road", "city": "London N19 3JW"}, "secret": {"note": "x"}}"# + "\n"
        let (output, outcome) = try Self.run(policy, input, format: .jsonLines)
        #expect(output == #"{"address": {"street": "", "city": "London N19 3JW"}}"# + "\n")
        #expect(outcome.decisions.contains { $0.verdict == .keep(.fieldUntouched(field: "city")) })
    }
}
