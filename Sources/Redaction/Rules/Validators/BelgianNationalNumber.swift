/// The Belgian national register number (rijksregisternummer / numéro de registre
/// national): `YY.MM.DD-SSS.CC`, the check `CC` being 97 minus the first nine digits modulo
/// 97 — or, for people born in 2000 or later, of those digits prefixed with a 2. The birth
/// date is not checked: the register writes month 00 or day 00 when they are unknown, and
/// foreign residents' "bis" numbers add 20 or 40 to the month.
enum BelgianNationalNumber {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let digits = WeightedModulus.digits(bytes, count: 11), !WeightedModulus.isRepeated(digits) else { return false }
        let base = ASCIIDigits.number(digits.prefix(9))
        let check = digits[9] * 10 + digits[10]
        return 97 - base % 97 == check || 97 - (2_000_000_000 + base) % 97 == check
    }
}
