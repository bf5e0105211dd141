import Testing
@testable import Redaction

@Suite("Name lexicon")
struct NameLexiconTests {
    static let config = PropagationConfig(
        entity: .person, seedConfidence: .high, fullNameConfidence: .high, surnameConfidence: .medium,
        givenNameConfidence: .low, givenNameSameDocumentConfidence: .medium, partMinLetters: 3, partStopWords: ["van"], unless: nil)

    @Test("a name's parts and their kinds, for ASCII and other Latin names alike", arguments: [
        ("Katie Gentry", [("Katie", NameLexicon.Kind.givenName), ("Gentry", .surname)]),
        ("GENTRY Katie", [("GENTRY", .surname), ("Katie", .givenName)]),
        ("Gentry, Katie Ann", [("Gentry", .surname), ("Katie", .givenName), ("Ann", .givenName)]),
        ("José García", [("José", .givenName), ("García", .surname)]),
        ("GARCÍA José", [("GARCÍA", .surname), ("José", .givenName)]),
        ("García, José", [("García", .surname), ("José", .givenName)]),
    ])
    func parts(_ name: String, _ expected: [(String, NameLexicon.Kind)]) {
        let parts = NameLexicon.parts(of: name)
        #expect(parts.map(\.0) == expected.map(\.0))
        #expect(parts.map(\.1) == expected.map(\.1))
    }

    @Test("whitespace of any kind between words becomes one space", arguments: [
        ("  Katie\t\tGentry \n", "Katie Gentry"),
        ("Katie\r\nGentry", "Katie Gentry"),
        ("José\u{00A0} García", "José García"),
        ("王\u{3000}伟", "王 伟"),
        (" \t ", ""),
    ])
    func spacing(_ raw: String, _ expected: String) {
        #expect(NameLexicon.singleSpaced(raw) == expected)
    }

    @Test("a given name alone is redacted in its name's own document, only recorded elsewhere")
    func givenNameInItsOwnDocument() {
        let seed = NameSeed(name: "Steffen Dowerg", origin: SeedOrigin(document: "a.txt", line: 1, rule: "r"))
        let lexicon = NameLexicon(seeds: [seed], config: Self.config)
        func confidence(in document: String?) -> Confidence? {
            lexicon.findings(in: "Steffen moved in 2006.", field: FieldRef(record: 0, field: 0), document: document).first?.confidence
        }
        #expect(confidence(in: "a.txt") == .medium)
        #expect(confidence(in: "b.txt") == .low)
        #expect(confidence(in: nil) == .low)
    }

    @Test("known names and their parts are found where they recur, whole words only, CJK names as substrings")
    func recurrences() {
        let lexicon = NameLexicon(names: ["Katie  Gentry", "王小明"], config: Self.config)
        func spans(_ text: String) -> [String] {
            lexicon.findings(in: text, field: FieldRef(record: 0, field: 0)).map { finding in
                String(decoding: Array(text.utf8)[finding.span.lower..<finding.span.upper], as: UTF8.self)
            }
        }
        #expect(spans("Ms. Gentry met katie gentry and Katie Gentry.") == ["Gentry", "Katie Gentry"])
        #expect(spans("Gentrys and Katies") == [])
        #expect(spans("据王小明说") == ["王小明"])
    }
}
