import Testing
@testable import Redaction

/// Matching, context and validators over field text.
struct PatternDetectorTests {
    func rule(_ yaml: String) throws -> Rule {
        try RuleLoader.load(text: yaml, file: "/r/t.yaml")
    }

    let dateRule = """
    version: 1
    id: t
    entity: date_of_birth
    pattern: '[0-9]{4}-[0-9]{2}-[0-9]{2}'
    confidence: low
    validator: calendar-date
    context: { words: [dob, 出生日期], before: 30, raises: high }
    examples: { match: ['DOB ⟦1975-03-04⟧'], no_match: ['x'] }
    """

    @Test("a context word raises confidence only for the nearest match; the next date keeps its own")
    func contextStopsAtOtherMatches() throws {
        let detector = PatternDetector(rules: [try rule(dateRule)])
        let findings = try detector.findings(in: "DOB: 1975-03-04, registered 2020-01-01", field: FieldRef(record: 0, field: 0))
        #expect(findings.map(\.confidence) == [.high, .low])
        #expect(findings.first?.evidence.contextWord == "dob")
    }

    @Test("CJK context words match without spaces; Latin words only as whole words")
    func contextWordBoundaries() throws {
        let detector = PatternDetector(rules: [try rule(dateRule)])
        let cjk = try detector.findings(in: "出生日期1975-03-04", field: FieldRef(record: 0, field: 0))
        #expect(cjk.first?.confidence == .high)
        let glued = try detector.findings(in: "adobe 1975-03-04", field: FieldRef(record: 0, field: 0))
        #expect(glued.first?.confidence == .low)
    }

    @Test("a replacement token stops the context windows of its own entity, as the value did")
    func tokensStopTheirEntitysContext() throws {
        let detector = PatternDetector(rules: [try rule(dateRule)])
        let text = "DOB: [DATE_OF_BIRTH] 2020-01-01"
        let own = [ReplacementTokens.Token(span: ByteSpan(5, 20), entity: .dateOfBirth)]
        #expect(try detector.findings(in: text, field: FieldRef(record: 0, field: 0), tokens: own).map(\.confidence) == [.low])
        // A token of another entity hides nothing: the label reaches past it.
        let other = [ReplacementTokens.Token(span: ByteSpan(5, 20), entity: .phoneNumber)]
        #expect(try detector.findings(in: text, field: FieldRef(record: 0, field: 0), tokens: other).map(\.confidence) == [.high])
    }


    @Test("a value inside a token is no finding, even when the match's cue is outside it")
    func valueInsideTokenIsNoFinding() throws {
        let titled = try rule("""
        version: 1
        id: t
        entity: person
        pattern: 'Ms\\.\\s+(?<value>[A-Z][a-z]+)'
        confidence: high
        examples: { match: ['Ms. ⟦Gentry⟧'], no_match: ['x'] }
        """)
        let detector = PatternDetector(rules: [titled])
        let text = "2. Ms. Person-2HAH has attended"
        let token = [ReplacementTokens.Token(span: ByteSpan(7, 18), entity: .person)]
        #expect(try detector.findings(in: text, field: FieldRef(record: 0, field: 0), tokens: token).isEmpty)
        #expect(try detector.findings(in: text, field: FieldRef(record: 0, field: 0)).count == 1)
    }
    @Test("a shape validator drops impossible dates")
    func calendarValidatorDrops() throws {
        let detector = PatternDetector(rules: [try rule(dateRule)])
        #expect(try detector.findings(in: "DOB 1975-02-30", field: FieldRef(record: 0, field: 0)).isEmpty)
    }

    @Test("a failed checksum lowers confidence instead of dropping the finding")
    func checksumLowers() throws {
        let detector = PatternDetector(rules: [Fixtures.rule("cn-resident-id")])
        let good = try detector.findings(in: "11010519491231002X", field: FieldRef(record: 0, field: 0))
        let bad = try detector.findings(in: "110105194912310021", field: FieldRef(record: 0, field: 0))
        #expect(good.first?.confidence == .high)
        #expect(bad.first?.confidence == .medium)
        #expect(bad.first?.evidence.validatorPassed == false)
    }

