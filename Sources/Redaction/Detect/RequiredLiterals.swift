import Foundation

/// Answers "does this field contain any of these literals?" for rules with `requires:`,
/// case-insensitively for ASCII, so a rule whose label or anchor is absent is not run at
/// all. Most CSV and JSON cells hold none of a label rule's words, and a text without `<<`
/// holds no MRZ: a `memchr`-driven search over the field is far cheaper than a regex pass.
struct RequiredLiterals {
    /// The field with ASCII letters lower-cased, made once per field when a rule needs it.
    private let folded: [UInt8]

    init(bytes: UnsafeBufferPointer<UInt8>, needed: Bool) {
        folded = needed ? bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 } : []
    }

    func containsAny(of literals: [[UInt8]]) -> Bool {
        folded.withUnsafeBytes { haystack in
            literals.contains { needle in
                Self.find(needle, in: haystack)
            }
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
