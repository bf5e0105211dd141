import Foundation

/// Answers "does this field contain any of these literals?" for rules with `requires:`,
/// case-insensitively for ASCII, so a rule whose label or anchor is absent is not run at
/// all. Most CSV and JSON cells hold none of a label rule's words, and a text without `<<`
/// holds no MRZ: a `memchr`-driven search over the field is far cheaper than a regex pass.
struct RequiredLiterals {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The field with ASCII letters lower-cased, made on the first literal that gets past the
    /// byte test below: for most short cells that never happens, and no copy is made.
    private var folded: [UInt8]?
    /// Which byte values occur in the field, ASCII letters lower-cased: a literal whose
    /// first or last byte is absent cannot occur, which settles most literals for a short
    /// cell without searching; the pattern pre-check (`RuleScreen`) reads it too.
    let present: ByteSet

    /// `bytes` must stay valid while this value is used.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.present = Self.bytesPresent(in: bytes)
    }

    /// The folded byte values of `bytes`. A long field is first marked in a table, one store
    /// per byte, and the table read once; setting bits byte by byte cost 20–30 instructions
    /// per byte of prose (measured).
    private static func bytesPresent(in bytes: UnsafeBufferPointer<UInt8>) -> ByteSet {
        var present = ByteSet()
        guard bytes.count > 256 else {
            for byte in bytes { present.insert((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte) }
            return present
        }
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: 256) { seen in
            seen.initialize(repeating: false)
            for byte in bytes { seen[Int(byte)] = true }
            for byte in 0..<256 where seen[byte] {
                present.insert((byte >= 0x41 && byte <= 0x5A) ? UInt8(byte) | 0x20 : UInt8(byte))
            }
        }
        return present
    }

    /// Fields up to this many bytes are searched in place, comparing folded bytes; longer
    /// ones get a folded copy that `memchr` can scan. Most CSV and JSON cells are short, and
    /// a copy per cell cost more than the search.
    private static let inPlaceLimit = 256

    mutating func containsAny(of literals: [[UInt8]]) -> Bool {
        for needle in literals {
            guard let first = needle.first, let last = needle.last,
                  present.contains(first), present.contains(last) else { continue }
            if bytes.count <= Self.inPlaceLimit {
                if Self.findFolding(needle, in: bytes) { return true }
                continue
            }
            if folded == nil { folded = bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 } }
            if folded!.withUnsafeBytes({ Self.find(needle, in: $0) }) { return true }
        }
        return false
    }

    /// Whether `needle` (folded) occurs in `haystack` with ASCII capitals folded, by direct
    /// comparison.
    private static func findFolding(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
        return needle.withUnsafeBufferPointer { needle in
            for start in 0...(haystack.count - needle.count) where fold(haystack[start]) == needle[0] {
                var offset = 1
                while offset < needle.count, fold(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }
    }

    /// Whether `needle` occurs in `haystack`: `memchr` to each candidate first byte, then a
    /// byte comparison (glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`).
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            // Safety: the search stays within `haystack`'s `count` bytes.
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit)
            if memcmp(base + position, needle, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
