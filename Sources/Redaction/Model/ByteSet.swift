/// A set of byte values as a 256-bit map: which bytes a field holds, which bytes can start
/// a pattern's match. Four words, no allocation.
public struct ByteSet: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init() {}

    public init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    @inline(__always)
    public mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        // Branches on the quarter, not a `switch`, which compiled to an indirect jump.
        if byte < 128 {
            if byte < 64 { words.0 |= bit } else { words.1 |= bit }
        } else {
            if byte < 192 { words.2 |= bit } else { words.3 |= bit }
        }
    }

    @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        // Selects the word without a `switch`, which compiled to an indirect jump per test.
        let quarter = byte >> 6
        let word = quarter < 2 ? (quarter == 0 ? words.0 : words.1) : (quarter == 2 ? words.2 : words.3)
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }

    public var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    /// Whether the two sets share a byte.
    public func intersects(_ other: ByteSet) -> Bool {
        words.0 & other.words.0 != 0 || words.1 & other.words.1 != 0
            || words.2 & other.words.2 != 0 || words.3 & other.words.3 != 0
    }

    public static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    /// The set with ASCII capitals replaced by their lower case, to compare with a field's
    /// bytes folded the same way.
    public var asciiFolded: ByteSet {
        var result = ByteSet()
        for byte in 0...255 where contains(UInt8(byte)) {
            result.insert(byte >= 0x41 && byte <= 0x5A ? UInt8(byte) | 0x20 : UInt8(byte))
        }
        return result
    }
}
