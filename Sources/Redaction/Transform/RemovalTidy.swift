/// Where `remove` widens its span over adjacent spaces, so that removing a value leaves
/// neither a double space nor a space before punctuation or at a line's start or end.
///
/// Only horizontal spaces (space, tab, no-break space, ideographic space) next to the span
/// are ever taken, never a line break or any other character, and never beyond the field's
/// ends or into a neighbouring redaction (`floor` and `ceiling`).
enum RemovalTidy {
    /// What stands on one side of the removed value, past its spaces.
    enum Neighbour {
        /// The field's start or end, or a line break.
        case boundary
        /// A space (only to the left: a space the output already ends with).
        case space
        /// An opening bracket or quote: `(`, `[`, `（`, `“` …
        case opening
        /// Punctuation that follows a word: `,`, `.`, `)`, `，`, `。` …
        case closing
        /// Anything else: a word, a digit, another redaction.
        case word
    }

    /// The byte range to replace with nothing: `span`, plus the spaces to drop.
    ///
    /// - Punctuation, a line break or the field's end after the value: the spaces on both
    ///   sides go (`call 138, please` → `call, please`).
    /// - The field's or line's start, an opening bracket or a space before: both go
    ///   (`(138 x)` → `(x)`).
    /// - Words on both sides: the spaces after go, the spaces before stay (`call 138 now`
    ///   → `call now`); with no space before, the spaces after stay (`Tel:138 now` → `Tel: now`).
    ///
    /// `previous` is the last character already written (the text before `floor`).
    static func range(removing span: Range<Int>, in value: String, floor: Int, ceiling: Int,
                      previous: Unicode.Scalar?) -> Range<Int> {
        let bytes = value.utf8
        let scalars = value.unicodeScalars
        func index(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
        func offset(_ index: String.Index) -> Int { bytes.distance(from: bytes.startIndex, to: index) }
        let floorIndex = index(floor)
        let ceilingIndex = index(ceiling)
        var start = index(span.lowerBound)
        while start > floorIndex, isSpace(scalars[scalars.index(before: start)]) { start = scalars.index(before: start) }
        var end = index(span.upperBound)
        while end < ceilingIndex, isSpace(scalars[end]) { end = scalars.index(after: end) }

        let after: Neighbour = end == scalars.endIndex ? .boundary : end == ceilingIndex ? .word : kind(scalars[end])
        let before: Neighbour
        if start > floorIndex {
            before = kind(scalars[scalars.index(before: start)])
        } else if let previous {
            before = isSpace(previous) ? .space : kind(previous)
        } else {
            before = .boundary
        }
        switch (before, after) {
        case (_, .boundary), (_, .closing), (.boundary, _), (.space, _), (.opening, _):
            return offset(start)..<offset(end)
        default:
            let hadSpaceBefore = start < index(span.lowerBound)
            return span.lowerBound..<(hadSpaceBefore ? offset(end) : span.upperBound)
        }
    }

    /// Whether the bytes `lower..<upper` of `value` are all horizontal spaces (or none).
    static func onlySpaces(in value: String, from lower: Int, to upper: Int) -> Bool {
        let bytes = value.utf8
        let start = bytes.index(bytes.startIndex, offsetBy: lower)
        let end = bytes.index(start, offsetBy: upper - lower)
        return value.unicodeScalars[start..<end].allSatisfy(isSpace)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}"
    }

    static func kind(_ scalar: Unicode.Scalar) -> Neighbour {
        if scalar == "\n" || scalar == "\r" { return .boundary }
        if opening.contains(scalar) { return .opening }
        if closing.contains(scalar) { return .closing }
        return .word
    }

    static let opening: Set<Unicode.Scalar> = ["(", "[", "{", "«", "“", "‘", "（", "【", "《", "「", "『", "〈", "［", "｛"]
    static let closing: Set<Unicode.Scalar> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "”", "’", "、", "，", "。", "；", "：", "！", "？", "）",
        "】", "》", "」", "』", "〉", "］", "｝", "…",
    ]
}
