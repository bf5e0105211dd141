/// Text as a scanner's OCR should have read it: letters that look like digits, inside what is
/// otherwise a number, read as those digits (`l2/O6/l958` → `12/06/1958`, `(6O4) 87l-2219` →
/// `(604) 871-2219`, `7l3 2O5 68O` → `713 205 680`).
///
/// OCR of a scanned form confuses `0` with `O` and `1` with `l` or `I`; a value so damaged is
/// still the person's birth date or phone number to anyone who reads it, but no pattern
/// written for digits matches it. Every fold replaces one ASCII byte with another, so the
/// folded text has the same length and every span found in it is the same span of the
/// original. A token (letters and digits between other characters) is folded only when it
/// holds a real digit and no letter other than the look-alikes `O o` (0) and `l I |` (1), and
/// no more look-alikes than digits: `Ol`, `lO`, `IO` and words stay words.
enum OCRDigitFolding {
    /// The folded text, or nil when no token needed folding. Every field of a run passes
    /// here, so the text is only read until a token needs folding; a copy is made then.
    static func fold(_ text: String) -> String? {
        var text = text
        let tokens: [Range<Int>] = text.withUTF8 { bytes in
            var found: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                guard isTokenByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                var digits = 0
                var lookAlikes = 0
                var otherLetters = 0
                while index < bytes.count, isTokenByte(bytes[index]) {
                    let byte = bytes[index]
                    if byte >= 0x30 && byte <= 0x39 {
                        digits += 1
                    } else if digit(forLookAlike: byte) != nil {
                        lookAlikes += 1
                    } else {
                        otherLetters += 1
                    }
                    index += 1
                }
                if digits > 0, lookAlikes > 0, otherLetters == 0, lookAlikes <= digits { found.append(start..<index) }
            }
            return found
        }
        guard !tokens.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        for token in tokens {
            for position in token {
                if let digit = digit(forLookAlike: bytes[position]) { bytes[position] = digit }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `span` of the folded text holds a folded byte (a finding there needed the fold).
    static func touchesFold(_ span: ByteSpan, original: String, folded: String) -> Bool {
        let a = original.utf8, b = folded.utf8
        var left = a.index(a.startIndex, offsetBy: span.lower)
        var right = b.index(b.startIndex, offsetBy: span.lower)
        for _ in span.lower..<span.upper {
            if a[left] != b[right] { return true }
            left = a.index(after: left)
            right = b.index(after: right)
        }
        return false
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x7C
    }

    private static func digit(forLookAlike byte: UInt8) -> UInt8? {
        switch byte {
        case 0x4F, 0x6F: 0x30  // O o
        case 0x6C, 0x49, 0x7C: 0x31  // l I |
        default: nil
        }
    }
}
