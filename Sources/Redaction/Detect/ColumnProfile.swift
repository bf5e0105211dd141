/// What a column's values look like: the share of its non-empty cells that parse as a
/// calendar date, validate as a national identifier, have a passport's or a phone number's
/// shape, are e-mail addresses, look like a person's name, or are identifier-like codes.
/// Built from the first `sampleLimit` non-empty cells, so a streaming reader can feed a sample.
public struct ColumnProfile: Sendable, Equatable {
    /// Non-empty cells seen.
    public var count = 0
    public var dates = 0
    /// Dates that could be an adult's or child's birth date: 0–110 years before the reference year.
    public var birthYears = 0
    /// Dates at least 16 years back (most registers of persons are of adults).
    public var adultYears = 0
    /// Cells whose check digits validate as a national identifier (cn-resident-id, hk-id, …).
    public var validIDs = 0
    public var passportShaped = 0
    /// Phone-shaped cells written with a `+`, a space, a hyphen or brackets (a bare run of
    /// digits is as likely an identifier).
    public var phoneShaped = 0
    public var emails = 0
    public var nameShaped = 0
    /// Cells the name lexicons know as a name (`NameLikelihood.lexicon`): a given name or a
    /// surname alone, or a whole name.
    public var lexiconNames = 0
    /// Codes of 6–20 letters and digits, digits present, not a date.
    public var identifierLike = 0
    /// Digit-only values ending in `00`: amounts and counts, not identifiers.
    public var roundNumbers = 0
    /// Identifier-like codes with a year of their own between separators (`R-2022-43804`,
    /// `2021/CV/00123`): how case, file and reference numbers of records are written, and
    /// how a person's document numbers are not.
    public var referenceLike = 0
    /// Distinct non-empty values.
    public var distinct = 0

    public static let sampleLimit = 200
    /// Validators that prove a bare value is a national identifier by its check digits or
    /// letters. Luhn is left out (one random number in ten passes it), and so is us-ssn, which
    /// has no check digit and accepts most runs of nine digits.
    static let idValidators: [Validator] = [.cnResidentID, .hkID, .twNationalID, .ukNINO, .esDNI, .sePersonnummer]

    public init() {}

    /// The profile of `values` (empty cells skipped), names judged by `names` (nil: not
    /// counted, `nameShaped` stays 0), dates' ages measured from `referenceYear`.
    public init(values: some Sequence<Substring>, names: (any NameEvidence)?, referenceYear: Int) {
        var seen = Set<Substring>()
        for raw in values {
            let value = Self.trimmed(raw)
            guard !value.isEmpty else { continue }
            count += 1
            if seen.insert(value).inserted { distinct += 1 }
            add(value, names: names, referenceYear: referenceYear)
            if count >= Self.sampleLimit { break }
        }
    }

    /// Share of the non-empty cells counted by `count`, 0 when the column is empty.
    public func share(_ part: Int) -> Double { count == 0 ? 0 : Double(part) / Double(count) }

    /// Whole percent, for reasons (`96 % passport-shaped`).
    public func percent(_ part: Int) -> Int { Int((share(part) * 100).rounded(.down)) }

    private mutating func add(_ value: Substring, names: (any NameEvidence)?, referenceYear: Int) {
        let bytes = Array(value.utf8)
        if bytes.contains(0x40), Self.isEmail(bytes) { emails += 1 }
        guard bytes.contains(where: Self.isDigit) else {
            // Without a digit a value can only be a name (or nothing this profile counts): the
            // checks below are skipped, which keeps profiling text columns cheap.
            if let names {
                let likelihood = names.isLikelyName(value)
                if likelihood > .none { nameShaped += 1 }
                if likelihood == .lexicon { lexiconNames += 1 }
            }
            return
        }
        let compact = bytes.filter { $0 != 0x20 && $0 != 0x2D }
        var isDate = false
        if bytes.count <= 32, let date = DateParts.parse(bytes), date.isValid {
            isDate = true
            dates += 1
            let age = referenceYear - date.year
            if (0...110).contains(age) { birthYears += 1 }
            if (16...110).contains(age) { adultYears += 1 }
        }
        let isIdentifierLike = !isDate && Self.isIdentifierLike(compact)
        let hasYearGroup = Self.hasYearGroup(bytes)
        // Validators read the letters and digits out of longer text; a cell must be nothing else.
        if isIdentifierLike, !hasYearGroup, Self.idValidators.contains(where: { $0.accepts(compact) }) { validIDs += 1 }
        if Self.isPassportShaped(bytes) { passportShaped += 1 }
        if !isDate && Self.isPhoneShaped(bytes) { phoneShaped += 1 }
        if isIdentifierLike {
            identifierLike += 1
            if hasYearGroup { referenceLike += 1 }
            if compact.allSatisfy(Self.isDigit) && compact.count >= 3 && compact.suffix(2).allSatisfy({ $0 == 0x30 }) {
                roundNumbers += 1
            }
        }
    }

    static func trimmed(_ value: Substring) -> Substring {
        var value = value
        while let first = value.first, first.isWhitespace { value = value.dropFirst() }
        while let last = value.last, last.isWhitespace { value = value.dropLast() }
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || (0x61...0x7A).contains(byte) }

    /// 1–2 capitals and 6–9 digits (`E12345678`, `GB1234567`), 9 digits, or a capital then
    /// 7–8 capitals and digits with at least 5 digits (`C01X00T47`).
    static func isPassportShaped(_ bytes: [UInt8]) -> Bool {
        let letters = bytes.prefix(while: isUpper).count
        let rest = bytes.dropFirst(letters)
        if (1...2).contains(letters), (6...9).contains(rest.count), rest.allSatisfy(isDigit) { return true }
        if letters == 0, bytes.count == 9, bytes.allSatisfy(isDigit) { return true }
        if letters >= 1, (8...9).contains(bytes.count), bytes.allSatisfy({ isUpper($0) || isDigit($0) }),
           bytes.count(where: isDigit) >= 5 { return true }
        return false
    }

    /// 7–15 digits, made only of digits, `+`, spaces, `-`, `.` and brackets, and written like
    /// a phone number (a leading `+`, or separators between groups).
    static func isPhoneShaped(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 24 else { return false }
        var digits = 0
        var separators = 0
        for byte in bytes {
            if isDigit(byte) { digits += 1 } else if " -.()".utf8.contains(byte) { separators += 1 } else if byte != 0x2B { return false }
        }
        guard (7...15).contains(digits) else { return false }
        return bytes.first == 0x2B || separators > 0
    }

    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.firstIndex(of: 0x40), at > 0, !bytes.contains(0x20) else { return false }
        return bytes[(at + 1)...].contains(0x2E) && bytes.last != 0x2E
    }

    /// Whether the value has two or more groups between `-` `/` `.` `_` or spaces, one of
    /// them four digits from 1900 to 2099.
    static func hasYearGroup(_ bytes: [UInt8]) -> Bool {
        let groups = bytes.split(whereSeparator: { "-/._ ".utf8.contains($0) })
        guard groups.count >= 2 else { return false }
        return groups.contains { group in
            guard group.count == 4, group.allSatisfy(isDigit) else { return false }
            let year = group.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return (1900...2099).contains(year)
        }
    }

    /// 6–20 ASCII letters and digits, at least one digit (the caller has removed group separators).
    static func isIdentifierLike(_ compact: [UInt8]) -> Bool {
        (6...20).contains(compact.count) && compact.allSatisfy(isAlnum) && compact.contains(where: isDigit)
    }
}
