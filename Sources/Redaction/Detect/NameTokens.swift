/// The Latin-script words of a field, with what name detection asks of each: where it is,
/// whether it starts with a capital or is all capitals, whether it is a single-letter
/// initial followed by a full stop. Made in one pass over the bytes; nothing is copied.
struct NameToken {
    var start: Int
    /// End of the letters (an initial's full stop is not part of the word).
    var end: Int
    var isCapitalised: Bool
    /// Two letters or more and no lower-case letter (`GENTRY`).
    var isCapitals: Bool
    /// One capital letter followed by `.` (`K.`).
    var isInitial: Bool
    /// A hyphen between letters (`Mei-hua`): the offset of the first hyphen, else nil.
    var hyphen: Int?

    /// The end of the token with an initial's full stop.
    var upper: Int { isInitial ? end + 1 : end }

    /// The Latin words of `bytes`. Letters are ASCII and the Latin-1/Latin Extended-A/B
    /// letters (UTF-8 lead bytes C3–C9); apostrophes and hyphens between letters join a word.
    /// Letters right after a digit, and one or two before one, are left out: they belong to a code.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [NameToken] {
        var tokens: [NameToken] = []
        var offset = 0
        let count = bytes.count
        while offset < count {
            guard isLetterStart(bytes, offset) else { offset += 1; continue }
            let start = offset
            var lower = false
            var letters = 0
            var hyphen: Int?
            while offset < count {
                if isLetterStart(bytes, offset) {
                    if isLowercase(bytes, offset) { lower = true }
                    letters += 1
                    offset += bytes[offset] < 0x80 ? 1 : 2
                } else if (bytes[offset] == 0x2D || bytes[offset] == 0x27) && offset + 1 < count && isLetterStart(bytes, offset + 1)
                            && offset > start {
                    if bytes[offset] == 0x2D && hyphen == nil { hyphen = offset }
                    offset += 1
                } else {
                    break
                }
            }
            // Letters after a digit are part of a code (`Z0TA`, `4B`), never a name word; so are
            // one or two letters before one (`A1`). A longer word before a digit stays a word:
            // `Johnson2` is a name with a footnote mark.
            func isDigit(_ index: Int) -> Bool { index >= 0 && index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            if isDigit(start - 1) || (isDigit(offset) && letters <= 2) { continue }
            let capital = isUppercase(bytes, start)
            let initial = letters == 1 && capital && offset < count && bytes[offset] == 0x2E
            tokens.append(NameToken(start: start, end: offset, isCapitalised: capital, isCapitals: letters >= 2 && !lower,
                                    isInitial: initial, hyphen: hyphen))
        }
        return tokens
    }

    static func isLetterStart(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        // Latin-1 Supplement letters (not × ÷) and Latin Extended-A/B: lead bytes C3–C9.
        guard byte >= 0xC3 && byte <= 0xC9, offset + 1 < bytes.count else { return false }
        return !(byte == 0xC3 && (bytes[offset + 1] == 0x97 || bytes[offset + 1] == 0xB7))
    }

    static func isUppercase(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        // À–Þ; Latin Extended-A alternates capital (even) and small (odd) well enough for a first letter.
        if byte == 0xC3 { return bytes[offset + 1] < 0x9F }
        return bytes[offset + 1] & 1 == 0
    }

    static func isLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A }
        return !isUppercase(bytes, offset)
    }
}
