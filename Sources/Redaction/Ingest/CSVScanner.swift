/// Splits RFC 4180 CSV bytes, or TSV bytes, into records of raw cells, one record per call.
///
/// Strict on purpose: a stray quote or text after a closing quote is an error rather
/// than a guess, because a wrong guess moves cell boundaries and a value could escape
/// redaction. Works on an unsafe buffer and allocates only for cells that contain `""`.
/// Without `quoting` (TSV), `"` is an ordinary character and every cell is bare.
struct CSVScanner {
    /// One cell as found in the source.
    struct Cell {
        var value: String
        /// The raw cell, quotes included.
        var range: Range<Int>
        var quoted: Bool
        var sourceMap: SourceMap
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    // Safety: the buffer must outlive the scanner; readers create both inside one
    // `withUnsafeBufferPointer` call and never let the scanner escape it.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    private let delimiter: UInt8
    private let quoting: Bool
    private var position: Int
    /// The 1-based line of `position`.
    private var line = 1
    /// The most cells a record had so far: the next record's array is made that large at
    /// once instead of growing cell by cell.
    private var widest = 0

    /// `bytes` must be validated UTF-8; scanning begins at `start` (after a BOM).
    /// `quoting` false reads TSV: no quoted cells, and `"` is data.
    init(bytes: UnsafeBufferPointer<UInt8>, path: String, delimiter: UInt8, quoting: Bool = true, start: Int) {
        self.bytes = bytes
        self.path = path
        self.delimiter = delimiter
        self.quoting = quoting
        self.position = start
    }

    /// The next record's line and cells; no cells for a blank line; `nil` at the end.
    /// A final line break does not start another record.
    mutating func nextRecord() throws(IngestError) -> (line: Int, cells: [Cell])? {
        guard position < bytes.count else { return nil }
        let startLine = line
        if let length = lineBreakLength(at: position) {
            consumeLineBreak(length)
            return (startLine, [])
        }
        var cells: [Cell] = []
        cells.reserveCapacity(widest)
        while true {
            cells.append(try nextCell())
            if position == bytes.count { break }
            if bytes[position] == delimiter {
                position += 1
                continue
            }
            // A cell stops only at a delimiter, a line break or the end.
            consumeLineBreak(lineBreakLength(at: position) ?? 1)
            break
        }
        widest = max(widest, cells.count)
        return (startLine, cells)
    }

    private mutating func nextCell() throws(IngestError) -> Cell {
        if quoting && position < bytes.count && bytes[position] == Self.quote { return try quotedCell() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == delimiter || lineBreakLength(at: position) != nil { break }
            if quoting && byte == Self.quote { throw error(.csvStrayQuote, at: position, line: line) }
            position += 1
        }
        return Cell(
            value: string(start..<position),
            range: start..<position,
            quoted: false,
            sourceMap: SourceMap(sourceStart: start)
        )
    }

    private mutating func quotedCell() throws(IngestError) -> Cell {
        let open = position
        let openLine = line
        position += 1
        var sourceMap = SourceMap(sourceStart: position)
        // Built only when the cell holds a `""`; otherwise the value is a plain slice.
        var unescaped: [UInt8] = []
        var hasEscape = false
        var chunkStart = position
        while true {
            guard position < bytes.count else {
                throw error(.csvUnterminatedQuote, at: open, line: openLine)
            }
            let byte = bytes[position]
            if byte != Self.quote {
                if byte == Self.lf { line += 1 }
                position += 1
                continue
            }
            guard position + 1 < bytes.count, bytes[position + 1] == Self.quote else { break }
            // `""`: keep one quote, then map the next value byte past both source quotes.
            unescaped.append(contentsOf: bytes[chunkStart...position])
            hasEscape = true
            position += 2
            chunkStart = position
            sourceMap.addAnchor(value: unescaped.count, source: position)
        }
        let value: String
        if hasEscape {
            unescaped.append(contentsOf: bytes[chunkStart..<position])
            value = String(decoding: unescaped, as: UTF8.self)
        } else {
            value = string(open + 1..<position)
        }
        position += 1  // the closing quote
        if position < bytes.count && bytes[position] != delimiter && lineBreakLength(at: position) == nil {
            throw error(.csvGarbageAfterQuote, at: position, line: line)
        }
        return Cell(value: value, range: open..<position, quoted: true, sourceMap: sourceMap)
    }

    /// 1 for LF, 2 for CRLF, `nil` otherwise. A lone CR is data, not a line break.
    private func lineBreakLength(at index: Int) -> Int? {
        switch bytes[index] {
        case Self.lf: 1
        case Self.cr where index + 1 < bytes.count && bytes[index + 1] == Self.lf: 2
        default: nil
        }
    }

    private mutating func consumeLineBreak(_ length: Int) {
        position += length
        line += 1
    }

    /// Decodes validated bytes; slices of validated UTF-8 cut at ASCII bytes stay valid.
    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func error(_ kind: IngestError.Kind, at offset: Int, line: Int) -> IngestError {
        IngestError(path: path, kind: kind, location: FileLocation(offset: offset, line: line))
    }
}
