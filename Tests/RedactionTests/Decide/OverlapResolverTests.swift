import Testing
@testable import Redaction

/// Overlap resolution: a pure function, every finding one decision, no splicing.
struct OverlapResolverTests {
    static func finding(_ rule: String, _ lower: Int, _ upper: Int, _ confidence: Confidence = .high,
                        entity: EntityKind = .phoneNumber) -> Finding {
        Finding(ruleID: rule, entity: entity, field: FieldRef(record: 0, field: 0), span: ByteSpan(lower, upper),
                confidence: confidence, evidence: Evidence(source: .pattern))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var findings: [Finding]
        /// Rule id of each redacting decision with its redacted span.
        var redacted: [String: ByteSpan]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "disjoint findings are redacted separately",
             findings: [finding("a", 0, 4), finding("b", 6, 9)],
             redacted: ["a": ByteSpan(0, 4), "b": ByteSpan(6, 9)]),
        Case(name: "adjacent findings do not overlap",
             findings: [finding("a", 0, 4), finding("b", 4, 9)],
             redacted: ["a": ByteSpan(0, 4), "b": ByteSpan(4, 9)]),
        Case(name: "a contained finding is covered by the longer one",
             findings: [finding("long", 0, 10), finding("short", 2, 5)],
             redacted: ["long": ByteSpan(0, 10)]),
        Case(name: "partial overlap redacts the union under the more confident finding",
             findings: [finding("low", 0, 6, .medium), finding("high", 4, 9, .high)],
             redacted: ["high": ByteSpan(0, 9)]),
        Case(name: "a chain of overlaps forms one cluster",
             findings: [finding("a", 0, 4), finding("b", 3, 8), finding("c", 7, 12)],
             redacted: ["b": ByteSpan(0, 12)]),
        Case(name: "equal spans are decided by rule id",
             findings: [finding("zeta", 0, 4), finding("alpha", 0, 4)],
             redacted: ["alpha": ByteSpan(0, 4)]),
    ]

    @Test("overlapping and adjacent findings", arguments: cases)
    func resolves(_ testCase: Case) {
        let policy = Policy(name: "t", defaultRule: .init(operator: .label, minimumConfidence: .low), entities: [:], allow: [], digest: "")
        let decisions = PolicyEngine(policy: policy).decide(testCase.findings, in: String(repeating: "x", count: 20))
        #expect(decisions.count == testCase.findings.count)
        var redacted: [String: ByteSpan] = [:]
        for decision in decisions where decision.isRedaction { redacted[decision.finding.ruleID] = decision.redactedSpan }
        #expect(redacted == testCase.redacted)
        for decision in decisions where !decision.isRedaction {
            guard case .keep(.overlapped) = decision.verdict else {
                Issue.record("a loser must be kept as overlapped, got \(decision.verdict)")
                continue
            }
        }
    }

    @Test("the decision does not depend on the order findings arrive in")
    func orderIndependent() {
        let findings = [Self.finding("a", 0, 4), Self.finding("b", 3, 8, .medium), Self.finding("c", 10, 12)]
        let forward = OverlapResolver.clusters(findings).map { findings[$0.best].ruleID }
        let reversed = Array(findings.reversed())
        let backward = OverlapResolver.clusters(reversed).map { reversed[$0.best].ruleID }
        #expect(forward == backward)
    }
}
