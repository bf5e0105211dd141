/// Reads a plain text file as one record holding one field: the whole text.
///
/// One field rather than one per line because personal data spans lines (a postal
/// address); detectors see the text as written, CRLF line ends included.
enum TextReader {
    /// The single record of a text file. `bytes` must already be validated UTF-8.
    static func records(in bytes: UnsafeBufferPointer<UInt8>) -> [Record] {
        let start = ByteOrderMark.length(in: bytes)
        // Validated before this call, so decoding repairs nothing.
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        let field = Field(
            path: "",
            value: value,
            sourceRange: start..<bytes.count,
            encoding: .verbatim,
            sourceMap: SourceMap(sourceStart: start)
        )
        return [Record(number: 1, line: 1, fields: [field])]
    }
}
