/// The year, month and day read from a written date, for calendar validation.
///
/// Understands the forms the date rules match: `1975-03-04`, `1975/3/4`, `1975.3.4`,
/// `04/03/1975` and `03.04.1975` (either order accepted if either is a real date),
/// `1975年3月4日`, `一九七五年三月四日`, `1975年3月` (month precision: any day of that month),
/// `4 March 1975`, `4th of March 1975`, `March 4, 1975`, `Mar. 4, 1975`, month names in
/// French, German, Spanish, Italian, Portuguese and Dutch (`4 mars 1975`, `4. März 1975`,
/// `4 de marzo de 1975`), and full-width digits.
struct DateParts: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Whether the parts form a real calendar day in 1900–2100.
    var isValid: Bool {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        switch month {
        case 2: return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    /// Month-name prefixes, lower case and without accents, packed as `a << 16 | b << 8 | c`,
    /// with their month: the first three letters of the month names in English, French,
    /// German, Spanish, Italian, Portuguese and Dutch (`fev` février/fevereiro, `gen` gennaio,
    /// `ago` agosto, `out` outubro, `dez` Dezember). French `juin` and `juillet` share three
    /// letters: `fourLetterCodes` tells them apart.
    private static let monthCodes: [(code: UInt32, month: Int)] = [
        ("jan", 1), ("gen", 1), ("ene", 1), ("feb", 2), ("fev", 2), ("mar", 3), ("maa", 3), ("mae", 3), ("apr", 4), ("avr", 4),
        ("abr", 4), ("may", 5), ("mai", 5), ("mag", 5), ("mei", 5), ("jun", 6), ("giu", 6), ("jul", 7), ("lug", 7),
        ("aug", 8), ("ago", 8), ("aou", 8), ("sep", 9), ("set", 9), ("oct", 10), ("okt", 10), ("ott", 10), ("out", 10),
        ("nov", 11), ("dec", 12), ("dez", 12), ("dic", 12),
    ].map { (Self.pack($0.0), $0.1) }

    /// Four-letter prefixes that decide where three letters do not: `juin`, `juil`(let).
    private static let fourLetterCodes: [(code: UInt32, month: Int)] = [("juin", 6), ("juil", 7)].map { (Self.pack($0.0), $0.1) }

    private static func pack(_ text: String) -> UInt32 { text.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// The ASCII letter a Latin-1 letter with an accent is written with (`é` → `e`, `ä` → `a`,
    /// `ç` → `c`), from the second byte of its two-byte UTF-8 form after C3; nil for others.
    private static func unaccented(_ second: UInt8) -> UInt32? {
        switch second | 0x20 {  // upper-case C3 80–9E and lower-case C3 A0–BE fold together
        case 0xA0...0xA5: 0x61  // à á â ã ä å
        case 0xA7: 0x63         // ç
        case 0xA8...0xAB: 0x65  // è é ê ë
        case 0xAC...0xAF: 0x69  // ì í î ï
        case 0xB2...0xB6: 0x6F  // ò ó ô õ ö
        case 0xB9...0xBC: 0x75  // ù ú û ü
        default: nil
        }
    }

    /// Reads numbers and a month name out of `text`; nil when it does not look like a date.
    static func parse(_ text: some Collection<UInt8>) -> DateParts? {
        if let parts = text.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return parts }
        return Array(text).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// `parse` over contiguous bytes. The hot path (every date-shaped match is checked), so it
    /// allocates nothing for Latin and digit dates: at most three numbers are kept (a date
    /// has no more), and a word is kept as its length and first three letters.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        // Chinese numerals (一九七五年…) only appear with a lead byte of E0 or more other than
        // full-width digits' EF; only then is a String built.
        if bytes.contains(where: { $0 >= 0xE0 && $0 != 0xEF }) {
            let string = String(decoding: bytes, as: UTF8.self)
            if string.unicodeScalars.contains(where: { ChineseNumerals.digit($0) != nil }) {
                return parseChinese(string)
            }
        }
        var numbers: (Number, Number, Number) = (Number(), Number(), Number())
        var count = 0
        var month: Int?
        var current = Number()
        var wordLength = 0
        var wordPrefix: UInt32 = 0
        func flushNumber() {
            if current.digits > 0 {
                switch count {
                case 0: numbers.0 = current
                case 1: numbers.1 = current
                case 2: numbers.2 = current
                default: break
                }
                count += 1
            }
            current = Number()
        }
        var wordFourth: UInt32 = 0
        func flushWord() {
            if wordLength >= 4, let entry = fourLetterCodes.first(where: { $0.code == wordPrefix << 8 | wordFourth }) {
                month = entry.month
            } else if wordLength >= 3, let entry = monthCodes.first(where: { $0.code == wordPrefix }) {
                month = entry.month
            }
            wordLength = 0
            wordPrefix = 0
            wordFourth = 0
        }
        var index = 0
        while index < bytes.count {
            var value = UInt32(bytes[index])
            var width = 1
            if value >= 0x80 {
                width = value >= 0xF0 ? 4 : value >= 0xE0 ? 3 : 2
                // Full-width digits ０–９ are EF BC 90–99; a Latin-1 letter with an accent is
                // its plain letter (`février`, `März`); any other non-ASCII scalar separates.
                if width == 3, index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBC,
                   (0x90...0x99).contains(bytes[index + 2]) {
                    value = UInt32(bytes[index + 2] - 0x90) + 0x30
                } else if width == 2, value == 0xC3, index + 1 < bytes.count, let letter = unaccented(bytes[index + 1]) {
                    value = letter
                } else {
                    value = 0x20
                }
            }
            index += width
            if (0x30...0x39).contains(value) {
                flushWord()
                current.value = current.value &* 10 &+ Int(value - 0x30)
                current.digits += 1
            } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                flushNumber()
                if wordLength < 3 { wordPrefix = wordPrefix << 8 | (value | 0x20) }
                if wordLength == 3 { wordFourth = value | 0x20 }
                wordLength += 1
            } else {
                flushNumber()
                flushWord()
            }
        }
        flushNumber()
        flushWord()
        if let month {
            guard count == 2 else { return nil }
            let (a, b) = (numbers.0, numbers.1)
            return a.digits == 4 ? DateParts(year: a.value, month: month, day: b.value)
                : DateParts(year: b.value, month: month, day: a.value)
        }
        // `1975年3月`: a month without a day is checked as its first day (月 is E6 9C 88).
        if count == 2, numbers.0.digits == 4,
           bytes.indices.dropLast(2).contains(where: { bytes[$0] == 0xE6 && bytes[$0 + 1] == 0x9C && bytes[$0 + 2] == 0x88 }) {
            return DateParts(year: numbers.0.value, month: numbers.1.value, day: 1)
        }
        guard count == 3 else { return nil }
        if numbers.0.digits == 4 {
            return DateParts(year: numbers.0.value, month: numbers.1.value, day: numbers.2.value)
        }
        guard numbers.2.digits == 4 else { return nil }
        let dayFirst = DateParts(year: numbers.2.value, month: numbers.1.value, day: numbers.0.value)
        if dayFirst.isValid { return dayFirst }
        return DateParts(year: numbers.2.value, month: numbers.0.value, day: numbers.1.value)
    }

    /// A run of digits: its value and how many digits it had.
    private struct Number {
        var value = 0
        var digits = 0
    }

    /// `一九七五年三月四日`: the year digit by digit, month and day as counted numbers.
    private static func parseChinese(_ text: String) -> DateParts? {
        let parts = text.split(whereSeparator: { "年月日号".contains($0) }).map(String.init)
        guard parts.count >= 2, parts[0].count == 4 else { return nil }
        let yearDigits = parts[0].unicodeScalars.compactMap(ChineseNumerals.digit)
        guard yearDigits.count == 4, let month = ChineseNumerals.counted(parts[1]) else { return nil }
        let year = yearDigits.reduce(0) { $0 * 10 + $1 }
        let day = parts.count >= 3 ? ChineseNumerals.counted(parts[2]) : 1
        guard let day else { return nil }
        return DateParts(year: year, month: month, day: day)
    }
}

/// Chinese numerals as used in written dates.
enum ChineseNumerals {
    /// 〇 ○ 零 一 … 九 → 0…9.
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "○", "零": 0
        case "一": 1
        case "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// A counted number up to 99: 三 = 3, 十 = 10, 十二 = 12, 二十 = 20, 三十一 = 31.
    static func counted(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 3 else { return nil }
        if let ten = scalars.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (scalars.count > 0 ? digit(scalars[0]) : nil)
            let units = ten + 1 < scalars.count ? digit(scalars[ten + 1]) : 0
            guard let tens, let units, ten <= 1 else { return nil }
            return tens * 10 + units
        }
        guard scalars.count == 1 else { return nil }
        return digit(scalars[0])
    }
}
