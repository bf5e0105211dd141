import Testing
@testable import Redaction

/// Every shipped rule's own examples, in every derived variant.
struct RuleExampleTests {
    static let ruleIDs = Fixtures.catalog.rules.map(\.id)

    @Test("the shipped rule's examples pass as written and in derived variants", arguments: ruleIDs)
    func examplesPass(ruleID: String) {
        let failures = RuleExampleChecker(rules: Fixtures.catalog.rules).check(Fixtures.rule(ruleID))
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test("each rule carries at least three match and three no-match examples", arguments: ruleIDs)
    func enoughExamples(ruleID: String) {
        let rule = Fixtures.rule(ruleID)
        #expect(rule.matchExamples.count >= 3)
        #expect(rule.noMatchExamples.count >= 3)
    }

    @Test("the checker reports a rule whose example is wrong, naming the variant")
    func checkerCatchesWrongExample() throws {
        let text = """
        version: 1
        id: digits
        entity: test
        pattern: '[0-9]+'
        examples:
          match: ['a ⟦12⟧3']
          no_match: ['none']
        """
        let rule = try RuleLoader.load(text: text, file: "/x/digits.yaml")
        let failures = RuleExampleChecker(rules: [rule]).check(rule)
        #expect(failures.count == RuleExampleChecker.Variant.allCases.count)
        #expect(failures.first?.expected == [ByteSpan(2, 4)])
        #expect(failures.first?.found == [ByteSpan(2, 5)])
    }
}
