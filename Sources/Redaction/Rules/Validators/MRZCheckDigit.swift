/// The ICAO 9303 check digit (Doc 9303 Part 3, 4.9).
///
/// Characters count `0`–`9` as themselves, `A`–`Z` as 10–35 and the filler `<` as 0; they
/// are weighted 7, 3, 1, 7, 3, 1 … and the sum modulo 10 is the check digit. A field left
/// empty (all `<`) may carry `<` as its check digit, which counts as 0 like any filler.
enum MRZCheckDigit {
    private static let weights = [7, 3, 1]

    /// The value of one MRZ character, or nil for a character the MRZ does not use.
    static func value(of byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte) - 0x30
        case 0x41...0x5A: Int(byte) - 0x41 + 10
        case UInt8(ascii: "<"): 0
        default: nil
        }
    }

    /// The check digit of `chars`, or nil when one is not an MRZ character.
    static func compute(_ chars: some Sequence<UInt8>) -> Int? {
        var sum = 0
        for (index, byte) in chars.enumerated() {
            guard let value = value(of: byte) else { return nil }
            sum += value * weights[index % 3]
        }
        return sum % 10
    }

    /// Whether `check` is the check digit of `chars`.
    static func verifies(_ chars: some Sequence<UInt8>, check: UInt8) -> Bool {
        guard check == UInt8(ascii: "<") || ASCIIDigits.value(of: check) != nil else { return false }
        return compute(chars) == value(of: check)
    }
}
