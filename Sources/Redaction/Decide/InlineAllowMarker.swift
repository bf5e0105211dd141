import Foundation

/// The inline allow marker: `redact:allow` written anywhere on a line of a text document
/// (in a comment, say `<!-- redact:allow -->`) keeps every finding that lies wholly on
/// that line. The finding is still a decision — kept, with the reason "inline allow
/// marker" — so scans list it with `--show-kept` and the audit log of `run` records it.
///
/// Only text documents: a CSV cell or JSON string carrying the marker would let the data
/// itself switch redaction off. A finding that reaches past the marked line (a multi-line
/// address) is not covered: the marker keeps what its line holds, nothing more.
public enum InlineAllowMarker {
    public static let marker = "redact:allow"

    /// The byte ranges (without the line break) of the lines of `value` that carry the
    /// marker; empty when none does (the usual case, found in one pass).
    public static func markedLines(in value: String) -> [Range<Int>] {
        var value = value
        return value.withUTF8 { bytes in markedLines(in: bytes) }
    }

    static func markedLines(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let needle = Array(marker.utf8)
        var result: [Range<Int>] = []
        guard let base = bytes.baseAddress, needle.count <= bytes.count else { return result }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            // `memchr` to the first byte (a whole text is scanned, usually in vain), then
            // compare the rest.
            // Safety: the search stays within the `last - index + 1` bytes from `index`,
            // all inside `bytes`.
            guard let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { break }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var matches = true
            for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                matches = false
                break
            }
            guard matches else { index += 1; continue }
            var start = index
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            var end = index + needle.count
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if result.last?.upperBound != end { result.append(start..<end) }
            index = end + 1
        }
        return result
    }

    /// Whether `span` lies wholly inside one of `lines` (sorted, as `markedLines` returns them).
    public static func covers(_ lines: [Range<Int>], _ span: ByteSpan) -> Bool {
        lines.contains { $0.lowerBound <= span.lower && span.upper <= $0.upperBound }
    }
}
