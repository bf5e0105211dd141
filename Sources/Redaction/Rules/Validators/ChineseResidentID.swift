/// The Chinese resident identity number (居民身份证号码, GB 11643-1999).
///
/// 18 characters: a 6-digit area code, the birth date `YYYYMMDD`, a 3-digit sequence, and
/// an ISO 7064 MOD 11-2 check character (a digit or `X` for 10).
enum ChineseResidentID {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each remainder of the weighted sum modulo 11.
    private static let checkCharacters = Array("10X98765432".utf8)

    /// Whether `chars` is an 18-character number with a correct check character and a real
    /// birth date. Spaces and hyphens are skipped: the number is often written in groups
    /// (`110105 19491231 002X`, `1101 0519 4912 3100 2X`) so that it can be read aloud.
    static func isValid(_ written: [UInt8]) -> Bool {
        let chars = written.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        guard chars.count == 18 else { return false }
        var digits: [Int] = []
        for byte in chars.prefix(17) {
            guard let digit = ASCIIDigits.value(of: byte) else { return false }
            digits.append(digit)
        }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let last = chars[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : chars[17]
        guard checkCharacters[sum % 11] == last else { return false }
        let date = DateParts(
            year: ASCIIDigits.number(digits[6..<10]),
            month: ASCIIDigits.number(digits[10..<12]),
            day: ASCIIDigits.number(digits[12..<14]))
        return date.isValid
    }
}
