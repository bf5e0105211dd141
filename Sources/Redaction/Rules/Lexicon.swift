import Foundation

/// One word list of `Rules/lexicons/`: entries one a line, lower-cased (ASCII letters), sorted
/// by their UTF-8 bytes, looked up by binary search over the file's bytes as read.
///
/// Nothing is parsed or hashed at load: a hook's `redact scan` already reads the file (the rule
/// cache compares every rules file with its cached copy), and a look-up costs about
/// log2(entries) short comparisons. `scripts/build-lexicons.py` writes the files in this order;
/// `isSorted` lets `redact rules check` verify it.
public struct Lexicon: Sendable {
    /// The file's bytes, every line ended by a line feed. `Data`, as the file was read: the
    /// bytes are used where they are, not copied at start-up.
    let bytes: Data

    /// An empty lexicon: nothing is in it.
    public init() { bytes = Data() }

    /// The lexicon in `bytes` (the file as read); a missing final line feed is supplied.
    public init(bytes: Data) {
        var bytes = bytes
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        self.bytes = bytes
    }

    /// The lexicon in `bytes`.
    public init(bytes: [UInt8]) { self.init(bytes: Data(bytes)) }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The number of entries (counted, not stored: for reports and tests).
    public var count: Int { bytes.count(where: { $0 == 0x0A }) }

    /// Whether `word` is an entry, ignoring the case of ASCII letters.
    public func contains(_ word: some StringProtocol) -> Bool {
        var word = String(word)
        return word.withUTF8 { contains($0, 0, $0.count) }
    }

    /// Whether the bytes `start..<end` of `text` are an entry, ignoring the case of ASCII letters.
    public func contains(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard !bytes.isEmpty, end > start else { return false }
        return bytes.withUnsafeBytes { raw in
            let lines = raw.bindMemory(to: UInt8.self)
            var low = 0
            var high = lines.count
            // Invariant: an entry equal to the word starts in low..<high at a line start.
            while low < high {
                var middle = (low + high) / 2
                while middle > low && lines[middle - 1] != 0x0A { middle -= 1 }
                var lineEnd = middle
                while lines[lineEnd] != 0x0A { lineEnd += 1 }
                switch Self.compare(lines, middle, lineEnd, text, start, end) {
                case 0: return true
                case ..<0: low = lineEnd + 1
                default: high = middle
                }
            }
            return false
        }
    }

    /// Entry bytes against folded text bytes, as `memcmp` with the shorter one first.
    private static func compare(_ entry: UnsafeBufferPointer<UInt8>, _ entryStart: Int, _ entryEnd: Int,
                                _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var left = entryStart
        var right = start
        while left < entryEnd && right < end {
            let a = entry[left]
            var b = text[right]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if a != b { return Int(a) - Int(b) }
            left += 1
            right += 1
        }
        return (entryEnd - left) - (end - right)
    }

    /// Whether the entries are unique and in byte order, as the binary search needs.
    public var isSorted: Bool {
        var previous: ArraySlice<UInt8>? = nil
        for line in Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            if let previous, !previous.lexicographicallyPrecedes(line) { return false }
            previous = line
        }
        return true
    }
}
