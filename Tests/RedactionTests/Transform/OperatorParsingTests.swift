import Testing
@testable import Redaction

/// Operators and options in policy files: what loads, and what is refused with file, line and key.
struct OperatorParsingTests {
    @Test("every operator and option loads", arguments: [
        ("person: { operator: label }", EntityKind.person, Operator.label),
        ("person: { operator: label, template: '{entity}-{n}' }", .person, .label(template: try! LabelTemplate("{entity}-{n}"))),
        ("person: { operator: remove }", .person, .remove),
        ("phone_number: { operator: mask }", .phoneNumber, .mask(MaskOptions())),
        ("phone_number: { operator: mask, keep_first: 4, keep_last: 2, mask_char: '•', keep_separators: true }", .phoneNumber,
         .mask(MaskOptions(keepFirst: 4, keepLast: 2, character: "•", keepSeparators: true))),
        ("phone_number: { operator: mask, keep_last: 2, mask_char: '#' }", .phoneNumber, .mask(keepLast: 2, character: "#")),
        ("person: { operator: pseudonymize }", .person, .pseudonymize(.hash(length: 4))),
        ("person: { operator: pseudonymize, style: hash, length: 12 }", .person, .pseudonymize(.hash(length: 12))),
        ("person: { operator: pseudonymize, style: sequential }", .person, .pseudonymize(.sequential)),
        ("date_of_birth: { operator: generalize, to: year }", .dateOfBirth, .generalize(.year)),
        ("date_of_birth: { operator: generalize, to: decade }", .dateOfBirth, .generalize(.decade)),
        ("date_of_birth: { operator: generalize, to: age_band }", .dateOfBirth, .generalize(.ageBand)),
        ("address: { operator: generalize, to: city }", .address, .generalize(.city)),
        ("address: { operator: generalize, to: region }", .address, .generalize(.region)),
        ("address: { operator: generalize, to: country }", .address, .generalize(.country)),
        ("phone_number: { operator: generalize, to: country_code }", .phoneNumber, .generalize(.countryCode)),
        ("person: { operator: keep }", .person, .keep),
    ])
    func loads(entry: String, entity: EntityKind, expected: Operator) throws {
        let policy = try TransformFixtures.policy("entities:\n  " + entry + "\n")
        #expect(policy.rule(for: entity).operator == expected)
    }

    @Test("an entry without an operator inherits the default's operator and options and may change them")
    func inherits() throws {
        let policy = try TransformFixtures.policy("""
        defaults: { operator: mask, keep_last: 2, mask_char: '#' }
        entities:
          phone_number: { keep_first: 3 }
          person: { operator: mask }
          email_address: { operator: pseudonymize, length: 6 }
        """)
        #expect(policy.rule(for: .phoneNumber).operator == .mask(MaskOptions(keepFirst: 3, keepLast: 2, character: "#")))
        #expect(policy.rule(for: .person).operator == .mask(MaskOptions()))
        #expect(policy.rule(for: .passportNumber).operator == .mask(keepLast: 2, character: "#"))
        #expect(policy.rule(for: .emailAddress).operator == .pseudonymize(.hash(length: 6)))
    }

    @Test("bad operators and options are refused with file, line and key", arguments: [
        ("entities:\n  person: { operator: blur }\n", "entities.person.operator", 3, "unknown operator"),
        ("entities:\n  person: { operator: label, keep_last: 2 }\n", "entities.person.keep_last", 3, "does not apply to operator 'label'"),
        ("entities:\n  person: { operator: remove, template: '[{entity}]' }\n", "entities.person.template", 3, "does not apply"),
        ("entities:\n  person: { operator: keep, style: hash }\n", "entities.person.style", 3, "has no options"),
        ("entities:\n  person: { template: '{entity}-{n}', operator: mask }\n", "entities.person.template", 3, "does not apply"),
        ("entities:\n  person: { operator: label, template: '{name}' }\n", "entities.person.template", 3, "unknown placeholder"),
        ("entities:\n  person: { operator: label, template: '[{entity]' }\n", "entities.person.template", 3, "never closed"),
        ("entities:\n  person: { operator: label, template: '{entity}}' }\n", "entities.person.template", 3, "unbalanced"),
        ("entities:\n  person: { operator: label, template: '' }\n", "entities.person.template", 3, "empty"),
        ("entities:\n  phone_number: { operator: mask, keep_last: 65 }\n", "entities.phone_number.keep_last", 3, "between 0 and 64"),
        ("entities:\n  phone_number: { operator: mask, keep_first: -1 }\n", "entities.phone_number.keep_first", 3, "between 0 and 64"),
        ("entities:\n  phone_number: { operator: mask, mask_char: '**' }\n", "entities.phone_number.mask_char", 3, "one character"),
        ("entities:\n  phone_number: { operator: mask, mask_char: ' ' }\n", "entities.phone_number.mask_char", 3, "visible"),
        ("entities:\n  phone_number: { operator: mask, keep_separators: maybe }\n", "entities.phone_number.keep_separators", 3, "true or false"),
        ("entities:\n  person: { operator: pseudonymize, style: rainbow }\n", "entities.person.style", 3, "not one of"),
        ("entities:\n  person: { operator: pseudonymize, length: 3 }\n", "entities.person.length", 3, "between 4 and 12"),
        ("entities:\n  person: { operator: pseudonymize, length: 13 }\n", "entities.person.length", 3, "between 4 and 12"),
        ("entities:\n  person: { operator: pseudonymize, style: sequential, length: 6 }\n", "entities.person.length", 3, "only to style 'hash'"),
        ("entities:\n  email_address: { operator: generalize, to: city }\n", "entities.email_address.operator", 3, "does not apply to email_address"),
        ("entities:\n  address:\n    operator: generalize\n    to: decade\n", "entities.address.to", 5, "'decade' does not apply to address"),
        ("entities:\n  date_of_birth: { operator: generalize, to: country_code }\n", "entities.date_of_birth.to", 3, "year, decade, age_band"),
        ("entities:\n  date_of_birth: { operator: generalize }\n", "entities.date_of_birth.operator", 3, "needs 'to'"),
        ("entities:\n  date_of_birth: { operator: generalize, to: century }\n", "entities.date_of_birth.to", 3, "not one of"),
        ("entities:\n  date_of_birth: { to: year }\n", "entities.date_of_birth.to", 3, "does not apply to operator 'label'"),
        ("defaults: { operator: generalize, to: year }\n", "defaults.operator", 2, "cannot be a default"),
        ("entities:\n  person: { operator: label, colour: red }\n", "entities.person.colour", 3, "unknown key"),
    ])
    func rejects(text: String, key: String, line: Int, message: String) {
        do {
            _ = try TransformFixtures.policy(text, file: "/p/bad.yaml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.file == "/p/bad.yaml")
            #expect(error.key == key)
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
