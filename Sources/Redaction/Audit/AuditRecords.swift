/// A `run` row as ``AuditQuery`` returns it.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var toolVersion: String
    public var command: String
    public var argv: [String]
    public var rulesDigest: String
    public var policyDigest: String
    public var policyName: String
    /// Which HMAC key the run's `value_hmac`s are under (a public name, not the key).
    public var keyID: String
    /// ISO 8601 UTC.
    public var startedAt: String
    public var endedAt: String?
    /// `running`, `ok`, `errors` or `aborted`.
    public var status: String?
    public var documents: Int?
    public var decisions: Int?
    public var errors: Int?
    /// The manifest blob: every rule, policy and list file the run read, with its SHA-256.
    public var manifestSHA256: String?
    /// The review file blob, for a run with `--review`.
    public var reviewSHA256: String?
    /// The hash of the run's `run_end` chain entry: what `redact run` printed as its head.
    public var head: String?
}

/// A `document` row as ``AuditQuery`` returns it: the ``AuditDocument`` that was written,
/// with its ids. Its fields read directly (`record.path`, `record.status`).
@dynamicMemberLookup
public struct DocumentRecord: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var document: AuditDocument

    public subscript<Value>(dynamicMember field: KeyPath<AuditDocument, Value>) -> Value { document[keyPath: field] }
}

/// One decision with where it is and, when a reviewer changed it, the override.
public struct DecisionRecord: Sendable, Equatable {
    public var id: Int64
    public var documentID: Int64
    public var runID: Int64
    /// The document's path.
    public var path: String
    /// Record, field, input offsets (`start`/`end` code points, `line`/`column`), output
    /// offsets (`outputStart`/`outputEnd`, code points into the output field), rule,
    /// entity, confidence, verdict, reason, operator, value HMAC and evidence.
    public var decision: AuditDecision
    public var override: AuditOverride?
}

/// One line of `redact audit summary`: how many decisions of one kind a document got.
public struct SummaryRow: Sendable, Equatable {
    public var runID: Int64
    public var documentID: Int64
    public var path: String
    public var entity: String
    public var verdict: String
    /// "" for kept findings.
    public var `operator`: String
    public var count: Int
}
