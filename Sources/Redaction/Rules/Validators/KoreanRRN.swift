/// The South Korean resident registration number (주민등록번호): `YYMMDD-GNNNNNC`, a real
/// birth date whose century the gender digit G gives (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s;
/// 9, 0: 1800s), and a check digit (11 − weighted sum mod 11) mod 10 with weights 2 … 9,
/// 2 … 5. Numbers issued since October 2020 have random last digits and no check, so a
/// failed check only lowers confidence, as with every checksum.
enum KoreanRRN {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 13) else { return false }
        let century = switch digits[6] {
        case 1, 2, 5, 6: 1900
        case 3, 4, 7, 8: 2000
        default: 1800
        }
        guard CalendarDay.isReal(year: century + digits[0] * 10 + digits[1], month: digits[2] * 10 + digits[3],
                                 day: digits[4] * 10 + digits[5])
        else { return false }
        let sum = WeightedModulus.sum(digits, weights: [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])
        return (11 - sum % 11) % 10 == digits[12]
    }
}