    @Test("a catastrophic pattern hits the match limit and is an error, not a silent skip")
    func catastrophicPatternFails() throws {
        let evil = """
        version: 1
        id: t
        entity: test
        pattern: '^(a+)+$'
        examples: { match: ['⟦aa⟧'], no_match: ['b'] }
        """
        let detector = PatternDetector(rules: [try rule(evil)])
        let subject = String(repeating: "a", count: 40) + "b"
        #expect(throws: PatternDetector.LimitError.self) {
            try detector.findings(in: subject, field: FieldRef(record: 0, field: 0))
        }
    }

    @Test("offsets are UTF-8 bytes of the field, after multibyte text")
    func byteOffsets() throws {
        let detector = PatternDetector(rules: [Fixtures.rule("email-address")])
        let findings = try detector.findings(in: "邮箱：a@example.com", field: FieldRef(record: 0, field: 0))
        #expect(findings.map(\.span) == [ByteSpan(9, 22)])
    }

    @Test("an empty-matching pattern terminates and reports nothing")
    func emptyMatches() throws {
        let empty = """
        version: 1
        id: t
        entity: test
        pattern: 'x*'
        examples: { match: ['⟦x⟧'], no_match: ['b'] }
        """
        let detector = PatternDetector(rules: [try rule(empty)])
        let findings = try detector.findings(in: "aé中x", field: FieldRef(record: 0, field: 0))
        #expect(findings.map(\.span) == [ByteSpan(6, 7)])
    }

    @Test("a large field matched on several threads gives exactly the single-thread findings")
    func parallelRulesMatchSequential() throws {
        var text = ""
        for name in ["news-draft-en.md", "daily-report-zh.txt", "overseas-talents.csv", "foreigners-registry.csv"] {
            text += try String(contentsOfFile: Fixtures.root + "/Samples/" + name, encoding: .utf8) + "\n"
        }
        while text.utf8.count < 3 * PatternDetector.parallelFieldBytes { text += text }
        let field = FieldRef(record: 0, field: 0)
        let sequential = try PatternDetector(rules: Fixtures.catalog.rules).findings(in: text, field: field)
        let parallel = PatternDetector(rules: Fixtures.catalog.rules)
        parallel.ruleThreads = 3
        #expect(try parallel.findings(in: text, field: field) == sequential)
        #expect(sequential.count > 100)
        // Regions (the verifier's re-scan) too.
        let regions = [1000..<5000, 40_000..<41_000]
        #expect(try parallel.findings(in: text, field: field, regions: regions)
            == (try PatternDetector(rules: Fixtures.catalog.rules).findings(in: text, field: field, regions: regions)))
    }

    @Test("on several threads, rules whose required literals or anchors are absent still find nothing")
    func parallelScreeningMatchesSequential() throws {
        // No labels, no anchors, no '@' or '（': the screening the threads do must skip the same
        // rules the sequential screening skips; and one phone label far into the text.
        var text = String(repeating: "Quarterly figures rose 4.2 per cent in 2023 across the region. ", count: 1200)
        let plain = text
        text += "Phone: +44 20 7946 0958\n"
        let field = FieldRef(record: 0, field: 0)
        for subject in [plain, text] {
            let parallel = PatternDetector(rules: Fixtures.catalog.rules)
            parallel.ruleThreads = 2
            let sequential = try PatternDetector(rules: Fixtures.catalog.rules).findings(in: subject, field: field)
            #expect(try parallel.findings(in: subject, field: field) == sequential)
        }
        let labelled = try PatternDetector(rules: Fixtures.catalog.rules).findings(in: text, field: field)
        #expect(labelled.contains { $0.entity == .phoneNumber })
    }
}
