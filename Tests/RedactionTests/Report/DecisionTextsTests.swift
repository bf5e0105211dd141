import Testing
@testable import Redaction

@Suite("Decision texts of an audit session")
struct DecisionTextsTests {
    static func decision(_ verdict: Verdict, entity: EntityKind = .phoneNumber, confidence: Confidence = .high,
                         evidence: Evidence = Evidence(source: .pattern), override: ReviewNote? = nil) -> Decision {
        let finding = Finding(ruleID: "r", entity: entity, field: FieldRef(record: 0, field: 0), span: ByteSpan(0, 3),
                              confidence: confidence, evidence: evidence)
        return Decision(finding: finding, verdict: verdict, override: override)
    }

    static let decisions: [Decision] = {
        var withContext = Evidence(source: .column(header: "电话"), contextWord: "tel", validator: .luhn, validatorPassed: false)
        withContext.nearEntity = .emailAddress
        withContext.suppressedBy = "Dr."
        var seeded = Evidence(source: .propagated)
        seeded.seed = SeedOrigin(document: "roster.csv", line: 12, rule: "person-label")
        return [
            decision(.redact(.label)),
            decision(.redact(.label), entity: .emailAddress),
            decision(.redact(.label), confidence: .low),
            decision(.redact(.remove), evidence: withContext),
            decision(.keep(.belowThreshold(minimum: .medium)), confidence: .low),
            decision(.keep(.belowThreshold(minimum: .high)), confidence: .low),
            decision(.keep(.allowListed)),
            decision(.keep(.overlapped(by: "a"))),
            decision(.keep(.overlapped(by: "b"))),
            decision(.keep(.policyKeeps), evidence: Evidence(source: .denyList(source: "deny.txt"))),
            decision(.keep(.fieldUntouched(field: "notes"))),
            decision(.keep(.inlineAllow)),
            decision(.keep(.baseline(reason: "test number"))),
            decision(.keep(.baseline(reason: "known false positive"))),
            decision(.keep(.reviewerOverride),
                     override: ReviewNote(action: .keep, reviewer: "ana", reason: "public figure", source: "review.yaml:3",
                                          target: "decision 4")),
            decision(.redact(.label), evidence: Evidence(source: .fieldRule(field: "ssn", dropped: true))),
            decision(.redact(.label), evidence: Evidence(source: .propagated)),
            decision(.redact(.label), evidence: seeded),
        ]
    }()

    @Test("every text is the decision's own reason and evidence JSON, the first time and when remembered")
    func sameTexts() {
        let texts = DecisionTexts()
        for _ in 0..<2 {
            for decision in Self.decisions {
                #expect(texts.reason(of: decision) == decision.reason)
                #expect(texts.json(of: decision.finding.evidence) == decision.finding.evidence.json)
            }
        }
    }
}
