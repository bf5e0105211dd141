/// The Danish civil registration number (CPR-nummer).
///
/// Written `DDMMYY-SSSS`: the birth date and a 4-digit sequence whose first digit, with the
/// year, gives the century (0–3: 1900s; 4 and 9: 2000s up to 36, else 1900s; 5–8: 2000s up
/// to 57, else 1800s). The modulus-11 check was dropped in 2007, when some birth dates ran
/// out of numbers that pass it, so a real date is all that can be checked.
enum DanishCPR {
    /// Whether `bytes` hold ten digits whose first six are a real `DDMMYY` date in the
    /// century the seventh digit gives.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let digits = ASCIIDigits.digits(in: bytes)
        guard digits.count == 10 else { return false }
        let day = ASCIIDigits.number(digits[0..<2])
        let month = ASCIIDigits.number(digits[2..<4])
        let yy = ASCIIDigits.number(digits[4..<6])
        let century: Int
        switch digits[6] {
        case 0...3: century = 1900
        case 4, 9: century = yy <= 36 ? 2000 : 1900
        default: century = yy <= 57 ? 2000 : 1800
        }
        return CalendarDay.isReal(year: century + yy, month: month, day: day)
    }
}
