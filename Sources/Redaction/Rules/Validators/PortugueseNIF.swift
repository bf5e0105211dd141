/// The Portuguese tax number (NIF, número de identificação fiscal): nine digits, a first
/// digit that names a kind of taxpayer (1–3 people, 5 companies, 6 public bodies, 8 sole
/// traders, 9 others; 4 and 7 unused), and a check digit: 11 minus the weighted sum
/// (9 … 2) modulo 11, with 10 and 11 written as 0.
enum PortugueseNIF {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 9), ![0, 4, 7].contains(digits[0]) else { return false }
        let check = 11 - WeightedModulus.sum(digits, weights: [9, 8, 7, 6, 5, 4, 3, 2]) % 11
        return (check >= 10 ? 0 : check) == digits[8]
    }
}
