import Testing
@testable import Redaction

/// The shipped lexicons reach name propagation and column profiling.
struct LexiconWiringTests {
    static let config = Fixtures.catalog.propagation!

    @Test("propagation never follows a month, place or nationality alone, nor a common word that is no name", arguments: [
        ("June", true), ("Jordan", true), ("Paris", true), ("Chinese", true), ("Monday", true), ("weather", true), ("Harbour", false),
        ("Olivia", false), ("Qiang", false), ("Gentry", false), ("Ashworth", false),
    ])
    func commonWords(_ word: String, _ isCommon: Bool) {
        let check = LexiconCommonWords(config: Self.config, lexicons: Fixtures.catalog.lexicons)
        #expect(check.isCommonWordOrPlace(word) == isCommon)
    }

    @Test("a lexicon-backed profile tells names from other capitalised cells", arguments: [
        ("Katie Gentry", NameLikelihood.lexicon), ("王小明", .lexicon),
        ("Mount Vernon", .shape), ("Northwind Logistics", .shape), ("passport", .none),
    ])
    func nameEvidence(_ cell: String, _ expected: NameLikelihood) {
        let evidence = LexiconNameEvidence(detector: LexiconNameDetector(lexicons: Fixtures.catalog.lexicons))
        #expect(evidence.isLikelyName(cell[...]) == expected)
    }

    @Test("a propagated surname from a run's lexicon recurs while a propagated month does not")
    func propagation() {
        let lexicon = NameLexicon(names: ["Katie Gentry", "June"], config: Self.config,
                                  commonWords: LexiconCommonWords(config: Self.config, lexicons: Fixtures.catalog.lexicons))
        let text = "Gentry called on June 3, 2024. June was away."
        let found = lexicon.findings(in: text, field: FieldRef(record: 0, field: 0))
        let spans = found.map { String(text.utf8.dropFirst($0.span.lower).prefix($0.span.count))! }
        #expect(spans.contains("Gentry"))
        #expect(!spans.contains("June"))
    }

    @Test("a surname that is also a common word recurs alone, but not inside another capitalised phrase")
    func commonWordSurname() {
        let lexicon = NameLexicon(names: ["Katie Cross"], config: Self.config,
                                  commonWords: LexiconCommonWords(config: Self.config, lexicons: Fixtures.catalog.lexicons))
        let text = "Cross said so. The Red Cross helped. Mr Cross left by Cross Street."
        let found = lexicon.findings(in: text, field: FieldRef(record: 0, field: 0))
        let starts = found.filter { $0.confidence >= .medium }.map(\.span.lower)
        #expect(starts == [0, 40])
    }
}
