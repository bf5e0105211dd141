/// Choosing a reader from a file's name, and telling text from binary.
extension DocumentFormat {
    /// The format for a file name or path, by its extension, case-insensitively:
    /// `.csv` and `.tsv` are CSV, `.jsonl` and `.ndjson` are JSON Lines, anything else is
    /// text. Whether "text" really is text is decided later, from the bytes
    /// (`looksBinary`, then UTF-8 validation).
    public static func detect(path: String) -> DocumentFormat {
        switch fileExtension(of: path) {
        case "csv", "tsv": .csv
        case "jsonl", "ndjson": .jsonLines
        default: .text
        }
    }

    /// The delimiter a file name forces on a CSV reader: tab for `.tsv`, otherwise `nil`
    /// (detect it from the first record). A `.tsv` file is also read without quoting
    /// (IANA text/tab-separated-values has none), so its cells are `FieldEncoding.tsv`.
    public static func forcedDelimiter(path: String) -> UInt8? {
        fileExtension(of: path) == "tsv" ? UInt8(ascii: "\t") : nil
    }

    /// How many leading bytes `looksBinary` inspects.
    public static let binarySniffLength = 8 * 1024

    /// True when a NUL byte occurs in the first 8 KiB — the heuristic git and ripgrep use.
    /// UTF-8 text never needs NUL, while almost every binary format has one early.
    public static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.prefix(binarySniffLength).contains(0)
    }

    /// The lowercased extension of the last path component, or "" when there is none.
    /// A leading dot alone (`.env`) is a hidden-file marker, not an extension.
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
