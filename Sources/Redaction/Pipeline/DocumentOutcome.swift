/// Everything the pipeline decided about one document, and its redacted bytes.
public struct DocumentOutcome: Sendable {
    public var document: Document
    /// One decision per finding, grouped by field in document order.
    public var decisions: [Decision]
    /// The redacted file (equal to the input bytes when nothing was redacted); nil when the
    /// document failed, or for a scan, which rewrites nothing.
    public var output: [UInt8]?
    /// Why no output may be written although the decisions are known (verification found
    /// a residue, the rewrite did not parse again). The decisions are still worth recording.
    public var failure: PipelineError?
    /// Parallel to `decisions` when there is an output: where each decision sits in its
    /// output field's value, in Unicode code points (see `AuditDecision.outputStart`);
    /// nil for a field the output dropped. Empty without an output.
    public var outputSpans: [Range<Int>?] = []

    public var redactionCount: Int { decisions.count(where: \.isRedaction) }
}

/// Why the pipeline refused to produce output for one document. Names the place, never
/// the value.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// A rule hit a PCRE2 match or stack limit while scanning.
    case matchLimit(file: String, record: Int, field: String, rule: String, message: String)
    /// The verifier re-scanned the output and still found personal data to redact.
    case residualFinding(file: String, record: Int, field: String, rule: String, entity: EntityKind)
    /// The rewritten output no longer parses as its format (a bug; nothing is written).
    case outputUnreadable(file: String, reason: String)
    /// A JSON object key holds personal data. Keys are not rewritten (they also appear in
    /// the JSON Pointer of everything under them), so the document is refused.
    case personalDataInKey(file: String, record: Int, object: String, entity: EntityKind)

    public var description: String {
        switch self {
        case .matchLimit(let file, let record, let field, let rule, let message):
            "\(file): record \(record)\(Self.describe(field)): rule \(rule) \(message); the document was not processed"
        case .residualFinding(let file, let record, let field, let rule, let entity):
            "\(file): record \(record)\(Self.describe(field)): verification found \(entity) (rule \(rule)) in the redacted output; nothing was written for this file"
        case .personalDataInKey(let file, let record, let object, let entity):
            "\(file): record \(record): an object key in \(object.isEmpty ? "the top-level object" : object) holds personal data (\(entity)); Redact does not rewrite keys, so nothing was written for this file"
        case .outputUnreadable(let file, let reason):
            "\(file): the redacted output did not parse again (\(reason)); nothing was written for this file"
        }
    }

    private static func describe(_ field: String) -> String { field.isEmpty ? "" : ", field \(field)" }
}
