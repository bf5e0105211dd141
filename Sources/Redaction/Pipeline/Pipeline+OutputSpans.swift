/// Where each decision ended up in the redacted output, for the audit log and the review
/// report: the report highlights decisions in the redacted text by these offsets.
extension Pipeline {
    /// Parallel to `decisions`: the decision's span in its output field's value, in Unicode
    /// code points; nil for a field the output drops. `rewrites` are the rewritten fields.
    static func outputSpans(of decisions: [Decision], in document: Document,
                            rewrites: [FieldRef: FieldRewriter.Result], removed: Set<FieldRef>) -> [Range<Int>?] {
        var result: [Range<Int>?] = Array(repeating: nil, count: decisions.count)
        var end = 0
        while end < decisions.count {
            // A run of decisions of one field (`decide` groups them so: one run per field).
            let start = end
            let ref = decisions[start].finding.field
            while end < decisions.count && decisions[end].finding.field == ref { end += 1 }
            guard !removed.contains(ref) else { continue }
            let rewrite = rewrites.isEmpty ? nil : rewrites[ref]
            // Start and end of each decision's span, side by side, as byte offsets.
            var offsets: [Int] = []
            offsets.reserveCapacity(2 * (end - start))
            for index in start..<end {
                let span = decisions[index].isRedaction
                    ? decisions[index].redactedSpan ?? decisions[index].finding.span : decisions[index].finding.span
                let output = rewrite?.outputSpan(of: span) ?? span
                offsets.append(output.lower)
                offsets.append(output.upper)
            }
            let scalars = scalarOffsets(of: offsets, in: rewrite?.value ?? document.records[ref.record].fields[ref.field].value)
            for index in start..<end {
                let slot = 2 * (index - start)
                if let lower = scalars[slot], let upper = scalars[slot + 1] { result[index] = lower..<upper }
            }
        }
        return result
    }

    /// Code point offsets of byte offsets into `value` (in any order), in one forward pass;
    /// nil for an offset past the end.
    static func scalarOffsets(of byteOffsets: [Int], in value: String) -> [Int?] {
        let order = byteOffsets.indices.sorted { byteOffsets[$0] < byteOffsets[$1] }
        var result = [Int?](repeating: nil, count: byteOffsets.count)
        var value = value
        value.withUTF8 { utf8 in
            var byte = 0
            var scalar = 0
            for slot in order {
                let target = byteOffsets[slot]
                while byte < target && byte < utf8.count {
                    if utf8[byte] & 0xC0 != 0x80 { scalar += 1 }
                    byte += 1
                }
                if byte == target { result[slot] = scalar }
            }
        }
        return result
    }
}
