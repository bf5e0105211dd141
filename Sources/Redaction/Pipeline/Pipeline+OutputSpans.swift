/// Where each decision ended up in the redacted output, for the audit log and the review
/// report: the report highlights decisions in the redacted text by these offsets.
extension Pipeline {
    /// Parallel to `decisions`: the decision's span in its output field's value, in Unicode
    /// code points; nil for a field the output drops. `rewrites` are the rewritten fields.
    static func outputSpans(of decisions: [Decision], in document: Document,
                            rewrites: [FieldRef: FieldRewriter.Result], removed: Set<FieldRef>) -> [Range<Int>?] {
        var result: [Range<Int>?] = Array(repeating: nil, count: decisions.count)
        var byField: [FieldRef: [Int]] = [:]
        for (index, decision) in decisions.enumerated() where !removed.contains(decision.finding.field) {
            byField[decision.finding.field, default: []].append(index)
        }
        for (ref, indices) in byField {
            let rewrite = rewrites[ref]
            let value = rewrite?.value ?? document.records[ref.record].fields[ref.field].value
            let spans = indices.map { index -> ByteSpan in
                let decision = decisions[index]
                let span = decision.isRedaction ? decision.redactedSpan ?? decision.finding.span : decision.finding.span
                return rewrite?.outputSpan(of: span) ?? span
            }
            let scalars = scalarOffsets(of: spans.flatMap { [$0.lower, $0.upper] }, in: value)
            for (index, span) in zip(indices, spans) {
                if let lower = scalars[span.lower], let upper = scalars[span.upper] { result[index] = lower..<upper }
            }
        }
        return result
    }

    /// Code point offsets of byte offsets into `value`, in one forward pass.
    static func scalarOffsets(of byteOffsets: [Int], in value: String) -> [Int: Int] {
        let targets = Array(Set(byteOffsets)).sorted()
        var result: [Int: Int] = [:]
        var utf8 = value.utf8.makeIterator()
        var byte = 0
        var scalar = 0
        for target in targets {
            while byte < target, let next = utf8.next() {
                if next & 0xC0 != 0x80 { scalar += 1 }
                byte += 1
            }
            if byte == target { result[target] = scalar }
        }
        return result
    }
}
