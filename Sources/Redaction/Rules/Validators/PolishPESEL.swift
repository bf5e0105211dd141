/// The Polish PESEL: eleven digits, `YYMMDD` with the century in the month (01–12 for the
/// 1900s, 21–32 for the 2000s; the 1800s and 2100s offsets are refused, as nobody living
/// has one), four serial digits and a check digit, (10 − weighted sum mod 10) mod 10 with
/// weights 1, 3, 7, 9 repeating.
enum PolishPESEL {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 11), !WeightedModulus.isRepeated(digits) else { return false }
        var month = digits[2] * 10 + digits[3]
        var year = 1900 + digits[0] * 10 + digits[1]
        if month > 20 { month -= 20; year += 100 }
        guard CalendarDay.isReal(year: year, month: month, day: digits[4] * 10 + digits[5]) else { return false }
        let sum = WeightedModulus.sum(digits, weights: [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])
        return (10 - sum % 10) % 10 == digits[10]
    }
}
