/// The Taiwan (ROC) national identification number (國民身分證統一編號) and the resident
/// certificate number (統一證號) of foreign residents.
///
/// Ten characters: a letter for the place of first registration, a gender digit (1/2 for
/// citizens, 8/9 for residents since 2021), seven serial digits and a check digit. The
/// letter stands for a two-digit code (A=10 … with I, O, W, X, Y, Z out of order, as the
/// codes were assigned before those letters were used); with its tens and units weighted
/// 1 and 9 and the digits weighted 8, 7, … 1, 1, the sum is a multiple of 10.
enum TaiwanNationalID {
    /// The codes of A…Z.
    private static let letterCodes = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33,
    ]

    /// Whether `bytes` are a valid number: ten characters, no separators.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 10, chars.count == bytes.count, ASCIIDigits.isUpperLetter(chars[0]) else { return false }
        let area = letterCodes[Int(chars[0] - 0x41)]
        var sum = area / 10 + (area % 10) * 9
        guard let gender = ASCIIDigits.value(of: chars[1]), [1, 2, 8, 9].contains(gender) else { return false }
        sum += gender * 8
        for (index, byte) in chars[2...].enumerated() {
            guard let digit = ASCIIDigits.value(of: byte) else { return false }
            sum += digit * max(7 - index, 1)
        }
        return sum % 10 == 0
    }
}
