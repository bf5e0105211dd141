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

    @Test("alone or on another line, the name is kept", arguments: [
        "Robert Tremblay spoke at the conference.",
        "Robert Tremblay spoke.\nDOB: 1975-03-04",
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
}
