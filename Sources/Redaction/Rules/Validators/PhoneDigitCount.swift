/// The plausibility of a phone number by its length alone.
///
/// E.164 allows at most 15 digits and no real subscriber number is shorter than 7. Not
/// counted: the digits of an extension (`ext. 12`, `x12`, `#12`, `转12`, `分机12`) and an
/// international dialling prefix (`00`, `011`, `0011` before the country code), which is not
/// part of the number. Full-width digits (`１３８…`) count like ASCII ones; full-width `＋（）－`
/// and the ideographic space are separators.
enum PhoneDigitCount {
    /// Whether `bytes` hold 7 to 15 digits before any extension, dialling prefix excluded.
    static func isPlausible(_ bytes: [UInt8]) -> Bool {
        var digits: [UInt8] = []
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits.append(UInt8(scalar.value - 0x30))
            case 0xFF10...0xFF19:
                digits.append(UInt8(scalar.value - 0xFF10))
            case 0x78, 0x58, 0x65, 0x45, 0x23, 0x8F6C, 0x5206:  // x X e(xt) E(XT) # 转 分(机)
                return plausible(digits)
            default:
                continue  // separators: space, . - / ( ) +, their full-width forms, 　
            }
        }
        return plausible(digits)
    }

    private static func plausible(_ digits: [UInt8]) -> Bool {
        var count = digits.count
        if digits.starts(with: [0, 0, 1, 1]) {
            count -= 4
        } else if digits.starts(with: [0, 1, 1]) {
            count -= 3
        } else if digits.starts(with: [0, 0]) {
            count -= 2
        }
        return (7...15).contains(count)
    }
}
