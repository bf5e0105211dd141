import Testing
@testable import Redaction

/// OCR look-alikes inside numbers are read as digits; words stay words.
struct OCRDigitFoldingTests {
    func process(_ text: String) throws -> DocumentOutcome {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "scan.txt", format: .text)
        return try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
    }

    @Test("look-alikes inside a number fold to digits, byte for byte", arguments: [
        ("DOB l2/O6/l958", "DOB 12/06/1958"),
        ("(6O4) 87l-2219", "(604) 871-2219"),
        ("7l3 2O5 68O", "713 205 680"),
        ("l9 / O8 / l979", "19 / 08 / 1979"),
    ])
    func folds(_ text: String, _ expected: String) {
        #expect(OCRDigitFolding.fold(text) == expected)
        #expect(OCRDigitFolding.fold(text)?.utf8.count == text.utf8.count)
    }

    @Test("words, and tokens with more look-alikes than digits or other letters, are left", arguments: [
        "the lOO metre race", "Ol IO lol", "Room B12", "AB1234567", "version 2.0 of I/O", "l0ll",
    ])
    func leaves(_ text: String) {
        #expect(OCRDigitFolding.fold(text) == nil)
    }

    @Test("a birth date damaged by OCR is redacted, and the reason says it was read so")
    func redacted() throws {
        let text = "Date of birth: l2/O6/l958\nThe lOO metre race.\n"
        let outcome = try process(text)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(output == "Date of birth: [DATE_OF_BIRTH]\nThe lOO metre race.\n")
        let date = try #require(outcome.decisions.first { $0.finding.ruleID == "date-of-birth" })
        #expect(date.finding.evidence.ocrFolded && date.reason.contains("read with OCR look-alikes as digits"))
    }

    @Test("a context word spaced out by a scan still counts: `Date  of  birth` raises the date")
    func spacedContextWords() throws {
        let text = "Date  of  birth  (you)  12/06/1958\n"
        let outcome = try process(text)
        let date = try #require(outcome.decisions.first { $0.finding.ruleID == "date-of-birth" })
        #expect(date.isRedaction && date.finding.confidence == .high)
        #expect(date.finding.evidence.contextWord == "date of birth")
    }
}
