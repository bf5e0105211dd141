/// Finds where the literal terms of an allow list occur in a field, so that a term protects
/// every finding it contains or overlaps: `allow: ["Li Qiang"]` keeps `Qiang` propagated
/// from another document where the text says `Li Qiang`, not only a finding that is exactly
/// `Li Qiang`.
///
/// Occurrences are found as deny-list terms are (`DenyListDetector`: `FoldedText` folding of
/// case, width and Han variants, word boundaries for spaced scripts), so an allow term
/// matches a text exactly when it would match it as a whole finding. Patterns are not
/// searched for: an allow pattern is anchored at both ends and judges whole findings only.
///
/// Not `Sendable` (it owns the detector's matcher): one per policy engine.
final class AllowOccurrences {
    private let detector: DenyListDetector

    /// Nil when `list` has no literal terms.
    init?(list: TermList) {
        guard !list.terms.isEmpty else { return nil }
        var terms = TermList()
        for term in list.terms { terms.add(term: term.text, entity: term.entity, source: term.source) }
        detector = DenyListDetector(list: terms)
    }

    /// The byte spans of `value` where a term occurs, in order.
    func spans(in value: String) -> [ByteSpan] {
        detector.findings(in: value, field: FieldRef(record: 0, field: 0)).map(\.span)
    }
}
