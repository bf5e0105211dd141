/// Reads a JSON Lines file: each non-blank line is one JSON value and one record.
///
/// Any JSON value is accepted on a line, a bare string or number included (it is legal
/// JSON, and such a line can still hold personal data). The record number is the line
/// number, so blank lines leave gaps rather than renumbering what follows.
enum JSONLinesReader {
    /// One record per non-blank line. `bytes` must be validated UTF-8.
    static func records(in bytes: UnsafeBufferPointer<UInt8>, path: String) throws(IngestError) -> [Record] {
        var records: [Record] = []
        var lineStart = ByteOrderMark.length(in: bytes)
        var lineNumber = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            // JSON treats the CR of a CRLF as whitespace; the parser sees it and skips it.
            if !isBlank(bytes, lineStart..<lineEnd) {
                var parser = JSONRecordParser(bytes: bytes, range: lineStart..<lineEnd, path: path, line: lineNumber)
                let fields = try parser.parse()
                records.append(Record(number: lineNumber, line: lineNumber, fields: fields))
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return records
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { JSONRecordParser.isWhitespace(bytes[$0]) }
    }
}
