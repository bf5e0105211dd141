import Testing
@testable import Redaction

/// Each operator and each of its options, on the value alone.
struct OperatorTests {
    let context = TransformFixtures.context()

    @Test("label writes the entity in brackets")
    func label() {
        #expect(Operator.label.replacement(for: "E12345678", entity: .passportNumber, context: context) == "[PASSPORT_NUMBER]")
        #expect(Operator.label.replacement(for: "x", entity: EntityKind("licence_plate"), context: context) == "[LICENCE_PLATE]")
    }

    @Test("label templates fill {entity} and {n}", arguments: [
        ("[{entity}]", "[PERSON]"),
        ("<{entity}>", "<PERSON>"),
        ("{entity}-{n}", "PERSON-1"),
        ("REDACTED", "REDACTED"),
    ])
    func labelTemplate(text: String, expected: String) throws {
        let op = Operator.label(template: try LabelTemplate(text))
        #expect(op.replacement(for: "Wang Lei", entity: .person, context: context) == expected)
    }

    @Test("{n} numbers values per entity in order of first appearance; the same value keeps its number")
    func labelSequence() throws {
        let op = Operator.label(template: try LabelTemplate("{entity}-{n}"))
        let context = TransformFixtures.context()
        #expect(op.replacement(for: "Wang Lei", entity: .person, context: context) == "PERSON-1")
        #expect(op.replacement(for: "Helen Marsh", entity: .person, context: context) == "PERSON-2")
        #expect(op.replacement(for: "Lei WANG", entity: .person, context: context) == "PERSON-1")
        #expect(op.replacement(for: "13812345678", entity: .phoneNumber, context: context) == "PHONE_NUMBER-1")
    }

    @Test("{n} without a key or a book falls back to the plain label")
    func labelSequenceFallback() throws {
        let op = Operator.label(template: try LabelTemplate("{entity}-{n}"))
        #expect(op.replacement(for: "Wang Lei", entity: .person, context: OperatorContext()) == "[PERSON]")
        #expect(op.replacement(for: "Wang Lei", entity: .person, context: TransformFixtures.context(book: nil)) == "[PERSON]")
    }

    @Test("bad templates are refused", arguments: ["", "{name}", "{entity", "entity}", "{{entity}}", "{entity}-{N}"])
    func badTemplates(text: String) {
        #expect(throws: TemplateError.self) { try LabelTemplate(text) }
    }

    @Test("remove leaves nothing")
    func remove() {
        #expect(Operator.remove.replacement(for: "a@b.co", entity: .emailAddress, context: context) == "")
    }

    @Test("mask keeps the last N characters, counting characters not bytes")
    func mask() {
        #expect(Operator.mask(keepLast: 4, character: "*").replacement(for: "13812345678", entity: .phoneNumber, context: context) == "*******5678")
        #expect(Operator.mask(keepLast: 1, character: "•").replacement(for: "王小明", entity: .person, context: context) == "••明")
        #expect(Operator.mask(keepLast: 9, character: "*").replacement(for: "abc", entity: .person, context: context) == "abc")
        #expect(Operator.mask(keepLast: 1, character: "*").replacement(for: "e\u{301}te\u{301}", entity: .person, context: context) == "**e\u{301}")
    }

    @Test("mask options", arguments: [
        (MaskOptions(), "13812345678", "*******5678"),
        (MaskOptions(keepFirst: 3, keepLast: 0), "13812345678", "138********"),
        (MaskOptions(keepFirst: 3, keepLast: 4, character: "#"), "13812345678", "138####5678"),
        (MaskOptions(keepFirst: 0, keepLast: 0, character: "X"), "王小明", "XXX"),
        (MaskOptions(keepFirst: 4, keepLast: 2, character: "•", keepSeparators: true), "+1 604 555 0134", "+1 604 ••• ••34"),
        (MaskOptions(keepFirst: 0, keepLast: 2, keepSeparators: true), "(604) 555-0134", "(***) ***-**34"),
        (MaskOptions(keepFirst: 0, keepLast: 2, keepSeparators: false), "(604) 555-0134", "************34"),
        (MaskOptions(keepFirst: 6, keepLast: 6), "abc", "abc"),
    ])
    func maskOptions(options: MaskOptions, value: String, expected: String) {
        #expect(Operator.mask(options).replacement(for: Substring(value), entity: .phoneNumber, context: context) == expected)
    }

    @Test("generalize writes the coarser value, or the label when the value gives no basis")
    func generalize() {
        #expect(Operator.generalize(.year).replacement(for: "1975-03-04", entity: .dateOfBirth, context: context) == "1975")
        #expect(Operator.generalize(.year).replacement(for: "unknown", entity: .dateOfBirth, context: context) == "[DATE_OF_BIRTH]")
    }

    @Test("keep writes the value back unchanged if it ever reaches the rewriter")
    func keep() {
        #expect(Operator.keep.replacement(for: "Wang Lei", entity: .person, context: context) == "Wang Lei")
    }

    @Test("descriptions are complete and stable (the audit log's operator column)", arguments: [
        (Operator.label, "label"),
        (Operator.label(template: try! LabelTemplate("{entity}-{n}")), "label(template: \"{entity}-{n}\")"),
        (Operator.remove, "remove"),
        (Operator.mask(keepLast: 4, character: "*"), "mask(keep_first: 0, keep_last: 4, char: *, keep_separators: false)"),
        (Operator.mask(MaskOptions(keepFirst: 2, keepLast: 2, character: "•", keepSeparators: true)),
         "mask(keep_first: 2, keep_last: 2, char: •, keep_separators: true)"),
        (Operator.pseudonymize(.hash(length: 4)), "pseudonymize(style: hash, length: 4)"),
        (Operator.pseudonymize(.sequential), "pseudonymize(style: sequential)"),
        (Operator.generalize(.ageBand), "generalize(to: age_band)"),
        (Operator.keep, "keep"),
    ])
    func descriptions(op: Operator, expected: String) {
        #expect(op.description == expected)
    }

    @Test("only derived outputs are exempt from re-detection; mask never")
    func verification() {
        #expect(Operator.mask(MaskOptions()).verification == .checked)
        #expect(Operator.remove.verification == .checked)
        #expect(Operator.label.verification == .exemptAll)
        #expect(Operator.pseudonymize(.sequential).verification == .exemptAll)
        #expect(Operator.generalize(.city).verification == .exemptSameEntity)
    }
}
