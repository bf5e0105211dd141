/// The Finnish personal identity code (henkilötunnus, HETU): `DDMMYY`, a century sign
/// (`+` 1800s; `-` and `U`–`Y` 1900s; `A`–`F` 2000s), a three-digit individual number and a
/// check character: the nine digits as one number modulo 31, indexing
/// `0123456789ABCDEFHJKLMNPRSTUVWXY`.
enum FinnishHETU {
    private static let checks = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 11 else { return false }
        let digits = (Array(bytes[0..<6]) + Array(bytes[7..<10])).compactMap(ASCIIDigits.value(of:))
        guard digits.count == 9 else { return false }
        let century: Int
        switch bytes[6] {
        case UInt8(ascii: "+"): century = 1800
        case UInt8(ascii: "-"), UInt8(ascii: "U")...UInt8(ascii: "Y"): century = 1900
        case UInt8(ascii: "A")...UInt8(ascii: "F"): century = 2000
        default: return false
        }
        guard CalendarDay.isReal(year: century + digits[4] * 10 + digits[5], month: digits[2] * 10 + digits[3],
                                 day: digits[0] * 10 + digits[1])
        else { return false }
        return checks[ASCIIDigits.number(digits) % 31] == bytes[10]
    }
}
