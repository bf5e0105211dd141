/// The Australian Medicare card number: ten digits (an eleventh, the individual reference
/// number, may follow), the first 2–6, the ninth the weighted sum (1, 3, 7, 9 repeating) of
/// the first eight modulo 10; the tenth is the card's issue number.
enum AustralianMedicare {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 10) ?? WeightedModulus.digits(bytes, count: 11),
              (2...6).contains(digits[0])
        else { return false }
        return WeightedModulus.sum(digits, weights: [1, 3, 7, 9, 1, 3, 7, 9]) % 10 == digits[8]
    }
}
