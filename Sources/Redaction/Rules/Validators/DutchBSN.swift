/// The Dutch citizen service number (burgerservicenummer, BSN) and its predecessor the
/// sofinummer: nine digits passing the "11-proef", weights 9 … 2 and −1 for the last digit,
/// the sum a multiple of 11.
enum DutchBSN {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 9), !WeightedModulus.isRepeated(digits) else { return false }
        return WeightedModulus.sum(digits, weights: [9, 8, 7, 6, 5, 4, 3, 2, -1]) % 11 == 0
    }
}
