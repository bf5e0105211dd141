/// The Italian tax code of a person (codice fiscale): sixteen characters — three of the
/// surname, three of the given name, birth year, month letter, day (+40 for women), the
/// place code and a check letter. Characters in odd positions count by a fixed table,
/// those in even positions by value (`0`–`9`, `A`–`Z` = 0–25); the sum modulo 26 is the
/// check letter. Codes whose digits were replaced by letters (omocodia) are checked as
/// written, as the revenue agency computes them.
enum ItalianCodiceFiscale {
    /// Odd-position values of `0`–`9` and then `A`–`Z` (the same values for a digit and the
    /// letter of the same rank).
    private static let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]

    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 16, ASCIIDigits.isUpperLetter(chars[15]) else { return false }
        var sum = 0
        for (index, byte) in chars.prefix(15).enumerated() {
            let rank: Int  // 0–9 for digits and A–J, 10–25 for K–Z
            if let digit = ASCIIDigits.value(of: byte) { rank = digit } else { rank = Int(byte) - 0x41 }
            if index % 2 == 0 {
                sum += odd[rank]
            } else {
                sum += rank
            }
        }
        return Int(chars[15]) - 0x41 == sum % 26
    }
}
