/// The plausibility of a phone number by its length alone.
///
/// E.164 allows at most 15 digits and no real subscriber number is shorter than 7; the
/// digits of an extension (`ext. 12`, `x12`, `转12`) do not count.
enum PhoneDigitCount {
    /// Whether `bytes` hold 7 to 15 digits before any extension.
    static func isPlausible(_ bytes: [UInt8]) -> Bool {
        var digits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "e") || byte >= 0x80 {
                break  // extension: "x", "ext.", "转"
            }
        }
        return (7...15).contains(digits)
    }
}
