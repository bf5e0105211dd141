/// The South African identity number: thirteen digits, `YYMMDD` (a real date in the 1900s or
/// 2000s), four sequence digits (0000–4999 women, 5000–9999 men), a citizenship digit (0
/// citizen, 1 permanent resident, 2 refugee), one more digit, and a Luhn check digit.
enum SouthAfricanID {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 13), !WeightedModulus.isRepeated(digits) else { return false }
        let year = digits[0] * 10 + digits[1], month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
        guard CalendarDay.isReal(year: 1900 + year, month: month, day: day)
                || CalendarDay.isReal(year: 2000 + year, month: month, day: day),
              digits[10] <= 2 else { return false }
        return Luhn.isValid(digits: digits)
    }
}
