/// The Hong Kong identity card number (香港身份證號碼).
///
/// One or two letters, six digits and a check character written in parentheses:
/// `A123456(3)`. Letters count A=10 … Z=35 and a missing second letter counts 36 (a space);
/// with weights 9, 8, … 2 over the eight positions and the check character weighted 1
/// (`A` standing for 10), the sum is a multiple of 11.
enum HongKongID {
    /// Whether `bytes` are a valid number: `A123456(3)`, `AB987654(A)`, `A123456 (3)` or
    /// `A1234563`.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 8 || chars.count == 9 else { return false }
        let letterCount = chars.count - 7
        var values: [Int] = letterCount == 1 ? [36] : []
        for byte in chars.prefix(letterCount) {
            guard ASCIIDigits.isUpperLetter(byte) else { return false }
            values.append(Int(byte) - 0x41 + 10)
        }
        for byte in chars.dropFirst(letterCount).prefix(6) {
            guard let digit = ASCIIDigits.value(of: byte) else { return false }
            values.append(digit)
        }
        let check = chars[chars.count - 1]
        guard let checkValue = check == UInt8(ascii: "A") ? 10 : ASCIIDigits.value(of: check) else { return false }
        let sum = values.enumerated().reduce(0) { $0 + $1.element * (9 - $1.offset) } + checkValue
        return sum % 11 == 0
    }
}
