import Testing
@testable import Redaction

/// A redacted identifier is redacted wherever else it stands in the document.
struct RepeatedValueTests {
    func process(_ text: String, format: DocumentFormat = .text, path: String = "a.txt") throws -> (String, [Decision]) {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: path, format: format)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        return (String(decoding: try #require(outcome.output), as: UTF8.self), outcome.decisions)
    }

    @Test("a number whose label reaches only another occurrence is redacted everywhere, with the reason naming the rule")
    func labelOnAnotherLine() throws {
        let (output, decisions) = try process(
            "Passport numbers on file: GK482913 and 548129307.\nThe second traveller, passport number 548129307, arrived later.\n")
        #expect(!output.contains("548129307"))
        let repeated = try #require(decisions.first { $0.finding.ruleID == Pipeline.repeatedValueRuleID })
        #expect(repeated.isRedaction && repeated.finding.entity == .passportNumber)
        #expect(repeated.reason.contains("the same value is redacted elsewhere in this document (rule "))
        #expect(!repeated.reason.contains("548129307"))
        #expect(repeated.finding.evidence.json.contains(#""source":"repeated_value""#))
    }

    @Test("an e-mail address and a number in a CSV note column follow their redacted column values")
    func tableToNotes() throws {
        let (output, _) = try process(
            "Name,Passport,Note\nAnn Lee,X7741902,\"call re X7741902 / ann.lee@example.org\"\nBo Li,Y1,ann.lee@example.org\n",
            format: .csv, path: "a.csv")
        #expect(!output.contains("X7741902"))
        #expect(!output.contains("ann.lee@example.org"))
    }

    @Test("only whole tokens recur: a longer number or a word holding the value stays", arguments: [
        "Passport number 548129307.\nInvoice 5481293070 and ref A548129307 stay.\n",
        "Passport number 548129307.\nThe order 548129307-2 stays.\n",
    ])
    func wholeTokensOnly(_ text: String) throws {
        let (output, decisions) = try process(text)
        #expect(decisions.filter { $0.finding.ruleID == Pipeline.repeatedValueRuleID }.isEmpty)
        #expect(output.hasPrefix("Passport number [PASSPORT_NUMBER]."))
    }

    @Test("dates and names are not followed, and kept values never start a recurrence")
    func onlyRedactedIdentifiers() throws {
        let (output, _) = try process("DOB: 1975-03-04\nThe meeting on 1975-03-04 was public.\nOrder 533380006 shipped; 533380006 again.\n")
        #expect(output.contains("The meeting on 1975-03-04 was public."))
        #expect(output.contains("Order 533380006 shipped; 533380006 again."))
    }

    @Test("token bounds trim sentence punctuation and need a digit or @", arguments: [
        ("see 548129307. Then", ["548129307"]),
        ("mail: -ann.lee@example.org-", ["ann.lee@example.org"]),
        ("words only here", []),
        ("中文548129307号", ["548129307"]),
    ])
    func tokens(_ text: String, _ expected: [String]) {
        var found: [String] = []
        var text = text
        text.withUTF8 { bytes in
            RepeatedToken.forEachToken(in: bytes) { found.append(String(decoding: bytes[$0..<$1], as: UTF8.self)) }
        }
        #expect(found == expected)
    }
}
