/// One input file processed by a run, as recorded in the `document` table.
public struct AuditDocument: Sendable, Equatable {
    /// The path as reported (relative to the input directory, or `-` for stdin).
    public var path: String
    /// `text`, `csv`, `jsonl`.
    public var format: String
    /// SHA-256 (hex) of the input bytes.
    public var inputSHA256: String
    /// SHA-256 (hex) of the bytes written; nil when nothing was written.
    public var outputSHA256: String?
    public var outputPath: String?
    /// `redacted`, `unchanged`, `failed` or `skipped`.
    public var status: String
    /// What went wrong, for a failed document. Must not quote input text.
    public var error: String?
    public var records: Int
    public var bytes: Int

    public init(
        path: String, format: String, inputSHA256: String, outputSHA256: String? = nil,
        outputPath: String? = nil, status: String, error: String? = nil, records: Int, bytes: Int
    ) {
        self.path = path
        self.format = format
        self.inputSHA256 = inputSHA256
        self.outputSHA256 = outputSHA256
        self.outputPath = outputPath
        self.status = status
        self.error = error
        self.records = records
        self.bytes = bytes
    }
}
