import Testing
@testable import Redaction

/// A `Given Surname` of the lexicons is weak alone and redacted next to personal data.
struct NearbyDataTests {
    func process(_ text: String) throws -> (String, [Decision]) {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "a.txt", format: .text)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        return (String(decoding: outcome.output ?? document.bytes, as: UTF8.self), outcome.decisions)
    }

    @Test("a given name and surname on the line of a birth date or phone is redacted, naming that evidence", arguments: [
        "Robert Tremblay, who was born in 1946, lives in Norway.",
        "Witness: Robert TREMBLAY，护照号码 E12345678。",
        "Robert Tremblay +44 20 7946 0321",
    ])
    func nearPersonalData(_ text: String) throws {
        let (output, decisions) = try process(text)
        #expect(!output.contains("Robert"))
        let name = try #require(decisions.first { $0.finding.ruleID == LexiconNameDetector.RuleID.givenSurname })
        #expect(name.isRedaction && name.finding.confidence == .medium)
        #expect(name.reason.contains("near other personal data"))
    }

    @Test("alone, or with only an office's contact details on another line, the name is kept", arguments: [
        "Robert Tremblay spoke at the conference.",
        "Robert Tremblay spoke.\nPress office: +44 20 7946 0321",
        "By Robert Tremblay | May 3, 2021\nThe witness, born on 1975-03-04, spoke.",
    ])
    func keptAlone(_ text: String) throws {
        let (output, _) = try process(text)
        #expect(output.contains("Robert Tremblay"))
    }

    @Test("after an official's title the lexicon finding stays low whatever stands near")
    func officialStaysLow() throws {
        let (_, decisions) = try process("Senator Robert Tremblay +44 20 7946 0321")
        let name = try #require(decisions.first { $0.finding.ruleID == LexiconNameDetector.RuleID.givenSurname })
        #expect(name.finding.confidence == .low && name.finding.evidence.suppressedBy == "senator")
    }

    @Test("in a document holding a birth date, passport or ID number anywhere, the name is redacted, naming that evidence",
          arguments: [
              ("Robert Tremblay spoke.\nDOB: 1975-03-04", "date_of_birth"),
              ("Robert Tremblay arrived on Monday.\n\nHis passport number: E12345678", "passport_number"),
          ])
    func inPersonalDocument(_ text: String, entity: String) throws {
        let (output, decisions) = try process(text)
        #expect(!output.contains("Robert"))
        let name = try #require(decisions.first { $0.finding.ruleID == LexiconNameDetector.RuleID.givenSurname })
        #expect(name.isRedaction && name.finding.confidence == .medium)
        #expect(name.reason.contains("in a document holding a private person's identifiers (\(entity))"))
        #expect(name.finding.evidence.json.contains(#""document_entity":""# + entity))
    }
}
