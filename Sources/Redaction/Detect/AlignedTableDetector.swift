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
    /// Judges whether a header cell reads like a name (then the line is data, not a header)
    /// and whether a person column's cells do.
    let names: any NameEvidence

    /// Cells a line needs to be a table row.
    static let minimumCells = 3
    /// Data rows a block needs.
    static let minimumRows = 2
    /// Share of a column's cells that must look like the entity its header names: a header
    /// alone does not make `NAME  READY  STATUS` a roster of persons.
    static let agreement = 0.8

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
                // The header is judged first, so a long block of rows under no known header
                // costs one look per row, not a scan of the block from each of them.
                guard let header = rows[index], header.count >= Self.minimumCells,
                      let headers = headerNames(bytes, header) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < rows.count, let row = rows[end], row.count == header.count { end += 1 }
                guard end - index - 1 >= Self.minimumRows else {
                    index += 1
                    continue
                }
                result += table(bytes, rows[index..<end].compactMap { $0 }, headers: headers, field: field)
                index = end
            }
            return result
        }
    }

    /// The names a header line gives its columns, or nil when it is no header: no cell names a
    /// column `columns.yaml` knows, or a cell holds a digit or reads like a person's name (a
    /// table turned sideways, `Name  Maria Gonzalez  John Smith`, is data). A cell that names
    /// an entity is called by the synonym it matched, so the reasons quote the vocabulary.
    private func headerNames(_ bytes: UnsafeBufferPointer<UInt8>, _ header: Row) -> [String]? {
        let cells = header.map { Self.string(bytes, $0) }
        let known = cells.map { columns.columns.meaning(ofHeader: $0) != nil }
        guard known.contains(true) else { return nil }
        for (cell, isKnown) in zip(cells, known) where !isKnown {
            if cell.unicodeScalars.contains(where: { $0.properties.numericType != nil && $0.value < 0x80 }) || cell.contains("@") {
                return nil
            }
            // Two Han characters have a name's shape (`性别`, `拼音`): only the lexicons can say one is.
            let likelihood = names.isLikelyName(cell[...])
            if likelihood == .lexicon || likelihood == .shape && !cell.unicodeScalars.contains(where: NameShape.isHan) {
                return nil
            }
        }
        return cells.map { columns.columns.synonym(ofHeader: $0) ?? $0 }
    }

    /// The findings of one block (header first), each column kept only when its cells agree
    /// with the entity found for it.
    private func table(_ bytes: UnsafeBufferPointer<UInt8>, _ block: [Row], headers: [String], field: FieldRef) -> [Finding] {
        var records: [Record] = []
        for (rowIndex, row) in block.enumerated() {
            let fields = row.enumerated().map { column, range in
                Field(path: headers[column], value: Self.string(bytes, range), sourceRange: range,
                      encoding: .csv(quoted: false, delimiter: 0x2C), sourceMap: SourceMap(sourceStart: range.lowerBound))
            }
            records.append(Record(number: rowIndex, line: rowIndex + 1, fields: fields))
        }
        let table = Document(path: "", format: .csv, bytes: [], records: records, header: headers)
        let found = columns.findings(in: table)
        let byColumn = Dictionary(grouping: found) { $0.field.field }
        var result: [Finding] = []
        for (column, findings) in byColumn {
            let entity = findings[0].entity
            let cells = block.dropFirst().map { Self.string(bytes, $0[column]) }
            let agreeing = cells.count { looks(like: entity, $0) }
            guard Double(agreeing) >= Self.agreement * Double(cells.count) else { continue }
            for finding in findings {
                var mapped = finding
                let cell = block[finding.field.record][finding.field.field]
                mapped.span = ByteSpan(cell.lowerBound + finding.span.lower, cell.lowerBound + finding.span.upper)
                mapped.field = field
                result.append(mapped)
            }
        }
        return result.sorted { $0.span < $1.span }
    }

    /// Whether a cell has the form of `entity`'s values: a name, a number with digits, an
    /// address with a digit or a capital, an e-mail address.
    private func looks(like entity: EntityKind, _ cell: String) -> Bool {
        let digits = cell.utf8.count { $0 >= 0x30 && $0 <= 0x39 }
        switch entity {
        case .person: return digits == 0 && names.isLikelyName(cell[...]) >= .shape
        case .dateOfBirth: return digits >= 2
        case .phoneNumber: return digits >= 6
        case .passportNumber, .nationalID: return digits >= 3
        case .emailAddress: return cell.contains("@")
        case .address: return digits > 0 || cell.unicodeScalars.contains { $0.properties.isUppercase || NameShape.isHan($0) }
        default: return true
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
