import Testing
@testable import Redaction

/// `rules check`'s scaling check: super-linear rules are named, shipped rules all pass.
struct RuleScalingTests {
    @Test("a rule whose time grows super-linearly on runs of a character is rejected, by name")
    func nestedQuantifierRejected() throws {
        let rule = try RuleLoader.load(text: MatchBudgetTests.backtracking, file: "/x/nested-plus.yaml")
        let failure = try #require(RuleScalingCheck.check(rule))
        #expect(failure.ruleID == "nested-plus")
        #expect(failure.run == "a")
        #expect(failure.description.contains("nested-plus.yaml: rule nested-plus"))
    }

    @Test("a quadratic rule (backtracking over a run between two stars) is rejected")
    func quadraticRejected() throws {
        let rule = try RuleLoader.load(text: """
            version: 1
            id: star-comma-star
            entity: test
            pattern: '=[ ]*,?[ ]*x'
            examples:
              match: ['⟦= x⟧ =', '⟦=x⟧', 'y ⟦= , x⟧']
              no_match: ['= y', 'x', '==']
            """, file: "/x/star-comma-star.yaml")
        let failure = try #require(RuleScalingCheck.check(rule))
        #expect(failure.run == " ")
        #expect(failure.detail.contains("8192"))
    }

    @Test("the possessive form of the same rule passes")
    func possessivePasses() throws {
        let rule = try RuleLoader.load(text: """
            version: 1
            id: star-comma-star
            entity: test
            pattern: '=[ ]*+(?:,[ ]*+)?x'
            examples:
              match: ['⟦= x⟧ =', '⟦=x⟧', 'y ⟦= , x⟧']
              no_match: ['= y', 'x', '==']
            """, file: "/x/star-comma-star.yaml")
        #expect(RuleScalingCheck.check(rule) == nil)
    }

    @Test("the runs cover the pattern's own characters and one of each class")
    func runCharacters() throws {
        let rule = try RuleLoader.load(text: MatchBudgetTests.backtracking, file: "/x/nested-plus.yaml")
        let characters = RuleScalingCheck.runCharacters(of: rule)
        for expected: Character in ["a", "A", "0", " ", ".", "é", "c", "+", "("] { #expect(characters.contains(expected)) }
    }

    @Test("every shipped rule's time grows linearly", arguments: RuleExampleTests.ruleIDs)
    func shippedRulesLinear(ruleID: String) {
        let failure = RuleScalingCheck.check(Fixtures.rule(ruleID))
        #expect(failure == nil, "\(failure.map(\.description) ?? "")")
    }
}
