/// A set of 64-bit hashes that can answer "certainly not in the set" with one bit test: a
/// Bloom filter with one probe over 2^16 bits.
///
/// `NameLexicon` hashes every word of every field and looks it up among the run's names;
/// nearly all words are no name, and testing a bit costs a fraction of a dictionary look-up.
/// A set bit only means "maybe": the caller still looks the hash up.
struct HashFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 1 << 10)

    mutating func insert(_ hash: UInt64) {
        let bit = Self.bit(of: hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when `hash` was certainly never inserted.
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.bit(of: hash)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// 16 bits from both halves of the hash.
    private static func bit(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash ^ (hash >> 32)) & 0xFFFF)
    }
}
