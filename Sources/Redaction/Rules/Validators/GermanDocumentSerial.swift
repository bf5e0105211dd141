/// The serial number of a German passport or identity card (Personalausweis, Reisepass).
///
/// Nine characters from digits and the consonants `C F G H J K L M N P R T V W X Y Z`
/// (vowels and look-alikes are never used, so no word can be a serial), then one ICAO
/// 7-3-1 check digit over the nine: `C01X00T47` `8`, `T22000129` `3`. The check digit is
/// printed in the machine-readable zone and often copied with the number.
enum GermanDocumentSerial {
    private static let letters = Set("CFGHJKLMNPRTVWXYZ".utf8)

    /// Whether `bytes` (spaces ignored, letters case-folded) hold nine serial characters
    /// and their check digit.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        let chars = ASCIIDigits.alphanumerics(in: bytes)
        guard chars.count == 10,
              chars.prefix(9).allSatisfy({ letters.contains($0) || ASCIIDigits.value(of: $0) != nil })
        else { return false }
        return MRZCheckDigit.verifies(chars.prefix(9), check: chars[9])
    }
}
