/// Byte order marks: the UTF-8 one (EF BB BF) some editors put at the start of a file,
/// and the UTF-16 and UTF-32 ones that mark a file Redact cannot read.
///
/// Readers keep a UTF-8 BOM out of every field value, so detectors never see U+FEFF and
/// the rewriter copies it back untouched as part of the bytes between fields.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 if `buffer` starts with the BOM, else 0: where the content begins.
    static func length(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.starts(with: bytes) ? bytes.count : 0
    }

    /// `.utf32` or `.utf16` when `buffer` starts with that encoding's BOM (either byte
    /// order), else nil.
    ///
    /// Checked before the binary sniff: UTF-16 text is full of NUL bytes and would be
    /// skipped as binary, so an Excel "Unicode text" export would pass unscanned. UTF-32
    /// is tested first because its little-endian BOM (FF FE 00 00) begins with UTF-16's.
    static func unsupportedEncoding(in buffer: UnsafeBufferPointer<UInt8>) -> IngestError.UnsupportedReason? {
        if buffer.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return .utf32
        }
        if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
            return .utf16
        }
        return withoutMark(buffer)
    }

    /// UTF-32 or UTF-16 without a byte order mark, told by where the NUL bytes fall in the
    /// first 8 KiB: text in those encodings has them at the same positions of every unit (the
    /// high bytes of Latin characters), a binary file has them anywhere. Nil when there is
    /// no NUL at all (UTF-8 validation then decides) or no such pattern (a binary file).
    static func withoutMark(_ buffer: UnsafeBufferPointer<UInt8>) -> IngestError.UnsupportedReason? {
        let length = min(buffer.count, DocumentFormat.binarySniffLength) & ~3
        // A pattern needs a few units to be one: 4 bytes of a tiny binary prove nothing.
        guard length >= 16 else { return nil }
        var zeros = [0, 0, 0, 0]
        for index in 0..<length where buffer[index] == 0 { zeros[index & 3] += 1 }
        guard zeros.reduce(0, +) > 0 else { return nil }
        let units = length / 4
        // Almost every unit: characters of the Basic Multilingual Plane leave two bytes zero.
        func all(_ count: Int) -> Bool { count * 10 >= units * 9 }
        func none(_ count: Int) -> Bool { count * 20 <= units }
        if all(zeros[2]) && all(zeros[3]) && none(zeros[0]) { return .utf32 }
        if all(zeros[0]) && all(zeros[1]) && none(zeros[3]) { return .utf32 }
        // UTF-16: Latin characters leave one byte of their unit zero, never the other.
        let odd = zeros[1] + zeros[3], even = zeros[0] + zeros[2]
        let halves = length / 2
        if odd * 4 >= halves && even * 50 <= halves { return .utf16 }
        if even * 4 >= halves && odd * 50 <= halves { return .utf16 }
        return nil
    }
}
