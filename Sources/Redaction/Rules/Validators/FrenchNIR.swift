/// The French social security number (NIR, numéro de sécurité sociale): thirteen
/// characters — sex, year, month, département (Corsica `2A`/`2B`), commune, order — and a
/// two-digit key, 97 minus the thirteen modulo 97, with `2A` read as 19 and `2B` as 18.
enum FrenchNIR {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 15, [1, 2, 3, 4, 7, 8].contains(ASCIIDigits.value(of: chars[0]) ?? 0) else { return false }
        if chars[5] == UInt8(ascii: "2"), chars[6] == UInt8(ascii: "A") || chars[6] == UInt8(ascii: "B") {
            chars[5] = UInt8(ascii: "1")
            chars[6] = chars[6] == UInt8(ascii: "A") ? UInt8(ascii: "9") : UInt8(ascii: "8")
        }
        let digits = chars.compactMap(ASCIIDigits.value(of:))
        guard digits.count == 15 else { return false }
        return 97 - ASCIIDigits.number(digits.prefix(13)) % 97 == digits[13] * 10 + digits[14]
    }
}
