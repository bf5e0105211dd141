/// The weighted sum shared by the modulus-11 and modulus-10 check digits of many national
/// numbers (Australian TFN, UK NHS, Dutch BSN, Portuguese NIF, Polish PESEL, Brazilian CPF,
/// Korean RRN): each digit times its position's weight, summed.
enum WeightedModulus {
    /// The sum of `digits[i] * weights[i]` over the shorter of the two.
    static func sum(_ digits: some Collection<Int>, weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The digits of `bytes` when every byte is a digit or a separator (space, hyphen, dot,
    /// slash) and there are `count` of them; nil otherwise.
    static func digits(_ bytes: [UInt8], count: Int) -> [Int]? {
        var digits: [Int] = []
        for byte in bytes {
            if let digit = ASCIIDigits.value(of: byte) {
                digits.append(digit)
            } else if ![UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(byte) {
                return nil
            }
        }
        return digits.count == count ? digits : nil
    }

    /// Whether all `digits` are one repeated digit (`000000000`, `111.111.111-11`): test
    /// fillers that some schemes' arithmetic happens to accept.
    static func isRepeated(_ digits: [Int]) -> Bool {
        digits.allSatisfy { $0 == digits.first }
    }
}
