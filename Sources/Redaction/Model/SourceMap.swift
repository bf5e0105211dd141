/// Maps UTF-8 byte offsets in a decoded field value to byte offsets in the source file.
///
/// Decoding (CSV `""`, JSON `\n` or `\u00e9`) makes value and source differ in length at a
/// few places only; each such place is an anchor where the offset difference changes.
/// An offset between anchors keeps the difference of the anchor before it.
public struct SourceMap: Sendable, Equatable {
    /// A point where value offset `value` corresponds to source offset `source`.
    public struct Anchor: Sendable, Equatable {
        public var value: Int
        public var source: Int
        public init(value: Int, source: Int) {
            self.value = value
            self.source = source
        }
    }

    /// Sorted by `value`; the first anchor is always `(0, start of the value in the source)`.
    public var anchors: [Anchor] { [Anchor(value: 0, source: start)] + later }

    /// The source offset of value offset 0.
    private var start: Int
    /// The anchors after the first, sorted by `value`. Empty, and so not allocated, for the
    /// great majority of fields, whose value is a plain copy of their source: every cell of
    /// a file has a map, and an array each was a measurable share of reading a file.
    private var later: [Anchor] = []

    /// A map for a value copied from the source unchanged, starting at `sourceStart`.
    public init(sourceStart: Int) {
        start = sourceStart
    }

    /// Records that from value offset `value` on, the source offset is `source`.
    /// Anchors must be added in increasing value order.
    public mutating func addAnchor(value: Int, source: Int) {
        let lastValue = later.last?.value ?? 0
        precondition(value >= lastValue, "anchors must be added in order")
        if value != lastValue {
            later.append(Anchor(value: value, source: source))
        } else if later.isEmpty {
            start = source
        } else {
            later[later.count - 1].source = source
        }
    }

    /// The source byte offset of value byte offset `offset`.
    public func sourceOffset(ofValueOffset offset: Int) -> Int {
        // Binary search for the last anchor at or before `offset`.
        guard let first = later.first, first.value <= offset else { return start + offset }
        var low = 0
        var high = later.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if later[mid].value <= offset { low = mid } else { high = mid - 1 }
        }
        let anchor = later[low]
        return anchor.source + (offset - anchor.value)
    }
}
