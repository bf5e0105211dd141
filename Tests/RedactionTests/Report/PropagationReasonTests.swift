import Foundation
import Testing
@testable import Redaction

/// A propagated finding's reason and audit evidence name where its seed was found.
struct PropagationReasonTests {
    static func decision(seed: SeedOrigin?) -> Decision {
        var evidence = Evidence(source: .propagated)
        evidence.seed = seed
        let finding = Finding(ruleID: NameLexicon.ruleID, entity: .person, field: FieldRef(record: 0, field: 0),
                              span: ByteSpan(0, 4), confidence: .high, evidence: evidence)
        return Decision(finding: finding, verdict: .redact(.label))
    }

    @Test("the reason says which rule found the name, in which document and line")
    func reasonNamesTheSeed() {
        let seed = SeedOrigin(document: "people/roster.csv", line: 12, rule: "person-label")
        #expect(Self.decision(seed: seed).reason
            == "person at high confidence; propagated from a name found by rule person-label in people/roster.csv line 12")
        #expect(Self.decision(seed: nil).reason
            == "person at high confidence; the same name was found with strong evidence elsewhere in this run")
    }

    @Test("the audit evidence holds the seed as an object, valid JSON, with escaped paths")
    func evidenceJSON() throws {
        let seed = SeedOrigin(document: "a \"quoted\" dir/名单.csv", line: 3, rule: "column-person")
        let json = Self.decision(seed: seed).finding.evidence.json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "propagated")
        let nested = try #require(object["seed"] as? [String: Any])
        #expect(nested["rule"] as? String == "column-person")
        #expect(nested["document"] as? String == "a \"quoted\" dir/名单.csv")
        #expect(nested["line"] as? Int == 3)
        #expect(Self.decision(seed: nil).finding.evidence.json == #"{"source":"propagated"}"#)
    }
}
