/// The Ingest entry point: bytes or a file in, a parsed `Document` out.
///
/// Every read goes through here so that the checks every reader relies on run first:
/// a UTF-16/UTF-32 byte order mark check, a binary sniff, then strict UTF-8 validation.
/// Only validated bytes ever become a `String`, so no value is silently repaired and no
/// offset shifts.
public enum DocumentReader {
    /// Parses `bytes` as `format`.
    ///
    /// - Parameters:
    ///   - displayPath: the path named in the document and in errors (an
    ///     `InputFile.displayPath`, or `-` for stdin).
    ///   - csvDelimiter: forces CSV (RFC 4180, with quoting) with this delimiter. `nil`
    ///     means: a `.tsv` display path is TSV (tab, no quoting: cells are
    ///     `FieldEncoding.tsv`); anything else is CSV with the most frequent of `,` `;` tab
    ///     in the first record. A TSV document's `csvDelimiter` is nil, so re-reading it
    ///     with `document.csvDelimiter` under the same path reads it as TSV again.
    /// - Throws: `IngestError` for a UTF-16 or UTF-32 byte order mark or a binary file
    ///   (checked first, in that order, for every format), invalid UTF-8, or a CSV or JSON
    ///   syntax error.
    public static func read(
        bytes: [UInt8],
        displayPath: String,
        format: DocumentFormat,
        csvDelimiter: UInt8? = nil
    ) throws(IngestError) -> Document {
        let dialect = csvDelimiter.map { CSVReader.Dialect.csv(delimiter: $0) } ?? .forName(displayPath)
        return try read(bytes: bytes, displayPath: displayPath, format: format, dialect: dialect)
    }

    /// Reads and parses the file at `filePath`.
    ///
    /// - Parameters:
    ///   - displayPath: the path named in the document and errors; defaults to `filePath`.
    ///   - format: defaults to detection from `filePath`'s extension.
    public static func read(
        filePath: String,
        displayPath: String? = nil,
        format: DocumentFormat? = nil
    ) throws(IngestError) -> Document {
        let shown = displayPath ?? filePath
        let bytes = try FileSystem.readFile(atPath: filePath, displayPath: shown)
        // TSV or CSV is decided by the real file's extension, not the display path's.
        if let format { return try read(bytes: bytes, displayPath: shown, format: format, dialect: .forName(filePath)) }
        return try readDetecting(bytes: bytes, displayPath: shown, path: filePath)
    }

    /// Parses `bytes` in the format `path` names. A `.json` file that holds one JSON value per
    /// line (an export, or one object on one line) is read as JSON Lines, so its strings are
    /// fields (`{"given": "Aiko"}` is a name column) and the rewrite stays valid JSON; any
    /// other `.json` (a pretty-printed document) is read as text, as before.
    static func readDetecting(bytes: [UInt8], displayPath: String, path: String) throws(IngestError) -> Document {
        let format = DocumentFormat.detect(path: path)
        if format == .text, DocumentFormat.fileExtension(of: path) == "json" {
            do {
                return try read(bytes: bytes, displayPath: displayPath, format: .jsonLines, dialect: .forName(path))
            } catch {
                guard case .malformedJSON = error.kind else { throw error }
            }
        }
        return try read(bytes: bytes, displayPath: displayPath, format: format, dialect: .forName(path))
    }

    /// Reads and parses a file found by `InputWalker`; the document and any error are
    /// named by `file.displayPath`.
    public static func read(_ file: InputFile, format: DocumentFormat? = nil) throws(IngestError) -> Document {
        var document: Document
        if let contents = file.contents {
            if let format {
                document = try read(bytes: contents, displayPath: file.displayPath, format: format, dialect: .forName(file.path))
            } else {
                document = try readDetecting(bytes: contents, displayPath: file.displayPath, path: file.path)
            }
        } else {
            document = try read(filePath: file.path, displayPath: file.displayPath, format: format)
        }
        document.honoursInlineMarkers = file.honoursInlineMarkers
        return document
    }

    private static func read(
        bytes: [UInt8],
        displayPath: String,
        format: DocumentFormat,
        dialect: CSVReader.Dialect
    ) throws(IngestError) -> Document {
        let (records, header) = try bytes.withUnsafeBufferPointer {
            (buffer) throws(IngestError) -> ([Record], [String]) in
            // Before the binary sniff: UTF-16 text is full of NULs, and skipping it as
            // binary would let an unscanned file pass as clean.
            if let reason = ByteOrderMark.unsupportedEncoding(in: buffer) {
                throw IngestError(path: displayPath, kind: .unsupported(reason))
            }
            if DocumentFormat.looksBinary(buffer) {
                throw IngestError(path: displayPath, kind: .binaryFile)
            }
            if let offset = UTF8Validation.firstInvalidOffset(in: buffer) {
                throw IngestError(
                    path: displayPath,
                    kind: .invalidUTF8,
                    location: FileLocation(offset: offset, in: buffer)
                )
            }
            switch format {
            case .text:
                return (TextReader.records(in: buffer), [])
            case .csv:
                return try CSVReader.read(buffer, path: displayPath, dialect: dialect)
            case .jsonLines:
                return (try JSONLinesReader.records(in: buffer, path: displayPath), [])
            }
        }
        return Document(path: displayPath, format: format, bytes: bytes, records: records, header: header)
    }
}
