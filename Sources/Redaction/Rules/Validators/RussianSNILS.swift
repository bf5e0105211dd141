/// The Russian insurance number SNILS: nine digits and a two-digit check (`112-233-445 95`).
/// The check is the sum of the nine digits weighted 9 down to 1: below 100 it is the sum;
/// 100 and 101 give 00; above, the sum modulo 101 (100 again giving 00). Numbers up to
/// 001-001-998 were issued without the check and are not read as SNILS.
enum RussianSNILS {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 11), !WeightedModulus.isRepeated(digits) else { return false }
        let number = digits[0..<9].reduce(0) { $0 * 10 + $1 }
        guard number > 1_001_998 else { return false }
        let sum = WeightedModulus.sum(digits, weights: [9, 8, 7, 6, 5, 4, 3, 2, 1])
        var check = sum < 100 ? sum : sum % 101
        if check == 100 || check == 101 { check = 0 }
        return check == digits[9] * 10 + digits[10]
    }
}
