/// The Thai national identification number: thirteen digits, usually written
/// `1-2345-67890-12-1`, the first 1–8 (the kind of registration), the last a check digit,
/// (11 − the weighted sum of the first twelve, weights 13 … 2, mod 11) mod 10.
enum ThaiNationalID {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 13), (1...8).contains(digits[0]) else { return false }
        let sum = WeightedModulus.sum(digits, weights: [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2])
        return (11 - sum % 11) % 10 == digits[12]
    }
}
