/// The Spanish identity number: DNI/NIF (8 digits + letter) and NIE for foreigners
/// (X, Y or Z + 7 digits + letter).
///
/// The letter is the number modulo 23 looked up in `TRWAGMYFPDXBNJZSQVHLCKE` (I, Ñ, O and U
/// are left out as easily confused); a NIE's leading X, Y, Z counts as 0, 1, 2.
enum SpanishDNI {
    private static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)
    private static let nieLetters = Array("XYZ".utf8)

    /// Whether `bytes` (hyphens and spaces ignored) hold a number with its right letter.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 9, let check = chars.popLast(), ASCIIDigits.isUpperLetter(check) else { return false }
        if let prefix = nieLetters.firstIndex(of: chars[0]) {
            chars[0] = UInt8(ascii: "0") + UInt8(prefix)  // NIE: X, Y, Z stand for 0, 1, 2
        }
        var number = 0
        for byte in chars {
            guard let digit = ASCIIDigits.value(of: byte) else { return false }
            number = number * 10 + digit
        }
        return letters[number % 23] == check
    }
}
