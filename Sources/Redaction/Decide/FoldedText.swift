/// Text folded for allow- and deny-list matching, with the way back to the original bytes.
///
/// Folding makes list matching case-, width- and script-variant-insensitive:
/// - letters are lower-cased (Unicode lower-case mapping, not only ASCII);
/// - full-width forms (U+FF01–U+FF5E) become ASCII, so `ＷＡＮＧ` is `wang`;
/// - traditional Chinese characters become simplified ones (`HanVariants`), one for one;
/// - every run of whitespace (tabs, line breaks, U+3000, no-break spaces) becomes one space,
///   and whitespace at either end is dropped.
///
/// Each folded scalar remembers the UTF-8 byte range of the original character it came
/// from, so a match in the folded text is a span of the original value.
struct FoldedText {
    /// The folded scalars, by value.
    private(set) var scalars: [UInt32] = []
    /// For each folded scalar, the original UTF-8 byte range it came from (32-bit: a large
    /// text file is one field, and these arrays are as long as it).
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []

    init(_ text: some StringProtocol) {
        scalars.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count)
        ends.reserveCapacity(text.utf8.count)
        var offset = 0
        var pendingSpace: (start: Int, end: Int)?
        for scalar in text.unicodeScalars {
            let length = UTF8.width(scalar)
            defer { offset += length }
            if Self.isSpace(scalar) {
                if let pending = pendingSpace {
                    pendingSpace = (pending.start, offset + length)
                } else {
                    pendingSpace = (offset, offset + length)
                }
                continue
            }
            if let pending = pendingSpace {
                if !scalars.isEmpty { append(0x20, pending.start, pending.end) }
                pendingSpace = nil
            }
            Self.fold(scalar) { append($0, offset, offset + length) }
        }
    }

    var isEmpty: Bool { scalars.isEmpty }
    var count: Int { scalars.count }

    /// The folded text as a string (what list entries are compared with).
    var string: String {
        var result = String.UnicodeScalarView()
        for value in scalars { result.append(Unicode.Scalar(value)!) }
        return String(result)
    }

    /// The original byte span of folded scalars `range`.
    func originalSpan(_ range: Range<Int>) -> ByteSpan {
        ByteSpan(Int(starts[range.lowerBound]), Int(ends[range.upperBound - 1]))
    }

    private mutating func append(_ value: UInt32, _ start: Int, _ end: Int) {
        scalars.append(value)
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
    }

    /// The folded form of a whole term or value, as a string.
    static func key(_ text: some StringProtocol) -> String { FoldedText(text).string }

    /// Calls `emit` with the folded scalars of `scalar` (usually one).
    static func fold(_ scalar: Unicode.Scalar, _ emit: (UInt32) -> Void) {
        var value = scalar.value
        if value < 0x80 {
            emit((0x41...0x5A).contains(value) ? value | 0x20 : value)
            return
        }
        if (0xFF01...0xFF5E).contains(value) {
            value -= 0xFEE0
            emit((0x41...0x5A).contains(value) ? value | 0x20 : value)
            return
        }
        if (0x3400...0x9FFF).contains(value) {
            emit(HanVariants.simplified[value]?.value ?? value)
            return
        }
        if scalar.properties.changesWhenLowercased {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
            return
        }
        emit(value)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        // Unicode White_Space outside ASCII, without a property lookup per character.
        return value == 0x85 || value == 0xA0 || value == 0x1680 || (0x2000...0x200A).contains(value)
            || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// Whether a scalar is part of a word for whole-word matching: a letter or digit of a
    /// script written with spaces. Han, kana and Hangul are not: CJK terms match as
    /// substrings, and a Latin term next to a Han character is at a word boundary.
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if isCJK(value) { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isCJK(_ value: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
    }
}
