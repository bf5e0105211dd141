/// Finds where the anchor literals of a catalogue's anchored rules occur in a field, in one
/// pass for all rules, and turns the occurrences into each rule's search windows.
///
/// One pass over the field for all literals (label rules share many: `tel`, `phone`, `电话` …)
/// with a table of the first two bytes of every literal, ASCII letters folded: most positions
/// are rejected by one bit test, which matters in Chinese text, where nearly every byte
/// pair starts with one of a few lead bytes. Storage is flat so the loop does no reference
/// counting (an array of arrays here cost ~180 instructions per byte, measured).
struct AnchorIndex {
    /// The literals' bytes, end to end; literal `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Candidate literals by their first bytes, folded, as compressed rows: those under key
    /// `k` are `candidates[rowStarts[k]..<rowStarts[k + 1]]`. Keys `0..<65536` are the first
    /// two bytes of two-byte literals (`first << 8 | second`), keys `65536...` the trigram
    /// of longer ones, and keys from `2 * 65536` the byte of one-byte literals. A Chinese
    /// label's first character fixes its first three bytes, so a position that passes the
    /// filter below is compared with the few literals that share them, not every literal
    /// that starts with the same lead byte (a third of them).
    private let candidates: [Int32]
    private let rowStarts: [Int32]
    /// Rule indices of literal `i`: `rules[ruleStarts[i]..<ruleStarts[i + 1]]`.
    private let rules: [Int]
    private let ruleStarts: [Int]
    /// Filters on a literal's first bytes, folded: `singles` holds one-byte literals, bit
    /// `first << 8 | second` of `pairs` is set for two-byte literals, and bit
    /// `trigram(first, second, third)` of `triples` for longer ones. English text starts
    /// a label's first two letters at a third of its positions (`in`, `re`, `co` …), its
    /// first three at a few percent.
    private let pairs: [UInt64]
    private let triples: [UInt64]
    private let singles: ByteSet
    /// Bit `first << 8 | second` is set for the first two bytes of every literal of two
    /// bytes or more: the one test most positions fail.
    private let prefixes: [UInt64]
    /// Each rule's window, by rule index (0 for rules without anchors).
    private let before: [Int]
    private let after: [Int]
    private let ruleCount: Int

    private static let tripleKeys = 1 << 16
    private static let singleKeys = 2 << 16

    init(rules: [Rule]) {
        var index: [[UInt8]: [Int]] = [:]
        var order: [[UInt8]] = []
        for (ruleIndex, rule) in rules.enumerated() {
            for literal in rule.anchors?.literals ?? [] {
                if index[literal] == nil { order.append(literal) }
                if index[literal, default: []].last != ruleIndex { index[literal, default: []].append(ruleIndex) }
            }
        }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ruleList: [Int] = []
        var ruleStarts: [Int] = []
        var pairs = [UInt64](repeating: 0, count: 1024)
        var triples = [UInt64](repeating: 0, count: 1024)
        var singles = ByteSet()
        var prefixes = [UInt64](repeating: 0, count: 1024)
        var keys: [Int] = []
        for literal in order {
            starts.append(bytes.count)
            bytes += literal
            ruleStarts.append(ruleList.count)
            ruleList += index[literal]!
            if literal.count >= 2 {
                let prefix = Int(literal[0]) << 8 | Int(literal[1])
                prefixes[prefix >> 6] |= 1 << UInt64(prefix & 63)
            }
            switch literal.count {
            case 1:
                singles.insert(literal[0])
                keys.append(Self.singleKeys + Int(literal[0]))
            case 2:
                let pair = Int(literal[0]) << 8 | Int(literal[1])
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                keys.append(pair)
            default:
                let triple = Self.trigram(literal[0], literal[1], literal[2])
                triples[triple >> 6] |= 1 << UInt64(triple & 63)
                keys.append(Self.tripleKeys + triple)
            }
        }
        starts.append(bytes.count)
        ruleStarts.append(ruleList.count)
        var rowStarts = [Int32](repeating: 0, count: Self.singleKeys + 256 + 1)
        for key in keys { rowStarts[key + 1] += 1 }
        for key in 0..<(rowStarts.count - 1) { rowStarts[key + 1] += rowStarts[key] }
        var filled = rowStarts
        var candidates = [Int32](repeating: 0, count: keys.count)
        for (literal, key) in keys.enumerated() {
            candidates[Int(filled[key])] = Int32(literal)
            filled[key] += 1
        }
        self.bytes = bytes
        self.starts = starts
        self.candidates = candidates
        self.rowStarts = rowStarts
        self.rules = ruleList
        self.ruleStarts = ruleStarts
        self.pairs = pairs
        self.triples = triples
        self.singles = singles
        self.prefixes = prefixes
        self.before = rules.map { $0.anchors?.before ?? 0 }
        self.after = rules.map { $0.anchors?.after ?? 0 }
        self.ruleCount = rules.count
    }

