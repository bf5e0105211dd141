import Testing
@testable import Redaction

@Suite("Lexicon name detector")
struct LexiconNameDetectorTests {
    static let detector = LexiconNameDetector(lexicons: Fixtures.catalog.lexicons)
    static let field = FieldRef(record: 0, field: 0)

    /// The redacted spans (medium confidence or more) of `text`, as text, with their rule ids.
    static func names(_ text: String, cell: Bool = false) -> [String] {
        let bytes = Array(text.utf8)
        return detector.findings(in: text, field: field, isCell: cell)
            .filter { $0.confidence >= .medium }
            .map { String(decoding: bytes[$0.span.lower..<$0.span.upper], as: UTF8.self) }
    }

    @Test("GIVEN [GIVEN] SURNAME in capitals is the weak Given Surname form; a heading of common words is not")
    func allCapitals() {
        let text = "I, KATHERINE ANNE ASHWORTH, of Leeds, state:\nUNITED NATIONS HUMAN RIGHTS COUNCIL\n"
        let bytes = Array(text.utf8)
        let found = Self.detector.findings(in: text, field: Self.field, isCell: false)
        #expect(found.map { String(decoding: bytes[$0.span.lower..<$0.span.upper], as: UTF8.self) } == ["KATHERINE ANNE ASHWORTH"])
        #expect(found.first?.ruleID == LexiconNameDetector.RuleID.givenSurname && found.first?.confidence == .low)
    }

    @Test("SURNAME, Given: a surname in capitals, a comma and a given name")
    func surnameComma() {
        #expect(Self.names("Applicant: ASHWORTH, Katie, born in Leeds") == ["ASHWORTH, Katie"])
        #expect(Self.names("CHEN, Mei-hua was present") == ["CHEN, Mei-hua"])
        #expect(Self.names("WARNING, Grace period ends") == [])
        #expect(Self.names("JUNE, Rebecca") == [])  // a month in capitals is not a surname
        // Letters glued to a digit belong to a code: `Z0TA` of a pseudonym holds no surname.
        #expect(Self.names("passport no. PassportNumber-Z0TA, Date of birth") == [])
        #expect(Self.names("Ref 4TA, Rebecca") == [])
        // A word of three letters or more before a digit is still a word (a footnote mark).
        let footnoted = "Michael Johnson2 holds passport number X1234567"
        let spans = Self.detector.findings(in: footnoted, field: Self.field, isCell: false).map(\.span)
        #expect(spans.contains(ByteSpan(0, 15)))
    }

    @Test("Given M. Surname and G. Surname")
    func initials() {
        #expect(Self.names("The form was signed by Katie M. Ashworth yesterday.") == ["Katie M. Ashworth"])
        #expect(Self.names("Copies to J. Ashworth and R. Dunne.") == ["J. Ashworth", "R. Dunne"])
        #expect(Self.names("Signed: J.R. Ashworth") == ["J.R. Ashworth"])
        #expect(Self.names("See J. David Ashworth, 1992.") == ["J. David Ashworth"])
        #expect(Self.names("It lacks vitamin D. Young children need it.") == [])
        #expect(Self.names("Payment due June 11, 2022. Monday is a holiday.") == [])
        #expect(Self.names("the U.S. Army and the U.K. Government") == [])
    }

    @Test("hyphenated romanised given names next to a surname, in either order")
    func hyphenated() {
        #expect(Self.names("Interview with Mei-hua Lin on Tuesday") == ["Mei-hua Lin"])
        #expect(Self.names("Jae-won Park called back") == ["Jae-won Park"])
        #expect(Self.names("present: LIN Mei-hua") == ["LIN Mei-hua"])
        #expect(Self.names("a Follow-up Hall meeting and the Self-help Park") == [])
        #expect(Self.names("An Rmail-style mailbox") == [])
    }

    @Test("a name alone in a cell: given-name and surname lexicon hits on every word")
    func cells() {
        #expect(Self.names("Katie Gentry", cell: true) == ["Katie Gentry"])
        #expect(Self.names(" Rebecca Buck ", cell: true) == ["Rebecca Buck"])
        #expect(Self.names("GENTRY, Katie", cell: true) == ["GENTRY, Katie"])
        #expect(Self.names("Wang Xiaoming", cell: true) == ["Wang Xiaoming"])
        #expect(Self.names("Jae-won Park", cell: true) == ["Jae-won Park"])
        #expect(Self.names("Katie Park", cell: true) == ["Katie Park"])
        #expect(Self.names("Hsu Chia-ling", cell: true) == ["Hsu Chia-ling"])
        for text in ["Jordan", "Paris", "Monday", "Bill of Rights", "Grace period", "June 11, 2022", "San Jose",
                     "New York", "Katie", "United Kingdom", "Project Manager", "Mount Vernon", "Morgan Park",
                     "San Benito", "Mount Martha"] {
            #expect(Self.names(text, cell: true) == [], "\(text)")
        }
        // A word no lexicon knows beside a surname: reported at low confidence only.
        let unknown = Self.detector.findings(in: "Xyvenna Sharma", field: Self.field, isCell: true)
        #expect(unknown.map(\.confidence) == [.low])
        #expect(unknown.first?.evidence.source == .lexicon(evidence: "surname lexicon + a capitalised word, alone in a cell"))
        // The same words in prose are not a name: no structure says so.
        #expect(Self.names("Katie Gentry") == [])
    }

    @Test("a Chinese name alone in a cell: a Han surname and one or two characters, not a word or a place")
    func hanCells() {
        #expect(Self.names("王小明", cell: true) == ["王小明"])
        #expect(Self.names("歐陽娜娜", cell: true) == ["歐陽娜娜"])
        for text in ["安全", "文件", "北京市", "高新区", "中国", "王", "王小明是谁", "上海"] {
            #expect(Self.names(text, cell: true) == [], "\(text)")
        }
    }

    @Test("a public-role title before the name keeps it, at low confidence, naming the title")
    func officials() {
        let text = "Senator J. Ashworth said"
        let found = Self.detector.findings(in: text, field: Self.field, isCell: false)
        #expect(found.count == 1)
        #expect(found.first?.confidence == .low)
        #expect(found.first?.evidence.suppressedBy == "senator")
    }

    @Test("the evidence names the lexicons and the shape, and the reason says it in words")
    func evidence() {
        let found = Self.detector.findings(in: "ASHWORTH, Katie", field: Self.field, isCell: false)
        #expect(found.first?.evidence.source == .lexicon(evidence: "surname in capitals + given-name lexicon"))
        #expect(found.first?.ruleID == LexiconNameDetector.RuleID.surnameComma)
        let decision = Decision(finding: found[0], verdict: .keep(.belowThreshold(minimum: .high)))
        #expect(decision.reason.contains("name lexicons: surname in capitals + given-name lexicon"))
        #expect(found[0].evidence.json.contains(#""source":"lexicon""#))
    }

    @Test("without lexicons the detector finds nothing")
    func disabled() {
        let empty = LexiconNameDetector(lexicons: Lexicons())
        #expect(!empty.isEnabled)
        #expect(empty.findings(in: "ASHWORTH, Katie", field: Self.field, isCell: true).isEmpty)
    }
}
