/// The Ingest entry point: bytes or a file in, a parsed `Document` out.
///
/// Every read goes through here so that the checks every reader relies on run first:
/// a binary sniff, then strict UTF-8 validation. Only validated bytes ever become a
/// `String`, so no value is silently repaired and no offset shifts.
public enum DocumentReader {
    /// Parses `bytes` as `format`.
    ///
    /// - Parameters:
    ///   - displayPath: the path named in the document and in errors (relative to the
    ///     input directory, or `-` for stdin).
    ///   - csvDelimiter: forces a CSV delimiter; `nil` means tab for a `.tsv` display
    ///     path, otherwise the most frequent of `,` `;` tab in the first record.
    /// - Throws: `IngestError` for a binary file (checked first, for every format),
    ///   invalid UTF-8, or a CSV or JSON syntax error.
    public static func read(
        bytes: [UInt8],
        displayPath: String,
        format: DocumentFormat,
        csvDelimiter: UInt8? = nil
    ) throws(IngestError) -> Document {
        let (records, header) = try bytes.withUnsafeBufferPointer {
            (buffer) throws(IngestError) -> ([Record], [String]) in
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
                let delimiter = csvDelimiter ?? DocumentFormat.forcedDelimiter(path: displayPath)
                return try CSVReader.read(buffer, path: displayPath, delimiter: delimiter)
            case .jsonLines:
                return (try JSONLinesReader.records(in: buffer, path: displayPath), [])
            }
        }
        return Document(path: displayPath, format: format, bytes: bytes, records: records, header: header)
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
        let format = format ?? DocumentFormat.detect(path: filePath)
        // The delimiter is forced by the real file's extension, not the display path's.
        return try read(
            bytes: bytes,
            displayPath: shown,
            format: format,
            csvDelimiter: DocumentFormat.forcedDelimiter(path: filePath)
        )
    }

    /// Reads and parses a file found by `InputWalker`.
    public static func read(_ file: InputFile, format: DocumentFormat? = nil) throws(IngestError) -> Document {
        try read(filePath: file.path, displayPath: file.relativePath, format: format)
    }
}
