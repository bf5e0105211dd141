/// The Luhn mod-10 check (ISO/IEC 7812-1): payment cards, Canadian SINs, Swedish
/// personnummer.
///
/// From the rightmost digit (the check digit) leftwards, every second digit is doubled and
/// its digits summed; the total must be a multiple of 10. It catches every single-digit
/// error and most swaps of neighbours, which is why so many ID schemes chose it.
enum Luhn {
    /// Whether the digits of `bytes` (separators ignored) pass; fewer than two digits fail.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        isValid(digits: ASCIIDigits.digits(in: bytes))
    }

    /// Whether `digits` (most significant first, check digit last) pass.
    static func isValid(digits: [Int]) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
