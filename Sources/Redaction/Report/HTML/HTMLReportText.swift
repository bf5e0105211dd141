/// The published text of one document with its decisions marked in place.
enum HTMLReportText {
    /// Appends `text`, escaped, with a `<mark>` around every decision's range. Ranges are
    /// UTF-8 byte offsets; one that overlaps an earlier mark, falls outside the text or
    /// splits a character is left to the table (the text is never cut to fit a mark).
    static func highlighted(_ text: String, items: [ReviewReport.Item], into html: inout HTMLBuilder) {
        let bytes = Array(text.utf8)
        let placed = items.filter { $0.textRange != nil }.sorted { ($0.textRange!.lowerBound, $0.id) < ($1.textRange!.lowerBound, $1.id) }
        var cursor = 0
        for item in placed {
            let range = item.textRange!
            guard range.lowerBound >= cursor, range.upperBound <= bytes.count,
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
        }
        html.text(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    /// Whether `offset` starts a character (or is the end): never inside a UTF-8 sequence.
    private static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
}
