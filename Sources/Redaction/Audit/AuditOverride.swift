/// A reviewer's override applied to one decision of a run (`redact run --review FILE`), as
/// recorded in the `override` table: who changed what and why.
public struct AuditOverride: Sendable, Equatable {
    /// `redact` or `keep`.
    public var action: String
    public var reviewer: String
    public var reason: String
    /// Where the entry is: `review.yaml:12`.
    public var source: String
    /// What the entry named: `decision 42` (a decision of an earlier run) or
    /// `fingerprint 3fa…` (a value's HMAC).
    public var target: String

    public init(action: String, reviewer: String, reason: String, source: String, target: String) {
        self.action = action
        self.reviewer = reviewer
        self.reason = reason
        self.source = source
        self.target = target
    }
}
