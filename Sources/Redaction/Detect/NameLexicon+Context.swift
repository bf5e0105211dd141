/// Where a recurrence of a known name must not be replaced, read from the bytes around it:
/// a single word inside a larger token or a date, a name after a public-role title, a
/// journalist's byline. Byte-level and allocation-free: it runs for every recurrence.
extension NameLexicon {
    /// Whether the single word at `span` is part of a larger token: `June-2021`,
    /// `x.Jordan`, `jordan_smith`, `O'Neil` for `Neil`. A possessive `'s` is no token.
    /// Titles before a surname: `Mr Cross` is the person, not a phrase.
    static let honorifics: Set<[UInt8]> = Set(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx",
                                               "herr", "frau", "mme", "mlle", "sr", "sra"].map { Array($0.utf8) })

    /// Whether the word at `span` stands next to another capitalised word on its line (one
    /// space apart) that is not an honorific: `Red Cross`, `Cross Street`. A replacement token
    /// (`[PERSON] Cross`) counts as the capitalised word it replaced, so verifying an output
    /// decides as scanning its input did.
    static func inCapitalisedPhrase(_ span: ByteSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        if span.lower >= 2, bytes[span.lower - 1] == 0x20, bytes[span.lower - 2] == 0x5D { return true }  // `] `
        if span.upper + 1 < bytes.count, bytes[span.upper] == 0x20, bytes[span.upper + 1] == 0x5B { return true }  // ` [`
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        // The word before: one space back, then its letters (a full stop may end a title).
        if span.lower >= 2, bytes[span.lower - 1] == 0x20 {
            var end = span.lower - 1
            if end > 0, bytes[end - 1] == 0x2E { end -= 1 }
            var start = end
            while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
            if start < end, isCapital(bytes[start]), end == span.lower - 1 || end - start <= 4 {
                let word = (start..<end).map { bytes[$0] | 0x20 }
                if !honorifics.contains(word) { return true }
            }
        }
        // The word after, one space on.
        if span.upper + 1 < bytes.count, bytes[span.upper] == 0x20, isCapital(bytes[span.upper + 1]) {
            return true
        }
        return false
    }

    static func insideLargerToken(_ span: ByteSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if span.lower >= 2 {
            let joiner = bytes[span.lower - 1]
            if isJoiner(joiner) || joiner == 0x27, isAlphanumeric(bytes[span.lower - 2]) { return true }
        }
        if span.upper + 1 < bytes.count {
            let joiner = bytes[span.upper]
            let next = bytes[span.upper + 1]
            if isJoiner(joiner), isAlphanumeric(next) { return true }
            if joiner == 0x27, isAlphanumeric(next) {
                // `Jordan's` is the name; `Jordan'sxyz` or `D'Arcy`-like joins are not.
                let possessive = (next | 0x20) == 0x73 && (span.upper + 2 >= bytes.count || !isAlphanumeric(bytes[span.upper + 2]))
                if !possessive { return true }
            }
        }
        return false
    }

    /// `-`, `_`, `.`, `/`, `\`, `@`, `#`: characters that join words into one token.
    @inline(__always)
    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x5C || byte == 0x40 || byte == 0x23
    }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether the single word at `span` stands where a month stands in a date: after a day
    /// (`11 June`, `12-June`, `1st June`) or before a day or year (`June 11`, `June 2022`,
    /// `June-2021`). A day is one or two digits up to 31, a year four digits from 1800 to
    /// 2199; between them and the word, one space, `-`, `.` or `/`.
    static func inDate(_ span: ByteSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        dayBefore(span.lower, in: bytes) || dayOrYearAfter(span.upper, in: bytes)
    }

    private static func isDateSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x2F
    }

    private static func dayBefore(_ lower: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lower >= 2, isDateSeparator(bytes[lower - 1]) else { return false }
        var end = lower - 1
        // An English ordinal: 1st, 2nd, 3rd, 4th.
        if end >= 3, !isDigit(bytes[end - 1]) {
            let pair = (bytes[end - 2] | 0x20, bytes[end - 1] | 0x20)
            guard pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64) || pair == (0x74, 0x68) else {
                return false
            }
            end -= 2
        }
        var start = end
        while start > 0 && isDigit(bytes[start - 1]) && end - start < 3 { start -= 1 }
        guard (1...2).contains(end - start) else { return false }
        if start > 0 && isAlphanumeric(bytes[start - 1]) { return false }
        return number(bytes, start, end) <= 31
    }

    private static func dayOrYearAfter(_ upper: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard upper + 1 < bytes.count, isDateSeparator(bytes[upper]) else { return false }
        let start = upper + 1
        var end = start
        while end < bytes.count && isDigit(bytes[end]) && end - start < 5 { end += 1 }
        let length = end - start
        // A day may carry an ordinal suffix (`June 1st`); a year must end its token.
        if length == 4, end == bytes.count || !isAlphanumeric(bytes[end]) {
            return (1800...2199).contains(number(bytes, start, end))
        }
        guard (1...2).contains(length) else { return false }
        let value = number(bytes, start, end)
        return value >= 1 && value <= 31
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var value = 0
        for index in start..<end { value = value * 10 + Int(bytes[index] - 0x30) }
        return value
    }

    /// Where the name containing a Latin recurrence at `lower` starts: up to three
    /// capitalised words or initials (`K.`) just before it on the same line are taken as
    /// earlier parts of the same name, so a title before the first part (`Premier Li
    /// Qiang`, `Ambassador Mary Anne Smith`) is measured from there.
    static func nameStart(before lower: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = lower
        for _ in 0..<3 {
            var position = start
            while position > 0 && bytes[position - 1] == 0x20 { position -= 1 }
            guard position < start, position > 0 else { break }
            var wordStart = position
            if bytes[wordStart - 1] == 0x2E { wordStart -= 1 }  // the full stop of an initial
            let wordEnd = wordStart
            while wordStart > 0 && isWordByte(bytes[wordStart - 1]) && wordEnd - wordStart <= 24 { wordStart -= 1 }
            guard wordStart < wordEnd, bytes[wordStart] >= 0x41 && bytes[wordStart] <= 0x5A else { break }
            if wordStart > 0 && isAlphanumeric(bytes[wordStart - 1]) { break }
            start = wordStart
        }
        return start
    }

    /// The outlet of a byline after a recurrence ending at `upper` (`Name, Reuters`,
    /// `Name | AFP`, `Name - Xinhua`): one of the config's `byline_outlets`, compared
    /// exactly and ending at a word boundary.
    func bylineOutlet(after upper: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !config.bylineOutlets.isEmpty else { return nil }
        var position = upper
        while position < bytes.count && bytes[position] == 0x20 { position += 1 }
        guard position < bytes.count else { return nil }
        let separator = bytes[position]
        guard separator == 0x2C || separator == 0x7C || separator == 0x2D || separator == 0x2F else { return nil }
        position += 1
        while position < bytes.count && bytes[position] == 0x20 { position += 1 }
        for (outlet, name) in zip(config.bylineOutlets, outletBytes) {
            let end = position + name.count
            guard end <= bytes.count, end == bytes.count || !Self.isAlphanumeric(bytes[end]) else { continue }
            if (0..<name.count).allSatisfy({ bytes[position + $0] == name[$0] }) { return outlet }
        }
        return nil
    }
}
