/// Every rule's pre-checks in flat arrays: which rules can match a field at all, decided
/// from the field's length and byte set before any PCRE2 call.
///
/// A records file is tens of thousands of short cells, each screened against seventy
/// rules; reading each rule's checks out of its `Rule` object cost retains and releases
/// per rule per cell (about a third of the detector's own time on CSV, measured). Here a
/// cell's screening touches only these arrays.
struct RuleScreen {
    /// Each rule's pattern needs: plain values, no reference counting to read them.
    private let needs: [PCREPattern.Needs]
    /// Whether the rule has `requires:` literals (searched by `RequiredLiterals`).
    let hasRequirements: [Bool]
    /// The first and last byte of each `requires:` literal, `first << 8 | last`; rule `i`'s
    /// are `literalEnds[literalStarts[i]..<literalStarts[i + 1]]`. A literal can only occur
    /// when both bytes are present, which settles most cells without a search.
    private let literalEnds: [UInt16]
    private let literalStarts: [Int]
    /// Whether the rule has `anchors:` (searched only in its anchor windows).
    let isAnchored: [Bool]

    init(rules: [Rule]) {
        needs = rules.map(\.pattern.needs)
        hasRequirements = rules.map { !$0.requires.isEmpty }
        var ends: [UInt16] = []
        var starts: [Int] = []
        for rule in rules {
            starts.append(ends.count)
            for literal in rule.requires {
                guard let first = literal.first, let last = literal.last else { continue }
                ends.append(UInt16(first) << 8 | UInt16(last))
            }
        }
        starts.append(ends.count)
        literalEnds = ends
        literalStarts = starts
        isAnchored = rules.map { $0.anchors != nil }
    }

    /// Whether rule `index` can match a field of `length` bytes whose folded bytes are
    /// `present`, by its pattern's needs alone (`PCREPattern.Needs.allow`).
    @inline(__always)
    func admits(_ index: Int, length: Int, present: ByteSet) -> Bool {
        needs[index].allow(length: length, present: present)
    }

    /// Whether one of rule `index`'s `requires:` literals may occur: both its end bytes are
    /// `present` (folded, as the literals are).
    @inline(__always)
    func mayHoldLiteral(_ index: Int, present: ByteSet) -> Bool {
        for slot in literalStarts[index]..<literalStarts[index + 1] {
            let ends = literalEnds[slot]
            if present.contains(UInt8(ends >> 8)) && present.contains(UInt8(ends & 0xFF)) { return true }
        }
        return false
    }
}
