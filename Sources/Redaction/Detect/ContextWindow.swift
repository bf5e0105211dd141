/// Looks for a rule's context words near a match, in characters rather than whitespace
/// tokens (CJK text has no spaces).
///
/// Latin words match whole-word and case-insensitively, so `lic` never matches inside
/// `duplicate`; CJK words match as substrings. The window stops at any other finding
/// between the word and the match: in `DOB: 1975-03-04, registered 2020-01-01` the label
/// belongs to the first date only, and in verified output a replacement token blocks too.
struct ContextWindow {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The first of `words` (in list order) found within `before` characters before or
    /// `after` characters after `span`, or nil. With `sameLine`, the window also stops at
    /// line breaks.
    func word(around span: ByteSpan, words: WordList, before: Int, after: Int, blockers: Blockers,
              sameLine: Bool = false) -> String? {
        var start = max(moveBack(from: span.lower, characters: before), blockers.nearestEnd(atOrBefore: span.lower))
        var end = min(moveForward(from: span.upper, characters: after), blockers.nearestStart(atOrAfter: span.upper))
        if sameLine { clipToLine(around: span, lower: &start, upper: &end) }
        var best = words.needles.count
        if start < span.lower { best = firstWord(of: words, in: start..<span.lower, before: best) }
        if span.upper < end { best = firstWord(of: words, in: span.upper..<end, before: best) }
        return best < words.words.count ? words.words[best] : nil
    }

    /// Narrows `lower..<upper` so that it holds no line break on either side of `span`.
    func clipToLine(around span: ByteSpan, lower: inout Int, upper: inout Int) {
        var index = span.lower
        while index > lower {
            if bytes[index - 1] == 0x0A { lower = index; break }
            index -= 1
        }
        index = span.upper
        while index < upper && index < bytes.count {
            if bytes[index] == 0x0A { upper = index; break }
            index += 1
        }
    }

    func moveBack(from offset: Int, characters: Int) -> Int {
        var position = offset
        var remaining = characters
        while position > 0 && remaining > 0 {
            position -= 1
            while position > 0 && bytes[position] & 0xC0 == 0x80 { position -= 1 }
            remaining -= 1
        }
        return position
    }

    func moveForward(from offset: Int, characters: Int) -> Int {
        var position = offset
        var remaining = characters
        while position < bytes.count && remaining > 0 {
            position += 1
            while position < bytes.count && bytes[position] & 0xC0 == 0x80 { position += 1 }
            remaining -= 1
        }
        return position
    }

    /// The lowest index below `limit` of a word that lies wholly inside `range`, or `limit`.
    private func firstWord(of words: WordList, in range: Range<Int>, before limit: Int) -> Int {
        var best = limit
        for index in range {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            for candidate in words.startingWith[Int(byte)] {
                if candidate >= best { break }
                let needle = words.needles[candidate]
                guard let end = matchedEnd(needle, at: index, limit: range.upperBound) else { continue }
                if words.isLatin[candidate] {
                    let boundaryBefore = index == 0 || !Self.isWordByte(bytes[index - 1])
                    let boundaryAfter = end >= bytes.count || !Self.isWordByte(bytes[end])
                    guard boundaryBefore && boundaryAfter else { continue }
                }
                best = candidate
                break
            }
            if best == 0 { break }
        }
        return best
    }

    /// Where `needle` (ASCII letters folded) ends when it stands at `index`, within `limit`;
    /// a space in the needle matches a run of spaces and tabs, as scanned and OCR'd forms
    /// space words (`Date  of  birth`). Nil when it does not stand there.
    private func matchedEnd(_ needle: [UInt8], at index: Int, limit: Int) -> Int? {
        var position = index + 1
        for offset in 1..<needle.count {
            guard position < limit else { return nil }
            var byte = bytes[position]
            if needle[offset] == 0x20 {
                guard byte == 0x20 || byte == 0x09 else { return nil }
                position += 1
                while position < limit, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                continue
            }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != needle[offset] { return nil }
            position += 1
        }
        return position
    }

    static func isWordByte(_ byte: UInt8) -> Bool { WordList.isWordByte(byte) }
}

/// The other spans of a field that a context window may not reach across, indexed for
/// O(log n) look-ups: a text file can hold hundreds of thousands of matches.
struct Blockers {
    private let ends: [Int]
    private let starts: [Int]

    init(_ spans: [ByteSpan]) {
        ends = spans.map(\.upper).sorted()
        starts = spans.map(\.lower).sorted()
    }

    /// The largest span end that is ≤ `offset`, or 0.
    func nearestEnd(atOrBefore offset: Int) -> Int {
        var low = 0
        var high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : ends[low - 1]
    }

    /// The smallest span start that is ≥ `offset`, or `Int.max`.
    func nearestStart(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low == starts.count ? Int.max : starts[low]
    }
}
