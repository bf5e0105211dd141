/// The Singapore identity card (NRIC) and foreign identification (FIN) number: a series
/// letter (S, T citizens and PRs; F, G, M foreigners), seven digits weighted 2, 7, 6, 5, 4,
/// 3, 2, plus 4 for T and G and 3 for M, and a check letter the sum modulo 11 indexes in
/// the series' table.
enum SingaporeNRIC {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 9 else { return false }
        let digits = chars[1..<8].compactMap(ASCIIDigits.value(of:))
        guard digits.count == 7 else { return false }
        let table: String
        var sum = WeightedModulus.sum(digits, weights: [2, 7, 6, 5, 4, 3, 2])
        switch chars[0] {
        case UInt8(ascii: "S"): table = "JZIHGFEDCBA"
        case UInt8(ascii: "T"): table = "JZIHGFEDCBA"; sum += 4
        case UInt8(ascii: "F"): table = "XWUTRQPNMLK"
        case UInt8(ascii: "G"): table = "XWUTRQPNMLK"; sum += 4
        case UInt8(ascii: "M"): table = "XWUTRQPNJLK"; sum += 3
        default: return false
        }
        return Array(table.utf8)[sum % 11] == chars[8]
    }
}
