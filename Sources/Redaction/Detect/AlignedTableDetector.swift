/// Reads a table laid out with spaces inside text — a register printed to a text file, a PDF
/// converted to text, a roster pasted into an e-mail — as the table it is:
///
///     序号  姓名    拼音            性别  出生日期
///     01   苏建明  SU JIANMING     男   1962.03.15
///     02   李华    LI HUA          女   1975.04.02
///
/// A block of lines whose cells are separated by two spaces or more (or tabs), whose first
/// line is a header naming at least one column `columns.yaml` knows, and whose next lines have
/// as many cells, is handed to the same `ColumnDetector` a CSV file goes through: header,
/// value profile and roster decide each column, and the reasons say so. The findings come back
/// as spans of the text field.
///
/// A line with a different number of cells (an empty cell, a note under the table) ends the
/// block; a block needs two rows. Prose never has two spaces between three runs of words on
/// three lines in a row with a header the vocabulary knows.
struct AlignedTableDetector {
    let columns: ColumnDetector

    /// Cells a line needs to be a table row.
    static let minimumCells = 3
    /// Data rows a block needs.
    static let minimumRows = 2

    /// One line's cells: byte ranges of the field value.
    private typealias Row = [Range<Int>]

    /// Findings for the aligned tables in `value`, as spans of `field`.
    func findings(in value: String, field: FieldRef) -> [Finding] {
        var text = value
        return text.withUTF8 { bytes -> [Finding] in
            guard Self.hasDoubleSpace(bytes) else { return [] }
            let rows = Self.rows(bytes)
            var result: [Finding] = []
            var index = 0
            while index < rows.count {
                guard let header = rows[index], header.count >= Self.minimumCells else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < rows.count, let row = rows[end], row.count == header.count { end += 1 }
                if end - index - 1 >= Self.minimumRows, let found = table(bytes, rows[index..<end].compactMap { $0 }, field: field) {
                    result += found
                    index = end
                } else {
                    index += 1
                }
            }
            return result
        }
    }

    /// The findings of one block (header first), or nil when its header names nothing known.
    private func table(_ bytes: UnsafeBufferPointer<UInt8>, _ block: [Row], field: FieldRef) -> [Finding]? {
        let headers = block[0].map { Self.string(bytes, $0) }
        // A header is words: a row of values (digits in every cell) is not one.
        guard headers.contains(where: { columns.columns.meaning(ofHeader: $0) != nil }),
              !headers.contains(where: { $0.unicodeScalars.contains { $0.properties.numericType != nil && $0.value < 0x80 } })
        else { return nil }
        var records: [Record] = []
        for (rowIndex, row) in block.enumerated() {
            let fields = row.enumerated().map { column, range in
                Field(path: headers[column], value: Self.string(bytes, range), sourceRange: range,
                      encoding: .csv(quoted: false, delimiter: 0x2C), sourceMap: SourceMap(sourceStart: range.lowerBound))
            }
            records.append(Record(number: rowIndex, line: rowIndex + 1, fields: fields))
        }
        let table = Document(path: "", format: .csv, bytes: [], records: records, header: headers)
        return columns.findings(in: table).map { found in
            var finding = found
            let cell = block[found.field.record][found.field.field]
            finding.span = ByteSpan(cell.lowerBound + found.span.lower, cell.lowerBound + found.span.upper)
            finding.field = field
            return finding
        }
    }

    private static func hasDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x09 || (byte == 0x20 && previous == 0x20) { return true }
            previous = byte
        }
        return false
    }

    /// Each line's cells, or nil for a line with fewer than two.
    private static func rows(_ bytes: UnsafeBufferPointer<UInt8>) -> [Row?] {
        var rows: [Row?] = []
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            let cells = cells(bytes, lineStart, end)
            rows.append(cells.count >= 2 ? cells : nil)
            lineStart = lineEnd + 1
        }
        return rows
    }

    /// The cells of one line: text between runs of two spaces or more, or tabs.
    private static func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Row {
        var cells: Row = []
        var index = start
        while index < end {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < end else { break }
            let cellStart = index
            var cellEnd = index
            while index < end {
                let byte = bytes[index]
                if byte == 0x09 { break }
                if byte == 0x20, index + 1 < end, bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 { break }
                if byte == 0x20, index + 1 == end { break }
                index += 1
                cellEnd = index
            }
            cells.append(cellStart..<cellEnd)
        }
        return cells
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
