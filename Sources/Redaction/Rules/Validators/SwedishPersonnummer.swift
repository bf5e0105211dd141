/// The Swedish personal identity number (personnummer) and coordination number
/// (samordningsnummer).
///
/// Written `YYMMDD-NNNN` (`+` instead of `-` once the holder turns 100), or with the
/// century, `YYYYMMDD-NNNN` / `YYYYMMDDNNNN`. The date is the birth date; coordination
/// numbers add 60 to the day. The last digit is a Luhn check over the ten digits
/// `YYMMDDNNN` + check, never over the century.
enum SwedishPersonnummer {
    /// Whether `bytes` hold 10 or 12 digits with a real date and a passing Luhn check.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var digits = ASCIIDigits.digits(in: bytes)
        var century: Int?
        switch digits.count {
        case 10: break
        case 12:
            let value = ASCIIDigits.number(digits[0..<2])
            guard (18...20).contains(value) else { return false }
            century = value
            digits.removeFirst(2)
        default: return false
        }
        let yy = ASCIIDigits.number(digits[0..<2])
        let month = ASCIIDigits.number(digits[2..<4])
        var day = ASCIIDigits.number(digits[4..<6])
        if day > 60 { day -= 60 }  // samordningsnummer
        // Without the century a 29 February is accepted in any year divisible by four
        // (1900 was no leap year, 2000 was): the check digit still has to pass.
        let year = century.map { $0 * 100 + yy } ?? (yy % 4 == 0 ? 2000 + yy : 1900 + yy)
        guard CalendarDay.isReal(year: year, month: month, day: day) else { return false }
        return Luhn.isValid(digits: digits)
    }
}
