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

    @Test("an anchors block that does not cover every match is reported; a true one changes nothing")
    func anchorsPromiseIsChecked() throws {
        func rule(before: Int) throws -> Rule {
            try RuleLoader.load(text: """
                version: 1
                id: tel-number
                entity: phone_number
                pattern: '(?i:tel)[.:]?\\s*[0-9]{3}-[0-9]{4}'
                anchors:
                  literals: ['-']
                  before: \(before)
                examples:
                  match: ['⟦Tel: 555-1234⟧', 'x ⟦TEL 555-1234⟧ and ⟦tel.555-9876⟧']
                  no_match: ['555-1234', 'tel 55-1234']
                """, file: "/x/tel-number.yaml")
        }
        // The number's dash lies 8 characters after "Tel: " starts: a window reaching 3
        // characters back misses it, one reaching 12 covers every match.
        let lying = try rule(before: 3)
        let failures = RuleExampleChecker(rules: [lying]).check(lying)
        #expect(!failures.isEmpty)
        #expect(failures.contains { $0.variant == "anchors" })
        let honest = try rule(before: 12)
        #expect(RuleExampleChecker(rules: [honest]).check(honest).isEmpty)
    }

    @Test("windowed search finds exactly what a whole-field search finds, across windows and resumed matches")
    func windowsMatchWholeSearch() throws {
        let rule = try RuleLoader.load(text: """
            version: 1
            id: labelled
            entity: test
            pattern: '(?i:no\\.?)\\s*[0-9]+(?:-[0-9]+)*'
            anchors:
              literals: ['no']
            examples:
              match: ['⟦No. 12⟧']
              no_match: ['12']
            """, file: "/x/labelled.yaml")
        var text = ""
        for index in 0..<400 { text += index % 7 == 0 ? "NO. \(index)-\(index) no no.\(index) nothing " : "n\(index) o\(index) " }
        let field = FieldRef(record: 0, field: 0)
        let windowed = try PatternDetector(rules: [rule]).findings(in: text, field: field)
        let everywhere = try PatternDetector(rules: [rule], searchingAnchorWindows: false).findings(in: text, field: field)
        #expect(!windowed.isEmpty)
        #expect(windowed == everywhere)
    }
}
