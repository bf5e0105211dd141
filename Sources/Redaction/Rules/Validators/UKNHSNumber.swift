/// The NHS number of England, Wales and the Isle of Man (and the CHI number's check):
/// ten digits, the last being 11 minus the weighted sum (10 … 2) of the first nine modulo
/// 11, where 11 becomes 0 and 10 means the number is never issued.
enum UKNHSNumber {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 10), !WeightedModulus.isRepeated(digits) else { return false }
        let check = 11 - WeightedModulus.sum(digits, weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
        guard check != 10 else { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }
}
