/// The published text of one document with its decisions marked in place.
enum HTMLReportText {
    /// Appends the excerpt's text, escaped, with a `<mark>` around every decision's range,
    /// and returns the ids it marked. A range that overlaps an earlier mark, falls outside
    /// the text or splits a character is left to the table (the text is never cut to fit a
    /// mark), as is a mark whose decision is not in `items`.
    static func highlighted(_ excerpt: ReviewReport.Excerpt, items: [Int64: ReviewReport.Item],
                            into html: inout HTMLBuilder) -> Set<Int64> {
        let bytes = Array(excerpt.text.utf8)
        var cursor = 0
        var marked = Set<Int64>()
        // At one position a redaction is marked before a near-miss it covers.
        func rank(_ mark: ReviewReport.Mark) -> (Int, Int, Int64) {
            (mark.range.lowerBound, items[mark.decision]?.kind == "keep" ? 1 : 0, mark.decision)
        }
        for mark in excerpt.marks.sorted(by: { rank($0) < rank($1) }) {
            let range = mark.range
            guard let item = items[mark.decision], !marked.contains(item.id), range.lowerBound >= cursor,
                  range.upperBound <= bytes.count, !range.isEmpty,
                  isBoundary(range.lowerBound, in: bytes), isBoundary(range.upperBound, in: bytes) else { continue }
            html.text(String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self))
            html.raw("<mark id=\"d\(item.id)\" class=\"k-\(item.kind)\" data-kind=\"\(item.kind)\" data-entity=\"")
            html.attribute(item.entity)
            html.raw("\" title=\"")
            var title = "#\(item.id) \(item.entity) · \(item.rule) · \(item.confidence) · \(item.verdict)"
            if let operatorName = item.operatorName { title += " (\(operatorName))" }
            title += " — \(item.reason)"
            if let override = item.override { title += " — overridden by \(override.reviewer): \(override.reason)" }
            html.attribute(title)
            html.raw("\"><a href=\"#r\(item.id)\">")
            html.text(String(decoding: bytes[range], as: UTF8.self))
            html.raw("</a></mark>")
            cursor = range.upperBound
            marked.insert(item.id)
        }
        html.text(String(decoding: bytes[cursor...], as: UTF8.self))
        return marked
    }

    /// Whether `offset` starts a character (or is the end): never inside a UTF-8 sequence.
    private static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
}
