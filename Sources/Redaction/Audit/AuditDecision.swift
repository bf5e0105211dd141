/// One decision about one finding, as recorded in the `decision` table.
///
/// Never the matched value: only its keyed hash, so equal values can be correlated across
/// documents and runs without a low-entropy value (a birthday) being recoverable.
public struct AuditDecision: Sendable, Equatable {
    /// 1-based record number in the document.
    public var record: Int
    /// The field path: "" for a text file, the column name for CSV, a JSON Pointer for JSONL.
    public var field: String
    /// Unicode code point offsets in the file, end exclusive.
    public var start: Int
    public var end: Int
    /// UTF-8 byte offsets in the file, end exclusive.
    public var byteStart: Int
    public var byteEnd: Int
    public var rule: String
    public var entity: String
    /// `low`, `medium`, `high`.
    public var confidence: String
    /// `redact` or `keep`.
    public var verdict: String
    /// Why: the operator applied, or the keep reason (`below_threshold`, `allow_listed`, …).
    public var reason: String
    /// The operator for a `redact` verdict; nil for `keep`.
    public var `operator`: String?
    /// HMAC-SHA256 of the value, 64 lowercase hex characters.
    public var valueHMAC: String
    /// A JSON object describing how the finding was made (pattern, context word, validator);
    /// no values.
    public var evidence: String
    /// 1-based line and column (in Unicode code points) of `start` in the input file; nil
    /// in rows written before schema 3.
    public var line: Int?
    public var column: Int?
    /// Where the decision sits in the *output* field's value, in Unicode code points, end
    /// exclusive: for a redaction, where its replacement landed (empty for `remove`); for
    /// a kept finding, where its unchanged text now sits, or the replacement that covers it
    /// (`covered:` reasons). Nil when the field has no output (the document failed, the
    /// field was dropped, or the row predates schema 3). The output field is the value of
    /// record `record`, field `field` of the output file read with the document's format:
    /// for a text file the whole text after any BOM; for CSV the unquoted cell; for JSON
    /// Lines the decoded string.
    public var outputStart: Int?
    public var outputEnd: Int?

    public init(
        record: Int, field: String, start: Int, end: Int, byteStart: Int, byteEnd: Int,
        rule: String, entity: String, confidence: String, verdict: String, reason: String,
        operator: String?, valueHMAC: String, evidence: String, line: Int? = nil, column: Int? = nil,
        outputStart: Int? = nil, outputEnd: Int? = nil
    ) {
        self.line = line
        self.column = column
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.record = record
        self.field = field
        self.start = start
        self.end = end
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.rule = rule
        self.entity = entity
        self.confidence = confidence
        self.verdict = verdict
        self.reason = reason
        self.operator = `operator`
        self.valueHMAC = valueHMAC
        self.evidence = evidence
    }
}
