/// Reads a CSV or TSV file: the header row, then one record per data row.
///
/// The header is `Document.header` and also record number 0 (cell paths `#1`, `#2`, …),
/// because many files have no header and their first row is data — possibly personal
/// data — so it is scanned like any other. A title above the header (`HeaderRow`) is a
/// record number 0 too, before it. Blank lines are not records.
enum CSVReader {
    /// Which rules split the cells.
    enum Dialect: Equatable {
        /// RFC 4180 CSV with this delimiter, or the detected one when nil.
        case csv(delimiter: UInt8?)
        /// IANA text/tab-separated-values: tab-delimited, no quoting (`"` is data).
        case tsv

        /// TSV for a `.tsv` name (any case), otherwise CSV with a detected delimiter.
        static func forName(_ path: String) -> Dialect {
            DocumentFormat.forcedDelimiter(path: path) == nil ? .csv(delimiter: nil) : .tsv
        }
    }

    /// The delimiters tried when the file name does not force one, in tie-break order.
    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// Records (header first, as number 0) and the trimmed header names.
    /// `bytes` must be validated UTF-8.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        path: String,
        dialect: Dialect
    ) throws(IngestError) -> (records: [Record], header: [String]) {
        if dialect == .tsv, let quoted = quotedTabSeparated(bytes, path: path) { return quoted }
        let start = ByteOrderMark.length(in: bytes)
        let delimiter: UInt8
        let encoding: (CSVScanner.Cell) -> FieldEncoding
        switch dialect {
        case .csv(let forced):
            let chosen = forced ?? detectDelimiter(in: bytes, from: start)
            delimiter = chosen
            encoding = { .csv(quoted: $0.quoted, delimiter: chosen) }
        case .tsv:
            delimiter = UInt8(ascii: "\t")
            encoding = { _ in .tsv }
        }
        var scanner = CSVScanner(bytes: bytes, path: path, delimiter: delimiter, quoting: dialect != .tsv, start: start)
        var rows: [(line: Int, cells: [CSVScanner.Cell])] = []
        while let (line, cells) = try scanner.nextRecord() {
            if cells.isEmpty { continue }
            rows.append((line, cells))
        }
        let headerIndex = HeaderRow.index(filled: rows.prefix(HeaderRow.sampleRows).map { row in
            row.cells.count { !trimmed($0.value).isEmpty }
        })
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        var header: [String]?
        var number = 0
        for (index, (line, cells)) in rows.enumerated() {
            // Rows above the header (a title) and the header itself are record 0: not data
            // rows of any column, scanned like text.
            guard index > headerIndex, let names = header else {
                if index == headerIndex { header = cells.map { trimmed($0.value) } }
                let fields = cells.enumerated().map { column, cell in
                    field(cell, path: "#\(column + 1)", encoding: encoding(cell))
                }
                records.append(Record(number: 0, line: line, fields: fields))
                continue
            }
            number += 1
            let fields = cells.enumerated().map { column, cell in
                let name = column < names.count ? names[column] : ""
                return field(cell, path: name.isEmpty ? "#\(column + 1)" : name, encoding: encoding(cell))
            }
            records.append(Record(number: number, line: line, fields: fields))
        }
        return (records, header ?? [])
    }

    /// A `.tsv` file written with CSV quoting, as Excel ("Unicode Text") and Python's `csv`
    /// module write tab-separated files: a cell holding a line break, a tab or a quote is
    /// wrapped in `"`. Read as IANA TSV, such a cell's second line would become a row of its
    /// own and every column after it would shift — names under the wrong header. So a `.tsv`
    /// file that holds a quote is read as tab-delimited CSV when all of it parses so (strictly:
    /// a stray quote anywhere means it is not quoted) and some cell is quoted; otherwise it is
    /// TSV, where `"` is data. Its cells are then CSV cells with a tab delimiter, which the
    /// rewriter quotes as CSV and a re-read (`Document.csvDelimiter`) reads the same way.
    static func quotedTabSeparated(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> (records: [Record], header: [String])? {
        guard bytes.contains(UInt8(ascii: "\"")),
              let parsed = try? read(bytes, path: path, dialect: .csv(delimiter: UInt8(ascii: "\t"))) else { return nil }
        let hasQuotedCell = parsed.records.contains { record in
            record.fields.contains { if case .csv(quoted: true, _) = $0.encoding { true } else { false } }
        }
        return hasQuotedCell ? parsed : nil
    }

    /// The candidate delimiter that occurs most often outside quotes in the first
    /// non-blank record that holds any candidate (a title line above the header holds none,
    /// and says nothing about the delimiter); ties go to the earlier candidate, and none at
    /// all in the first `HeaderRow.maximumPreamble + 1` lines means comma.
    static func detectDelimiter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var counts = [0, 0, 0]
        var inQuotes = false
        var index = start
        var linesLeft = HeaderRow.maximumPreamble + 1
        var lineHasContent = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()  // `""` toggles twice: still inside
                lineHasContent = true
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    // Blank lines say nothing and are not counted.
                    guard lineHasContent else { continue }
                    if counts.contains(where: { $0 > 0 }) { break }
                    linesLeft -= 1
                    if linesLeft == 0 { break }
                    lineHasContent = false
                    continue
                }
                lineHasContent = true
                if let slot = candidateDelimiters.firstIndex(of: byte) { counts[slot] += 1 }
            }
        }
        var best = 0
        for slot in counts.indices where counts[slot] > counts[best] { best = slot }
        return candidateDelimiters[best]
    }

    /// The value without leading and trailing whitespace (Unicode's definition).
    static func trimmed(_ value: String) -> String {
        guard let first = value.firstIndex(where: { !$0.isWhitespace }),
              let last = value.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(value[first...last])
    }

    private static func field(_ cell: CSVScanner.Cell, path: String, encoding: FieldEncoding) -> Field {
        Field(
            path: path,
            value: cell.value,
            sourceRange: cell.range,
            encoding: encoding,
            sourceMap: cell.sourceMap
        )
    }
}
