/// The `generalize` operator: a coarser value derived from the original. Returns nil when
/// the value gives no basis for the target (an unreadable date, an address without a
/// recognisable city); the operator then writes the plain label instead.
enum Generalizer {
    static func generalize(_ value: Substring, to target: Generalization, context: OperatorContext) -> String? {
        switch target {
        case .year, .decade, .ageBand: date(value, to: target, reference: context.referenceDay)
        case .city, .region, .country: AddressGeneralizer.generalize(String(value), to: target)
        case .countryCode: countryCode(of: value)
        }
    }

    /// `1975-03-04` → `1975`, `1970s` or `40–49`; a Chinese date (`1975年3月4日`) →
    /// `1975年`, `1970年代` or `40–49岁`. Dates the date rules read (`DateParts`) only.
    static func date(_ value: Substring, to target: Generalization, reference: DateParts) -> String? {
        guard let parts = DateParts.parse(value.utf8), parts.isValid else { return nil }
        let chinese = value.contains("年")
        switch target {
        case .year:
            return String(parts.year) + (chinese ? "年" : "")
        case .decade:
            return String(parts.year / 10 * 10) + (chinese ? "年代" : "s")
        default:
            let beforeBirthday = (reference.month, reference.day) < (parts.month, parts.day)
            let age = reference.year - parts.year - (beforeBirthday ? 1 : 0)
            guard (0...130).contains(age) else { return nil }
            let lower = age / 10 * 10
            return "\(lower)–\(lower + 9)" + (chinese ? "岁" : "")
        }
    }

    /// `+44 20 7946 0958` or `0044 20…` → `+44 …`; a Chinese mobile without a country code
    /// (`138 1234 5678`) → `+86 …`; anything else nil.
    static func countryCode(of value: Substring) -> String? {
        var digits: [Int] = []
        var international = false
        var seenDigit = false
        for scalar in value.unicodeScalars {
            var code = scalar.value
            if (0xFF10...0xFF19).contains(code) { code -= 0xFF10 - 0x30 }  // full-width digits
            if (0x30...0x39).contains(code) {
                digits.append(Int(code - 0x30))
                seenDigit = true
            } else if (code == 0x2B || code == 0xFF0B) && !seenDigit {  // + or ＋ before any digit
                international = true
            } else if seenDigit && (code == 0x78 || code == 0x8F6C) {  // an extension (`x`, `转`) ends the number
                break
            }
        }
        if !international, digits.count > 2, digits[0] == 0, digits[1] == 0 {
            international = true
            digits.removeFirst(2)
        }
        if international {
            guard digits.count >= 7, let code = callingCode(digits) else { return nil }
            return "+\(code) …"
        }
        let mobile = digits.count == 11 && digits[0] == 1 && (3...9).contains(digits[1])
        let mobileWith86 = digits.count == 13 && digits[0] == 8 && digits[1] == 6 && digits[2] == 1 && (3...9).contains(digits[3])
        return mobile || mobileWith86 ? "+86 …" : nil
    }

    /// The ITU country calling code at the start of `digits`. Codes are prefix-free: `1` and
    /// `7` stand alone, the two-digit codes below are whole codes, every other code has
    /// three digits.
    static func callingCode(_ digits: [Int]) -> Int? {
        guard let first = digits.first, first != 0 else { return nil }
        if first == 1 || first == 7 { return first }
        let two = first * 10 + digits[1]
        if twoDigitCodes.contains(two) { return two }
        return two * 10 + digits[2]
    }

    static let twoDigitCodes: Set<Int> = [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
        60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ]
}
