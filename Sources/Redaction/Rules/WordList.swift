/// The words of a `context:` or `unless:` block, prepared once at load for the per-match
/// window search: lower-cased UTF-8 needles, which of them are Latin (matched whole-word)
/// and, per first byte, which needles start with it. A window position whose byte starts
/// no word is rejected with one table look-up, instead of comparing every word at every
/// position (that comparison was the single largest Swift cost of a dense scan).
public struct WordList: Sendable, Equatable {
    /// Lower-cased words in the order written; the first listed word found is the evidence.
    public let words: [String]
    let needles: [[UInt8]]
    /// Whether each needle holds a Latin letter or digit, and so must match whole-word.
    let isLatin: [Bool]
    /// For each byte value, the indices of the needles that start with it, ascending.
    let startingWith: [[Int]]

    public init(_ words: [String]) {
        self.words = words
        needles = words.map { Array($0.utf8) }
        isLatin = needles.map { $0.contains { $0 < 0x80 && WordList.isWordByte($0) } }
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, needle) in needles.enumerated() {
            if let first = needle.first { buckets[Int(first)].append(index) }
        }
        startingWith = buckets
    }

    public static func == (lhs: WordList, rhs: WordList) -> Bool { lhs.words == rhs.words }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
