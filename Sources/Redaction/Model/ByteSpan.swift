/// A half-open range of UTF-8 byte offsets into one field's value.
///
/// Bytes are PCRE2's native unit; reports convert to code points only at the edge.
public struct ByteSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        precondition(lower <= upper, "span \(lower)..<\(upper) is inverted")
        self.lower = lower
        self.upper = upper
    }

    public var count: Int { upper - lower }
    public var isEmpty: Bool { lower == upper }

    public func overlaps(_ other: ByteSpan) -> Bool { lower < other.upper && other.lower < upper }
    public func contains(_ other: ByteSpan) -> Bool { lower <= other.lower && other.upper <= upper }
    public func union(_ other: ByteSpan) -> ByteSpan { ByteSpan(min(lower, other.lower), max(upper, other.upper)) }

    public var description: String { "\(lower)..<\(upper)" }

    public static func < (lhs: ByteSpan, rhs: ByteSpan) -> Bool {
        (lhs.lower, lhs.upper) < (rhs.lower, rhs.upper)
    }
}
