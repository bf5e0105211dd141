/// A check a match must pass beyond its pattern: a checksum or a calendar.
///
/// A closed set, named in rule files by `validator:`. Two kinds:
/// - checksums (`cn-resident-id`, `luhn`): a failed check lowers the finding's confidence
///   by one level rather than dropping it, so a mistyped number is still seen;
/// - shape checks (`calendar-date`, `phone-digits`): a failure means the text is not the
///   entity at all (February 30th is not a date), so the match is dropped.
public enum Validator: String, CaseIterable, Sendable {
    case none
    /// The value holds a real calendar date (month 1–12, day within the month, year 1900–2100).
    case calendarDate = "calendar-date"
    /// Chinese resident identity number: 18 characters, ISO 7064 MOD 11-2 check, valid birth date.
    case cnResidentID = "cn-resident-id"
    /// Luhn mod-10 check over the digits.
    case luhn
    /// A phone number: 7 to 15 digits (E.164's maximum) before any extension.
    case phoneDigits = "phone-digits"

    /// Whether a failure only lowers confidence (checksums) instead of dropping the match.
    public var isChecksum: Bool {
        switch self {
        case .cnResidentID, .luhn: true
        case .none, .calendarDate, .phoneDigits: false
        }
    }

    /// Whether `value` (the finding's text) passes.
    public func accepts(_ value: Substring.UTF8View) -> Bool {
        switch self {
        case .none: true
        case .calendarDate: DateParts.parse(value).map(\.isValid) ?? false
        case .cnResidentID: Self.isValidCNResidentID(value)
        case .luhn: Self.passesLuhn(value)
        case .phoneDigits: Self.hasPhoneDigitCount(value)
        }
    }

    static func isValidCNResidentID(_ value: Substring.UTF8View) -> Bool {
        let chars = Array(value)
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<17 {
            let digit = Int(chars[index]) - 48
            guard (0...9).contains(digit) else { return false }
            sum += digit * weights[index]
        }
        let checks: [UInt8] = Array("10X98765432".utf8)
        let last = chars[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : chars[17]
        guard checks[sum % 11] == last else { return false }
        let year = chars[6..<10].reduce(0) { $0 * 10 + Int($1) - 48 }
        let month = chars[10..<12].reduce(0) { $0 * 10 + Int($1) - 48 }
        let day = chars[12..<14].reduce(0) { $0 * 10 + Int($1) - 48 }
        return DateParts(year: year, month: month, day: day).isValid
    }

    static func hasPhoneDigitCount(_ value: Substring.UTF8View) -> Bool {
        var digits = 0
        for byte in value {
            if byte >= 48 && byte <= 57 {
                digits += 1
            } else if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "e") || byte >= 0x80 {
                break  // extension: "x", "ext.", "转"
            }
        }
        return (7...15).contains(digits)
    }

    static func passesLuhn(_ value: Substring.UTF8View) -> Bool {
        let digits = value.filter { $0 >= 48 && $0 <= 57 }.map { Int($0) - 48 }
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
