/// Strict UTF-8 validation that reports where the input stops being UTF-8.
///
/// Untrusted bytes are validated here before any `String` is built from them:
/// `String(decoding:as:)` silently replaces bad sequences with U+FFFD, which would shift
/// every later byte offset and hide that the file is not what we think it is. Rejects
/// what the Unicode standard (table 3-7) rejects: stray continuation bytes, overlong
/// forms (C0, C1, E0 80…, F0 80…), UTF-16 surrogates (ED A0…ED BF), code points above
/// U+10FFFF (F4 90…, F5…FF) and sequences cut short.
public enum UTF8Validation {
    /// The offset of the first byte of the first invalid or truncated sequence, or `nil` if
    /// all of `bytes` is valid UTF-8. Everything before the offset is valid (Rust's
    /// `Utf8Error::valid_up_to`).
    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    /// The offset of the first byte of the first invalid or truncated sequence, or `nil`.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII fast path: most of a CSV or JSON file is ASCII, so test 8 bytes at once.
            // Safety: `index + 8 <= count` keeps the unaligned 8-byte load inside the buffer.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { return nil }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(base, index, count)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// The length of the valid multi-byte sequence starting at `index`, or 0 if it is
    /// invalid or truncated. The allowed second-byte ranges follow table 3-7.
    @inline(__always)
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Int {
        let lead = base[index]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0  // below A0 is overlong
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F  // A0…BF would encode surrogates
        case 0xF0: length = 4; secondLow = 0x90  // below 90 is overlong
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F  // above 8F is beyond U+10FFFF
        default: return 0  // 80…BF stray continuation, C0/C1 overlong, F5…FF never valid
        }
        guard index + length <= count else { return 0 }
        let second = base[index + 1]
        guard second >= secondLow && second <= secondHigh else { return 0 }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
