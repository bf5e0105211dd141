/// The Brazilian individual taxpayer number (CPF): nine digits and two check digits, each
/// the weighted sum (10 … 2, then 11 … 2 including the first check digit) times 10
/// modulo 11, with 10 written as 0. Repeated digits pass the arithmetic but are never issued.
enum BrazilianCPF {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 11), !WeightedModulus.isRepeated(digits) else { return false }
        let first = WeightedModulus.sum(digits, weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10 % 11 % 10
        let second = WeightedModulus.sum(digits, weights: [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10 % 11 % 10
        return first == digits[9] && second == digits[10]
    }
}
