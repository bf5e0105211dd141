import Testing
@testable import Redaction

/// Seeding and propagation through the real pipeline, rules and policy.
struct PropagationPipelineTests {
    static func document(_ text: String, path: String = "memo.txt") throws -> Document {
        try DocumentReader.read(bytes: Array(text.utf8), displayPath: path, format: .text)
    }

    @Test("a seed carries the document, the line of the name and the rule that found it")
    func seedOrigin() throws {
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy)
        let seeds = try pipeline.seedNames(in: try Self.document("Visitors\n\nName: Katie Gentry\n", path: "in/roster.txt"))
        let seed = try #require(seeds.first { $0.name == "Katie Gentry" })
        let origin = try #require(seed.origin)
        #expect(origin.document == "in/roster.txt")
        #expect(origin.line == 3)
        #expect(!origin.rule.isEmpty && origin.rule != NameLexicon.ruleID)
    }

    @Test("an allow-listed name protects a propagated part inside it, not the seed's own recurrences")
    func allowProtectsParts() throws {
        var policy = Fixtures.defaultPolicy
        policy.allow = ["Li Qiang"]
        let seeds = [NameSeed(name: "Zhang Qiang", origin: SeedOrigin(document: "roster.csv", line: 2, rule: "column-person"))]
        let lexicon = NameLexicon(seeds: seeds, config: try #require(Fixtures.catalog.propagation))
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: policy, lexicon: lexicon)
        let outcome = try pipeline.process(try Self.document("Li Qiang met Zhang Qiang.\n"))
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self) == "Li Qiang met [PERSON].\n")
        let redacted = try #require(outcome.decisions.first { $0.isRedaction })
        #expect(redacted.reason.hasSuffix("propagated from a name found by rule column-person in roster.csv line 2"))
        #expect(outcome.decisions.contains { $0.verdict == .keep(.allowListed) && $0.finding.ruleID == NameLexicon.ruleID })
    }

    @Test("a recurrence in a date, after a public role or in a byline is kept; the same name elsewhere is redacted")
    func safeRecurrences() throws {
        let seeds = ["June Park", "Li Qiang", "Jordan"].map { NameSeed(name: $0, origin: nil) }
        let lexicon = NameLexicon(seeds: seeds, config: try #require(Fixtures.catalog.propagation))
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy, lexicon: lexicon)
        let text = "On June 11, 2022 and 12-June-2021, Premier Li Qiang met June Park and Jordan.\nBy Jordan Ames, Reuters\n"
        let outcome = try pipeline.process(try Self.document(text))
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self)
            == "On June 11, 2022 and 12-June-2021, Premier Li Qiang met [PERSON] and [PERSON].\nBy Jordan Ames, Reuters\n")
    }

    @Test("a name split over a first-name and a last-name cell seeds the full name in both orders")
    func splitNameCells() throws {
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy)
        let roster = try DocumentReader.read(bytes: Array("first name,last name\nJune,Park\n".utf8), displayPath: "r.csv", format: .csv)
        let seeds = try pipeline.seedNames(in: roster)
        #expect(Set(seeds.map(\.name)) == ["June", "Park", "June Park", "Park June"])
        let lexicon = NameLexicon(seeds: seeds, config: try #require(Fixtures.catalog.propagation))
        let memo = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy, lexicon: lexicon)
            .process(try Self.document("June Park came on June 11, 2022 to the park.\n"))
        #expect(String(decoding: try #require(memo.output), as: UTF8.self) == "[PERSON] came on June 11, 2022 to the park.\n")
    }
}
