/// The plausibility of a US Social Security number (there is no check digit).
///
/// Nine digits: area, group, serial. The SSA never issues area 000, 666 or 900–999 (the
/// 9xx range is for ITINs and advertising), group 00 or serial 0000. A few numbers are
/// famous for having been printed, not issued to the person using them: 078-05-1120 (a
/// wallet insert sold by Woolworth in 1938), 219-09-9999 (an SSA pamphlet),
/// 123-45-6789 and the 987-65-4320…4329 advertising block; numbers of one repeated digit
/// are placeholders. Such a number is not an SSN on its own, but after an "SSN" label it is
/// still what someone wrote into that field, so a failure lowers confidence instead of
/// dropping the match.
enum USSocialSecurityNumber {
    /// Numbers known from print, not from the person using them.
    private static let published: Set<Int> = [78_051_120, 219_099_999, 123_456_789]

    /// Whether the digits of `bytes` (separators ignored) form an issuable SSN.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let digits = ASCIIDigits.digits(in: bytes)
        guard digits.count == 9 else { return false }
        let area = ASCIIDigits.number(digits[0..<3])
        let group = ASCIIDigits.number(digits[3..<5])
        let serial = ASCIIDigits.number(digits[5..<9])
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        guard Set(digits).count > 1 else { return false }
        return !published.contains(ASCIIDigits.number(digits))
    }
}
