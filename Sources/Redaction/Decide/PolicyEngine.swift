/// Turns the findings of one field into exactly one decision each. In this order:
/// 1. a deny-list finding is always a candidate for redaction;
/// 2. a finding in a field the policy leaves untouched is kept;
/// 3. an allow-listed value is kept;
/// 4. a finding below the minimum confidence (the field rule's, else its entity's) is kept;
///    a finding whose operator (the field rule's, else its entity's) is `keep` is kept;
/// 5. the remaining candidates go through overlap resolution (`OverlapResolver`), and each
///    cluster is redacted once with the operator of its best finding (the field rule's
///    operator, else the best finding's entity's).
///
/// Not `Sendable`: it owns a `PCREMatcher` when the allow list has patterns. One per pipeline.
public struct PolicyEngine {
    public let policy: Policy
    private let matcher: PCREMatcher?
    /// The run's reviewer overrides (`run --review`), applied before everything else.
    public var review: ReviewOverrides?

    public init(policy: Policy) {
        self.policy = policy
        self.matcher = policy.allow.patterns.isEmpty ? nil : PCREMatcher()
    }

    /// Whether `value`, a finding of `entity`, is on the policy's allow list.
    public func isAllowListed(_ value: some StringProtocol, entity: EntityKind) -> Bool {
        !policy.allow.isEmpty && policy.allow.containsValue(value, entity: entity, matcher: matcher)
    }

    /// Decisions for `findings`, all of which lie in the field whose value is `value`;
    /// `field` is what the policy's field rules make of that field, if anything.
    /// The result is in the order of `findings`.
    public func decide(_ findings: [Finding], in value: String, field: FieldTreatment? = nil) -> [Decision] {
        var decisions: [Decision?] = Array(repeating: nil, count: findings.count)
        var candidates: [Int] = []
        var notes: [Int: ReviewNote] = [:]
        let utf8 = value.utf8
        for (index, finding) in findings.enumerated() {
            // 0. A reviewer's override beats the policy: keep is kept, redact is a candidate
            //    whatever its confidence, allow-listing or operator.
            if let review {
                let start = utf8.index(utf8.startIndex, offsetBy: finding.span.lower)
                let end = utf8.index(start, offsetBy: finding.span.count)
                if let note = review.note(for: value[start..<end], entity: finding.entity) {
                    notes[index] = note
                    if note.action == .keep {
                        decisions[index] = Decision(finding: finding, verdict: .keep(.reviewerOverride), override: note)
                    } else {
                        candidates.append(index)
                    }
                    continue
                }
            }
            if finding.ruleID == DenyListDetector.ruleID {
                candidates.append(index)
                continue
            }
            if let field, field.action == .untouched {
                decisions[index] = Decision(finding: finding, verdict: .keep(.fieldUntouched(field: field.name)))
                continue
            }
            let entityRule = policy.rule(for: finding.entity, in: field)
            if !policy.allow.isEmpty {
                let start = utf8.index(utf8.startIndex, offsetBy: finding.span.lower)
                let end = utf8.index(start, offsetBy: finding.span.count)
                if isAllowListed(value[start..<end], entity: finding.entity) {
                    decisions[index] = Decision(finding: finding, verdict: .keep(.allowListed))
                    continue
                }
            }
            if finding.confidence < entityRule.minimumConfidence {
                decisions[index] = Decision(finding: finding, verdict: .keep(.belowThreshold(minimum: entityRule.minimumConfidence)))
                continue
            }
            // Operator `keep`: recorded, never redacted. Not a candidate either, so it never
            // represents a cluster and shields an overlapping finding the policy redacts.
            if case .keep = entityRule.operator {
                decisions[index] = Decision(finding: finding, verdict: .keep(.policyKeeps))
                continue
            }
            candidates.append(index)
        }
        let subset = candidates.map { findings[$0] }
        for cluster in OverlapResolver.clusters(subset) {
            let best = subset[cluster.best]
            for member in cluster.members {
                let original = candidates[member]
                if member == cluster.best {
                    var op = policy.rule(for: best.entity, in: field).operator
                    // A deny-listed term (or a reviewer's redact) of an entity the policy keeps is
                    // still redacted: labelled.
                    if case .keep = op { op = .label }
                    decisions[original] = Decision(finding: best, verdict: .redact(op), redactedSpan: cluster.span,
                                                   override: notes[original])
                } else {
                    decisions[original] = Decision(finding: findings[original], verdict: .keep(.overlapped(by: best.ruleID)),
                                                   override: notes[original])
                }
            }
        }
        return decisions.map { $0! }
    }
}
