/// The Romanian personal numeric code (CNP): thirteen digits, sex and century (1–9), `YYMMDD`
/// (a real date; 1/2 the 1900s, 3/4 the 1800s, 5/6 the 2000s, 7/8/9 residents and foreigners),
/// a county code (01–52), three serial digits and a check digit: the first twelve weighted
/// 2 7 9 1 4 6 3 5 8 2 7 9, the sum modulo 11, 10 written as 1.
enum RomanianCNP {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 13), digits[0] != 0 else { return false }
        let century: [Int]
        switch digits[0] {
        case 1, 2: century = [1900]
        case 3, 4: century = [1800]
        case 5, 6: century = [2000]
        default: century = [1900, 2000]
        }
        let year = digits[1] * 10 + digits[2], month = digits[3] * 10 + digits[4], day = digits[5] * 10 + digits[6]
        guard century.contains(where: { CalendarDay.isReal(year: $0 + year, month: month, day: day) }) else { return false }
        let county = digits[7] * 10 + digits[8]
        guard (1...52).contains(county) else { return false }
        let remainder = WeightedModulus.sum(digits, weights: [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11
        return (remainder == 10 ? 1 : remainder) == digits[12]
    }
}
