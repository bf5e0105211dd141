import Testing
@testable import Redaction

/// Operators and the field rewrite.
struct OperatorTests {
    @Test("label writes the entity in brackets")
    func label() {
        #expect(Operator.label.replacement(for: "E12345678", entity: .passportNumber) == "[PASSPORT_NUMBER]")
    }

    @Test("mask keeps the last N characters, counting characters not bytes")
    func mask() {
        #expect(Operator.mask(keepLast: 4, character: "*").replacement(for: "13812345678", entity: .phoneNumber) == "*******5678")
        #expect(Operator.mask(keepLast: 1, character: "•").replacement(for: "王小明", entity: .person) == "••明")
        #expect(Operator.mask(keepLast: 9, character: "*").replacement(for: "abc", entity: .person) == "abc")
    }

    @Test("remove leaves nothing")
    func remove() {
        #expect(Operator.remove.replacement(for: "a@b.co", entity: .emailAddress) == "")
    }

    @Test("the rewrite replaces every span once, keeps every other byte, and reports where tokens landed")
    func rewrite() {
        let value = "电话13812345678，邮箱a@b.co。"
        func decision(_ lower: Int, _ upper: Int, _ entity: EntityKind) -> Decision {
            let finding = Finding(ruleID: "r", entity: entity, field: FieldRef(record: 0, field: 0), span: ByteSpan(lower, upper),
                                  confidence: .high, evidence: Evidence(source: .pattern))
            return Decision(finding: finding, verdict: .redact(.label), redactedSpan: finding.span)
        }
        let result = FieldRewriter.apply([decision(26, 32, .emailAddress), decision(6, 17, .phoneNumber)], to: value)
        #expect(result.value == "电话[PHONE_NUMBER]，邮箱[EMAIL_ADDRESS]。")
        #expect(result.replacements == [ByteSpan(6, 20), ByteSpan(29, 44)])
    }
}