    var isEmpty: Bool { candidates.isEmpty }

    /// A 16-bit hash of three bytes.
    @inline(__always)
    private static func trigram(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        (Int(first) &* 0x9E5 ^ Int(second) &* 0x3B ^ Int(third)) & 0xFFFF
    }

    /// Each anchored rule's windows in `text`, by rule index: sorted, disjoint byte ranges
    /// in which its matches can start. Empty for a rule with no literal in the field (nothing
    /// to search) and for rules without anchors; an empty array (no rule at all) when the
    /// field holds no literal, the usual case for a CSV cell, which then costs no allocation.
    func windows(in text: UnsafeBufferPointer<UInt8>) -> [[Range<Int>]] {
        var result: [[Range<Int>]] = []
        guard !candidates.isEmpty, !text.isEmpty else { return result }
        let window = ContextWindow(bytes: text)
        /// Compares the literals of row `key` with the text at `position`, and widens the
        /// windows of the rules of each that is there.
        func check(row key: Int, at position: Int) {
            for slot in Int(rowStarts[key])..<Int(rowStarts[key + 1]) {
                let literal = Int(candidates[slot])
                let start = starts[literal]
                let length = starts[literal + 1] - start
                guard position + length <= text.count else { continue }
                var offset = 0
                while offset < length, Self.fold(text[position + offset]) == bytes[start + offset] { offset += 1 }
                guard offset == length else { continue }
                if result.isEmpty { result = [[Range<Int>]](repeating: [], count: ruleCount) }
                for ruleSlot in ruleStarts[literal]..<ruleStarts[literal + 1] {
                    let rule = rules[ruleSlot]
                    let lower = window.moveBack(from: position, characters: before[rule])
                    // The last allowed start, inclusive, made half-open.
                    let upper = window.moveForward(from: position, characters: after[rule]) + 1
                    if let last = result[rule].last, lower <= last.upperBound {
                        result[rule][result[rule].count - 1] = last.lowerBound..<max(last.upperBound, upper)
                    } else {
                        result[rule].append(lower..<upper)
                    }
                }
            }
        }
        let hasSingles = !singles.isEmpty
        prefixes.withUnsafeBufferPointer { prefixes in
        pairs.withUnsafeBufferPointer { pairs in
        triples.withUnsafeBufferPointer { triples in
            var second = Self.fold(text[0])
            for position in 0..<text.count {
                let first = second
                second = position + 1 < text.count ? Self.fold(text[position + 1]) : 0
                if hasSingles, singles.contains(first) { check(row: Self.singleKeys + Int(first), at: position) }
                let pair = Int(first) << 8 | Int(second)
                guard prefixes[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 { check(row: pair, at: position) }
                guard position + 2 < text.count else { continue }
                let triple = Self.trigram(first, second, Self.fold(text[position + 2]))
                if triples[triple >> 6] & (1 << UInt64(triple & 63)) != 0 { check(row: Self.tripleKeys + triple, at: position) }
            }
        }}}
        return result
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
