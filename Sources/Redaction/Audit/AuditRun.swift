import Foundation

/// One invocation of Redact, as recorded in the `run` table when it starts.
///
/// Plain strings, not pipeline types, so the audit layer depends on nothing else in the
/// pipeline; the caller maps its own types onto these fields.
public struct AuditRun: Sendable, Equatable {
    public var toolVersion: String
    /// The subcommand (`run`, `scan`).
    public var command: String
    /// The full argument vector; stored as a JSON array.
    public var argv: [String]
    /// SHA-256 (hex) of the rule set and of the policy in force.
    public var rulesDigest: String
    public var policyDigest: String
    public var policyName: String
    /// Identifies the HMAC key behind `value_hmac` without revealing it.
    public var keyID: String
    /// Stored as ISO 8601 UTC with milliseconds, so sub-millisecond precision is dropped.
    public var startedAt: Date
    /// The `blob` listing every rule, policy and list file the run read, with its SHA-256.
    public var manifest: String?
    /// The review file applied with `run --review`, stored as a `blob`; nil without one.
    public var review: String?

    public init(
        toolVersion: String, command: String, argv: [String], rulesDigest: String,
        policyDigest: String, policyName: String, keyID: String, startedAt: Date,
        manifest: String? = nil, review: String? = nil
    ) {
        self.manifest = manifest
        self.review = review
        self.toolVersion = toolVersion
        self.command = command
        self.argv = argv
        self.rulesDigest = rulesDigest
        self.policyDigest = policyDigest
        self.policyName = policyName
        self.keyID = keyID
        self.startedAt = startedAt
    }
}
