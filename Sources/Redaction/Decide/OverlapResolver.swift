/// Resolves overlapping findings that are all to be redacted, as a pure function.
///
/// Findings that overlap (transitively) form a cluster. The cluster is redacted once, over
/// the union of its spans, with the operator of its best finding — highest confidence,
/// then longest span, then earliest start, then rule id, so reruns decide identically.
/// Every other finding of the cluster is kept as `overlapped(by:)` the best one: its bytes
/// are inside that redaction. Two replacements are therefore never spliced into each
/// other, and no byte of a losing finding survives.
public enum OverlapResolver {
    /// One cluster: the indices of its findings and the index of the best one.
    public struct Cluster: Equatable, Sendable {
        public var members: [Int]
        public var best: Int
        public var span: ByteSpan
    }

    /// Clusters of `findings` (all in the same field), ordered by position.
    public static func clusters(_ findings: [Finding]) -> [Cluster] {
        var clusters: [Cluster] = []
        var sweep = Sweep(Array(findings.indices), in: findings)
        while let cluster = sweep.next() {
            clusters.append(Cluster(members: Array(cluster.members), best: cluster.best, span: cluster.span))
        }
        return clusters
    }

    /// The clusters of the findings at `candidates` (indices into `findings`, ascending), one
    /// by one in order of position: each cluster's members (indices into `findings`, in
    /// position order), its best member and the union of their spans. The policy engine
    /// decides each field through this, without an array per cluster.
    struct Sweep {
        private let findings: [Finding]
        private let order: [Int]
        private var position = 0

        init(_ candidates: [Int], in findings: [Finding]) {
            self.findings = findings
            order = candidates.count < 2 ? candidates : candidates.sorted { findings[$0].span < findings[$1].span }
        }

        mutating func next() -> (members: ArraySlice<Int>, best: Int, span: ByteSpan)? {
            guard position < order.count else { return nil }
            let start = position
            var best = order[start]
            var span = findings[best].span
            position += 1
            while position < order.count {
                let index = order[position]
                let next = findings[index].span
                guard next.lower < span.upper else { break }
                span = span.union(next)
                if isBetter(findings[index], than: findings[best]) { best = index }
                position += 1
            }
            return (order[start..<position], best, span)
        }
    }

    /// The total order that picks a cluster's representative.
    public static func isBetter(_ a: Finding, than b: Finding) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        if a.span.count != b.span.count { return a.span.count > b.span.count }
        if a.span.lower != b.span.lower { return a.span.lower < b.span.lower }
        return a.ruleID < b.ruleID
    }
}
