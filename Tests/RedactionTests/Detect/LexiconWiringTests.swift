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

    @Test("a single given name or surname is a lexicon name; a common word, month or place is not", arguments: [
        ("Mahesa", false), ("Olivia", true), ("Gentry", false), ("Ashworth", true), ("MCGUIRE", true), ("June", false), ("Paris", false),
        ("Engineer", false), ("olivia", false),
    ])
    func singleWords(_ cell: String, _ isName: Bool) {
        let evidence = LexiconNameEvidence(detector: LexiconNameDetector(lexicons: Fixtures.catalog.lexicons))
        #expect((evidence.isLikelyName(cell[...]) == .lexicon) == isName)
    }

    @Test("a column of single given names under an unknown header is redacted in a roster, not in a list of jobs")
    func givenNameColumn() throws {
        let roster = "Feld 3,Geburtsdatum,Beruf\nOlivia,1980-01-02,Engineer\nThomas,1975-03-04,Analyst\nMaria,1990-05-06,Teacher\nRobert,1966-07-08,Engineer\n"
        let document = try DocumentReader.read(bytes: Array(roster.utf8), displayPath: "r.csv", format: .csv)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(!output.contains("Olivia") && !output.contains("Thomas") && !output.contains("Robert"))
        #expect(output.contains("Engineer") && output.contains("Analyst"))
        let reason = try #require(outcome.decisions.first { $0.finding.entity == .person && $0.isRedaction }).reason
        #expect(reason.contains("names the name lexicons know"))
    }
}
