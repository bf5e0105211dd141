/// The Australian Tax File Number: nine digits (eight for old numbers) whose weighted sum
/// (1, 4, 3, 7, 5, 8, 6, 9, 10; old: 10, 7, 8, 4, 6, 3, 5, 1) is a multiple of 11.
enum AustralianTFN {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        if let digits = WeightedModulus.digits(bytes, count: 9) {
            return !WeightedModulus.isRepeated(digits)
                && WeightedModulus.sum(digits, weights: [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0
        }
        if let digits = WeightedModulus.digits(bytes, count: 8) {
            return !WeightedModulus.isRepeated(digits)
                && WeightedModulus.sum(digits, weights: [10, 7, 8, 4, 6, 3, 5, 1]) % 11 == 0
        }
        return false
    }
}
