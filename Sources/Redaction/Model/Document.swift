/// The file formats Redact reads and writes.
public enum DocumentFormat: String, Sendable, Codable {
    case text
    case csv
    case jsonLines = "jsonl"
}

/// One record of a document: a CSV data row, a JSON Lines line, or a whole text file.
public struct Record: Sendable, Equatable {
    /// The data row of a CSV (1-based; 0 is the header row and any title row above it), the line
    /// of a JSON Lines file, 1 for text.
    public var number: Int
    /// 1-based line in the file where the record starts.
    public var line: Int
    public var fields: [Field]

    public init(number: Int, line: Int, fields: [Field]) {
        self.number = number
        self.line = line
        self.fields = fields
    }
}

/// A parsed input file: its original bytes and the records found in them.
///
/// Keeping the bytes lets the rewriter change only the fields that hold findings and
/// copy every other byte (delimiters, quoting, line endings, BOM) unchanged.
public struct Document: Sendable {
    /// The path shown in reports: relative to the INPUT directory, or `-` for stdin.
    public var path: String
    public var format: DocumentFormat
    /// The whole file as read.
    public var bytes: [UInt8]
    public var records: [Record]
    /// CSV: the header row's cell values; empty for other formats.
    public var header: [String]
    /// Whether its `redact:allow` markers may be honoured (`InputFile.honoursInlineMarkers`).
    public var honoursInlineMarkers = true

    public init(path: String, format: DocumentFormat, bytes: [UInt8], records: [Record], header: [String] = []) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.records = records
        self.header = header
    }
}

extension Document {
    /// Whether `records[index]` is a CSV/TSV header row: the last record 0 (a title above
    /// the header is a record 0 too, before it).
    public func isHeaderRecord(_ index: Int) -> Bool {
        records[index].number == 0 && (index + 1 == records.count || records[index + 1].number != 0)
    }

    /// The delimiter of a CSV document, read from its first cell; nil for other formats,
    /// TSV included (a TSV file is recognised again by its `.tsv` path).
    public var csvDelimiter: UInt8? {
        for record in records {
            for field in record.fields {
                if case .csv(_, let delimiter) = field.encoding { return delimiter }
            }
        }
        return nil
    }
}
