/// The key file's two accepted encodings: hex text (what Redact writes) and raw bytes.
enum HMACKeyFormat {
    /// Lowercase hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes a key file's contents.
    ///
    /// A file of printable ASCII must be hex (trailing whitespace allowed): a key pasted
    /// with a typo must fail, not silently become a different raw key. Anything else is
    /// taken as raw bytes, as-is; a random raw key is all printable with probability
    /// (95/256)^32 ≈ 10^-14.
    static func decode(_ contents: [UInt8], path: String, minimumLength: Int) throws(KeyFileError) -> [UInt8] {
        let isText = contents.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard isText else {
            guard contents.count >= minimumLength else {
                throw .tooShort(path: path, bytes: contents.count, required: minimumLength)
            }
            return contents
        }
        let trimmed = contents.reversed().drop { [0x0A, 0x0D, 0x09, 0x20].contains($0) }.reversed()
        var key: [UInt8] = []
        var high: UInt8?
        for character in trimmed {
            guard let nibble = nibble(character) else {
                throw .malformed(path: path, reason: "expected hex digits, found another character")
            }
            if let pending = high {
                key.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else {
            throw .malformed(path: path, reason: "odd number of hex digits")
        }
        guard key.count >= minimumLength else {
            throw .tooShort(path: path, bytes: key.count, required: minimumLength)
        }
        return key
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
