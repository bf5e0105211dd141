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
        let order = findings.indices.sorted { findings[$0].span < findings[$1].span }
        var clusters: [Cluster] = []
        for index in order {
            let span = findings[index].span
            if var last = clusters.last, span.lower < last.span.upper {
                last.members.append(index)
                last.span = last.span.union(span)
                if isBetter(findings[index], than: findings[last.best]) { last.best = index }
                clusters[clusters.count - 1] = last
            } else {
                clusters.append(Cluster(members: [index], best: index, span: span))
            }
        }
        return clusters
    }

    /// The total order that picks a cluster's representative.
    public static func isBetter(_ a: Finding, than b: Finding) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        if a.span.count != b.span.count { return a.span.count > b.span.count }
        if a.span.lower != b.span.lower { return a.span.lower < b.span.lower }
        return a.ruleID < b.ruleID
    }
}
