import Testing
@testable import Redaction

/// Safe name propagation: which single words recur alone, where a recurrence is not a name
/// (inside a token, inside a date), public roles and bylines, and the seed's origin.
@Suite("Safe name propagation")
struct SafePropagationTests {
    static let config = PropagationConfig(
        entity: .person, seedConfidence: .high, fullNameConfidence: .high, surnameConfidence: .medium,
        givenNameConfidence: .low, givenNameSameDocumentConfidence: .medium, partMinLetters: 3, partStopWords: ["park"],
        unless: Rule.Suppression(words: WordList(["premier", "ambassador", "by"]), before: 25, after: 0),
        bylineOutlets: ["Reuters", "Associated Press"])

    /// A check that treats nothing as common: the date and token checks then stand alone.
    struct NothingCommon: CommonWordCheck {
        func isCommonWordOrPlace(_ word: String) -> Bool { false }
    }

    /// A check with one place in it, as a lexicon of countries would be.
    struct OnePlace: CommonWordCheck {
        func isCommonWordOrPlace(_ word: String) -> Bool { word == "jordan" }
    }

    static func found(_ lexicon: NameLexicon, _ text: String) -> [(text: String, finding: Finding)] {
        lexicon.findings(in: text, field: FieldRef(record: 0, field: 0)).map { finding in
            (String(decoding: Array(text.utf8)[finding.span.lower..<finding.span.upper], as: UTF8.self), finding)
        }
    }

    /// The recurrences that would be redacted (medium or more).
    static func redacted(_ lexicon: NameLexicon, _ text: String) -> [String] {
        found(lexicon, text).filter { $0.finding.confidence >= .medium }.map(\.text)
    }

    @Test("a one-word seed recurs alone at surname confidence unless it is a month, weekday or stop word")
    func singleWordSeeds() {
        let lexicon = NameLexicon(names: ["June", "Olivia", "Park", "Mittwoch", "Qiang"], config: Self.config)
        #expect(Self.redacted(lexicon, "Olivia met Qiang in Park Lane on Mittwoch in June.") == ["Olivia", "Qiang"])
        #expect(Self.found(lexicon, "Olivia").first?.finding.confidence == .medium)
        // A full name's parts are vetted the same way; the full name itself still recurs.
        let full = NameLexicon(names: ["June Park"], config: Self.config)
        #expect(Self.redacted(full, "June Park wrote in June from the park.") == ["June Park"])
    }

    @Test("the common-word check is injected: a place lexicon stops a seed that is also a country")
    func injectedCheck() {
        let lexicon = NameLexicon(names: ["Jordan", "Olivia Jordan"], config: Self.config, commonWords: OnePlace())
        #expect(Self.redacted(lexicon, "Nationality: Jordan") == [])
        #expect(Self.redacted(lexicon, "Olivia Jordan signed.") == ["Olivia Jordan"])
        let open = NameLexicon(names: ["Jordan"], config: Self.config, commonWords: NothingCommon())
        #expect(Self.redacted(open, "Nationality: Jordan") == ["Jordan"])
    }

    @Test("a single word is not replaced inside a date", arguments: [
        "12-June-2021", "June 11, 2022", "11 June", "June 2022", "1st June", "on 3/June/2020", "June 30th",
    ])
    func notInDates(_ text: String) {
        let lexicon = NameLexicon(names: ["June"], config: Self.config, commonWords: NothingCommon())
        #expect(Self.redacted(lexicon, text) == [])
    }

    @Test("the same single word outside a date is still the name", arguments: [
        "June said so.", "Ask June, 42, about it.", "June 45 times", "call June 2000000",
    ])
    func outsideDates(_ text: String) {
        let lexicon = NameLexicon(names: ["June"], config: Self.config, commonWords: NothingCommon())
        #expect(Self.redacted(lexicon, text) == ["June"])
    }

    @Test("a single word inside a larger token is not replaced; a possessive is the name")
    func largerTokens() {
        let lexicon = NameLexicon(names: ["Katie Gentry"], config: Self.config)
        #expect(Self.redacted(lexicon, "see Gentry-2021.pdf, x_Gentry, O'Gentry, Gentry.v2") == [])
        #expect(Self.redacted(lexicon, "Gentry's car and Gentry.") == ["Gentry", "Gentry"])
        // A full name is whole-word as before, joined or not.
        #expect(Self.redacted(lexicon, "Katie Gentry-Smith") == ["Katie Gentry"])
    }

    @Test("a public-role title before a name's first part keeps every part after it")
    func publicRoles() {
        let lexicon = NameLexicon(names: ["Zhang Qiang", "Katie Gentry"], config: Self.config)
        let premier = Self.found(lexicon, "Premier Li Qiang spoke.")
        #expect(premier.map(\.text) == ["Qiang"])
        #expect(premier.first?.finding.confidence == .low)
        #expect(premier.first?.finding.evidence.suppressedBy == "premier")
        // Further than the window from the title, but the same name.
        #expect(Self.redacted(lexicon, "Ambassador Mary Anne Elizabeth Gentry arrived.") == [])
        // Another name after a lower-case word is not protected by an earlier title.
        #expect(Self.redacted(lexicon, "The Ambassador met on Tuesday with Gentry.") == ["Gentry"])
        #expect(Self.redacted(lexicon, "Zhang Qiang and Katie Gentry arrived.") == ["Zhang Qiang", "Katie Gentry"])
        // The title belongs to the name after it, not to the next name in its window.
        #expect(Self.redacted(lexicon, "Premier Li Qiang met Katie Gentry.") == ["Katie Gentry"])
    }

    @Test("a byline keeps the name: By Name, or Name, Outlet")
    func bylines() {
        let lexicon = NameLexicon(names: ["Katie Gentry"], config: Self.config)
        #expect(Self.redacted(lexicon, "By Katie Gentry\nText.") == [])
        let outlet = Self.found(lexicon, "Katie Gentry, Reuters\nText.")
        #expect(outlet.first?.finding.evidence.suppressedBy == "Reuters")
        #expect(Self.redacted(lexicon, "Katie Gentry | Associated Press") == [])
        #expect(Self.redacted(lexicon, "Katie Gentry, Reutersville resident") == ["Katie Gentry"])
    }

    @Test("every recurrence records its seed's origin, the earliest when several seeds share a name")
    func origins() {
        let early = SeedOrigin(document: "a/roster.csv", line: 12, rule: "person-label")
        let late = SeedOrigin(document: "b/memo.txt", line: 3, rule: "person-title")
        let lexicon = NameLexicon(seeds: [NameSeed(name: "Katie Gentry", origin: late),
                                          NameSeed(name: "Katie Gentry", origin: early),
                                          NameSeed(name: "Rebecca Buck", origin: nil)], config: Self.config)
        let found = Self.found(lexicon, "Katie Gentry met Gentry and Rebecca Buck")
        #expect(found.map(\.finding.evidence.seed) == [early, early, nil])
    }
}
