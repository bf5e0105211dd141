/// Finds the terms and patterns of a policy's deny list wherever they occur, in any field,
/// whatever the field rules say: a deny-list finding is always redacted (`PolicyEngine`).
///
/// Matching runs over `FoldedText` (case, full-width forms, traditional/simplified
/// characters, whitespace runs folded). A term that starts or ends with a letter or digit
/// of a spaced script must sit at a word boundary there (`Lee` is not found in `Leeds`);
/// CJK terms match anywhere (Chinese has no spaces). Findings are high-confidence, with
/// the rule id `deny-list` and the entity the entry names, else the list's default.
///
/// Not `Sendable`: it owns a `PCREMatcher` for the list's patterns. One per pipeline.
public final class DenyListDetector {
    /// The rule id of deny-list findings in reports and the audit log.
    public static let ruleID = "deny-list"

    private struct Entry {
        var scalars: [UInt32]
        var entity: EntityKind
        var source: String
        var wordStart: Bool
        var wordEnd: Bool
    }

    private let list: TermList
    /// The terms as a trie over folded scalars: children of each node, and the entry a
    /// node completes. Matching from a position walks as deep as the text allows, so the
    /// cost per position does not grow with the number of terms.
    private let children: [[UInt32: Int32]]
    private let terminal: [Entry?]
    private let matcher: PCREMatcher?

    public init(list: TermList) {
        self.list = list
        var children: [[UInt32: Int32]] = [[:]]
        var terminal: [Entry?] = [nil]
        for term in list.terms {
            let scalars = term.folded.unicodeScalars.map(\.value)
            guard let first = scalars.first, let last = scalars.last else { continue }
            var node = 0
            for scalar in scalars {
                if let next = children[node][scalar] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminal.append(nil)
                    children[node][scalar] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            // The first entry for a term wins (its entity and source).
            if terminal[node] == nil {
                terminal[node] = Entry(scalars: scalars, entity: term.entity ?? list.defaultEntity, source: term.source,
                                       wordStart: FoldedText.isWordScalar(first), wordEnd: FoldedText.isWordScalar(last))
            }
        }
        self.children = children
        self.terminal = terminal
        self.matcher = list.patterns.isEmpty ? nil : PCREMatcher()
    }

    public var isEmpty: Bool { list.isEmpty }

    /// Deny-list findings in `text`, the value of `field`, in order of position.
    /// `blockers` are spans no finding may overlap (replacement tokens, when verifying).
    public func findings(in text: String, field: FieldRef, blockers: [ByteSpan] = []) -> [Finding] {
        guard !list.isEmpty, !text.isEmpty else { return [] }
        let folded = FoldedText(text)
        var spans: [(ByteSpan, EntityKind, String)] = []
        if children.count > 1 {
            let scalars = folded.scalars
            for start in scalars.indices {
                // The longest term starting here whose word boundaries hold.
                var node = 0
                var position = start
                var best: Entry?
                while position < scalars.count, let next = children[node][scalars[position]] {
                    node = Int(next)
                    position += 1
                    if let entry = terminal[node], boundariesHold(entry, from: start, to: position, in: scalars) { best = entry }
                }
                if let best {
                    spans.append((folded.originalSpan(start..<start + best.scalars.count), best.entity, best.source))
                }
            }
        }
        if let matcher {
            spans += patternMatches(in: folded, matcher: matcher)
        }
        return spans
            .filter { span, _, _ in !span.isEmpty && !blockers.contains { $0.overlaps(span) } }
            .sorted { $0.0 < $1.0 }
            .map { span, entity, source in
                Finding(ruleID: Self.ruleID, entity: entity, field: field, span: span, confidence: .high,
                        evidence: Evidence(source: .denyList(source: source)))
            }
    }

    private func boundariesHold(_ entry: Entry, from start: Int, to end: Int, in scalars: [UInt32]) -> Bool {
        if entry.wordStart, start > 0, FoldedText.isWordScalar(scalars[start - 1]) { return false }
        if entry.wordEnd, end < scalars.count, FoldedText.isWordScalar(scalars[end]) { return false }
        return true
    }

    /// Matches of the list's patterns in the folded text, mapped back to original bytes.
    private func patternMatches(in folded: FoldedText, matcher: PCREMatcher) -> [(ByteSpan, EntityKind, String)] {
        var string = folded.string
        // Folded scalar index of each UTF-8 byte offset of `string` where a scalar starts.
        var scalarAt = [Int](repeating: -1, count: string.utf8.count + 1)
        var byte = 0
        for (index, value) in folded.scalars.enumerated() {
            scalarAt[byte] = index
            byte += UTF8.width(Unicode.Scalar(value)!)
        }
        scalarAt[byte] = folded.count
        var result: [(ByteSpan, EntityKind, String)] = []
        string.withUTF8 { bytes in
            for pattern in list.patterns {
                // A limit error must not pass silently as "no match": treat the whole value
                // as matched, so the field is redacted rather than leaked.
                do {
                    try matcher.forEachMatch(of: pattern.compiled, in: bytes) { match in
                        let span = match.value ?? match.whole
                        let lower = scalarAt[span.lower]
                        let upper = scalarAt[span.upper]
                        guard lower >= 0, upper > lower else { return }
                        result.append((folded.originalSpan(lower..<upper), pattern.entity ?? list.defaultEntity, pattern.origin))
                    }
                } catch {
                    if folded.count > 0 { result.append((folded.originalSpan(0..<folded.count), pattern.entity ?? list.defaultEntity, pattern.origin)) }
                }
            }
        }
        return result
    }
}
