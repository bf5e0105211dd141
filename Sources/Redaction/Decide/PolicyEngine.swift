/// Turns the findings of one field into exactly one decision each: allow list, then
/// threshold, then overlap resolution.
public struct PolicyEngine: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Decisions for `findings`, all of which lie in the field whose value is `value`.
    /// The result is in the order of `findings`.
    public func decide(_ findings: [Finding], in value: String) -> [Decision] {
        var decisions: [Decision?] = Array(repeating: nil, count: findings.count)
        var candidates: [Int] = []
        let utf8 = value.utf8
        for (index, finding) in findings.enumerated() {
            let entityRule = policy.rule(for: finding.entity)
            if !policy.allow.isEmpty {
                let start = utf8.index(utf8.startIndex, offsetBy: finding.span.lower)
                let end = utf8.index(start, offsetBy: finding.span.count)
                if policy.allow.contains(Policy.allowKey(value[start..<end])) {
                    decisions[index] = Decision(finding: finding, verdict: .keep(.allowListed))
                    continue
                }
            }
            if finding.confidence < entityRule.minimumConfidence {
                decisions[index] = Decision(finding: finding, verdict: .keep(.belowThreshold(minimum: entityRule.minimumConfidence)))
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
                    let op = policy.rule(for: best.entity).operator
                    decisions[original] = Decision(finding: best, verdict: .redact(op), redactedSpan: cluster.span)
                } else {
                    decisions[original] = Decision(finding: findings[original], verdict: .keep(.overlapped(by: best.ruleID)))
                }
            }
        }
        return decisions.map { $0! }
    }
}
