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
        return nil
    }
}
