/// The Turkish identity number (T.C. Kimlik No): eleven digits, the first not 0; the tenth is
/// (7 × the sum of the odd-placed first nine − the sum of the even-placed ones) modulo 10, and
/// the eleventh the sum of the first ten modulo 10.
enum TurkishIdentityNumber {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 11), digits[0] != 0 else { return false }
        let odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8]
        let even = digits[1] + digits[3] + digits[5] + digits[7]
        guard ((odd * 7 - even) % 10 + 10) % 10 == digits[9] else { return false }
        return digits[0..<10].reduce(0, +) % 10 == digits[10]
    }
}
