/// The Verhoeff check digit (dihedral group D5), which catches every single-digit error and
/// every swap of neighbours; India's Aadhaar uses it. An Aadhaar number is twelve digits
/// and never starts with 0 or 1.
enum Verhoeff {
    private static let multiply: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let permute: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    /// Whether `digits` (check digit last) pass.
    static func isValid(digits: [Int]) -> Bool {
        var check = 0
        for (index, digit) in digits.reversed().enumerated() {
            check = multiply[check][permute[index % 8][digit]]
        }
        return check == 0
    }

    /// Whether `bytes` hold an Aadhaar number: twelve digits, the first 2–9, Verhoeff-valid,
    /// and not a palindrome (UIDAI never issues those).
    static func isAadhaar(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 12), digits[0] >= 2, digits != digits.reversed() else { return false }
        return isValid(digits: digits)
    }
}
