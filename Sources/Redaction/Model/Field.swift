/// One unit of text that detectors scan: the whole of a text file, a CSV or TSV cell, or a
/// string or number leaf or an object key of a JSON record.
public struct Field: Sendable, Equatable {
    /// Where the field sits in its record: `""` for a text file, the column header for CSV
    /// (`#3` when the file has no header name for it), a JSON Pointer for JSON Lines (for a
    /// `.jsonKey` field, the pointer of the object that holds the key, not of the key).
    public var path: String
    /// The decoded value: CSV quotes and JSON escapes undone. Always valid UTF-8.
    public var value: String
    /// The field's raw bytes in the source file, quotes included.
    public var sourceRange: Range<Int>
    /// How the value is written in the source, so a replacement is written back the same way.
    public var encoding: FieldEncoding
    /// Maps byte offsets in `value` to byte offsets in the source file.
    public var sourceMap: SourceMap

    public init(path: String, value: String, sourceRange: Range<Int>, encoding: FieldEncoding, sourceMap: SourceMap) {
        self.path = path
        self.value = value
        self.sourceRange = sourceRange
        self.encoding = encoding
        self.sourceMap = sourceMap
    }
}

/// How a field's value is written in its source file.
public enum FieldEncoding: Sendable, Equatable {
    /// The value's bytes are the source bytes (plain text).
    case verbatim
    /// A CSV cell; `quoted` cells are wrapped in `"` with inner quotes doubled.
    case csv(quoted: Bool, delimiter: UInt8)
    /// A cell of a `.tsv` file (IANA text/tab-separated-values): tab-delimited and never
    /// quoted, so `"` is an ordinary character. TSV has no way to write a tab or line
    /// break inside a cell; a replacement holding one is written with a space instead.
    case tsv
    /// A JSON string literal, quotes included in the source range.
    case jsonString
    /// A bare JSON number. A changed number is written back as a JSON string, because a
    /// replacement such as `[PHONE_NUMBER]` is not a number.
    case jsonNumber
    /// A JSON object key; Redact scans keys but never rewrites them: a document whose key
    /// holds personal data is refused, because the key also appears in the JSON Pointers
    /// of everything under it. Quotes are included in the source range, as for `.jsonString`.
    case jsonKey
}
