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
    public private(set) var anchors: [Anchor]

    /// A map for a value copied from the source unchanged, starting at `sourceStart`.
    public init(sourceStart: Int) {
        anchors = [Anchor(value: 0, source: sourceStart)]
    }

    /// Records that from value offset `value` on, the source offset is `source`.
    /// Anchors must be added in increasing value order.
    public mutating func addAnchor(value: Int, source: Int) {
        precondition(value >= anchors[anchors.count - 1].value, "anchors must be added in order")
        if anchors[anchors.count - 1].value == value {
            anchors[anchors.count - 1].source = source
        } else {
            anchors.append(Anchor(value: value, source: source))
        }
    }

    /// The source byte offset of value byte offset `offset`.
    public func sourceOffset(ofValueOffset offset: Int) -> Int {
        // Binary search for the last anchor at or before `offset`.
        var low = 0
        var high = anchors.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if anchors[mid].value <= offset { low = mid } else { high = mid - 1 }
        }
        let anchor = anchors[low]
        return anchor.source + (offset - anchor.value)
    }
}
