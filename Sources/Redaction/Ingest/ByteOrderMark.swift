/// The UTF-8 byte order mark (EF BB BF) some editors put at the start of a file.
///
/// Readers keep it out of every field value, so detectors never see U+FEFF and the
/// rewriter copies it back untouched as part of the bytes between fields.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 if `buffer` starts with the BOM, else 0: where the content begins.
    static func length(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.starts(with: bytes) ? bytes.count : 0
    }
}
