import Testing
@testable import Redaction

@Suite("Lexicon")
struct LexiconTests {
    static let small = Lexicon(bytes: Array("ashworth\nchen\nkhan\nlin\nzhang\n张\n".utf8))

    @Test("entries are found whatever the case of their ASCII letters; others are not")
    func membership() {
        for word in ["ashworth", "Ashworth", "ASHWORTH", "chen", "khan", "lin", "zhang", "张"] {
            #expect(Self.small.contains(word), "\(word)")
        }
        for word in ["ash", "ashworths", "", "a", "zz", "li", "王"] {
            #expect(!Self.small.contains(word), "\(word)")
        }
        #expect(Self.small.count == 6)
        #expect(!Lexicon().contains("anything"))
    }

    @Test("a file without a final line feed still finds its last entry")
    func lastLine() {
        #expect(Lexicon(bytes: Array("a\nb".utf8)).contains("b"))
    }

    @Test("isSorted rejects a file out of byte order or with a repeated entry")
    func sortedness() {
        #expect(Self.small.isSorted)
        #expect(!Lexicon(bytes: Array("b\na\n".utf8)).isSorted)
        #expect(!Lexicon(bytes: Array("a\na\n".utf8)).isSorted)
    }

    @Test("every shipped lexicon is sorted and not empty, and belongs to the catalog's digest")
    func shipped() throws {
        let lexicons = Fixtures.catalog.lexicons
        for (name, keyPath) in Lexicons.files {
            #expect(!lexicons[keyPath: keyPath].isEmpty, "\(name)")
            #expect(lexicons[keyPath: keyPath].isSorted, "\(name)")
        }
        let sources = try RuleSources.read(directory: Fixtures.rulesDirectory)
        #expect(sources.files.contains { $0.name == "lexicons/surnames.txt" })
    }

    @Test("isCommonWordOrPlace: months, weekdays, countries, cities, nationalities and common words, not names")
    func commonWordOrPlace() {
        let lexicons = Fixtures.catalog.lexicons
        for word in ["June", "Jordan", "Paris", "Monday", "grace", "Period", "Chinese", "France", "mardi", "Bill"] {
            #expect(lexicons.isCommonWordOrPlace(word), "\(word)")
        }
        for word in ["Olivia", "Qiang", "Ashworth", "Mei-hua"] {
            #expect(!lexicons.isCommonWordOrPlace(word), "\(word)")
        }
    }

    @Test("the name lexicons know names of several cultures")
    func names() {
        let lexicons = Fixtures.catalog.lexicons
        for surname in ["Ashworth", "Dunne", "Khan", "Lin", "Park", "Chang", "Hsu", "Tsai", "Zhang", "Nguyen", "Ouyang"] {
            #expect(lexicons.surnames.contains(surname), "\(surname)")
        }
        for given in ["Katie", "Rebecca", "James"] { #expect(lexicons.givenNames.contains(given), "\(given)") }
        for han in ["王", "張", "欧阳"] { #expect(lexicons.hanSurnames.contains(han), "\(han)") }
    }
}
