/// What happened to one input file in a run or a scan.
public struct FileResult: Sendable {
    /// The file's fate.
    public enum Status: Sendable, Equatable {
        /// Processed; for `run`, the output was written.
        case processed
        /// Not a document Redact reads (a binary file); reported, not an error.
        case skipped(reason: String)
        /// Could not be processed; no output was written for it.
        case failed(message: String)
    }

    /// Path relative to its INPUT directory (its name for a file argument): where `run`
    /// writes it under `--out`.
    public var relativePath: String
    /// The path reports show: relative to its INPUT directory, or the argument as given
    /// for a file argument (two `README.md` arguments stay distinguishable).
    public var displayPath: String
    /// Path as found on disk.
    public var inputPath: String
    public var format: DocumentFormat?
    public var status: Status
    /// For `run`: SHA-256 of the input's bytes, for the audit log; nil for scans.
    public var inputSHA256: String?
    public var inputBytes: Int
    public var records: Int
    public var decisions: [LocatedDecision]
    /// For `run`: keyed fingerprints of each decision's value, parallel to `decisions`.
    public var valueHMACs: [String]
    public var outputPath: String?
    public var outputSHA256: String?
    /// For `run`: the redacted copy, written but not yet renamed into place.
    public var stagedOutput: AtomicFileWriter.StagedFile?
    /// For `run --dry-run`: a masked preview of each decision's value (`ValuePreview`),
    /// parallel to `decisions`; empty otherwise.
    public var previews: [String] = []
    /// For scans with a key (`--baseline`, SARIF): `FindingFingerprint`s of each decision,
    /// parallel to `decisions`; empty otherwise.
    public var findingFingerprints: [String] = []

    public var redactions: Int { decisions.count(where: \.decision.isRedaction) }
    /// How many findings were kept; `decisions` lists them only when they were located.
    public var keptCount = 0

    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }
}
