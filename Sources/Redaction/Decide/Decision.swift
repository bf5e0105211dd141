/// The one decision made for one finding: redact it with an operator, or keep it, and why.
/// Kept findings are decisions too: the audit log records what was *not* redacted.
public struct Decision: Sendable, Equatable {
    public var finding: Finding
    public var verdict: Verdict
    /// For a redaction: the bytes actually replaced. Usually the finding's span; the union
    /// of a cluster of overlapping findings for the one that represents the cluster.
    public var redactedSpan: ByteSpan?
    /// The reviewer override that decided this finding (`run --review`), if any.
    public var override: ReviewNote? {
        get { overrideBox?.note }
        set { overrideBox = newValue.map(OverrideBox.init) }
    }

    /// The override by reference: nearly every decision has none, and an inline optional
    /// of five strings made each of the many copies of a decision cost more.
    private var overrideBox: OverrideBox?

    public init(finding: Finding, verdict: Verdict, redactedSpan: ByteSpan? = nil, override: ReviewNote? = nil) {
        self.finding = finding
        self.verdict = verdict
        self.redactedSpan = redactedSpan
        self.overrideBox = override.map(OverrideBox.init)
    }

    public static func == (lhs: Decision, rhs: Decision) -> Bool {
        lhs.finding == rhs.finding && lhs.verdict == rhs.verdict && lhs.redactedSpan == rhs.redactedSpan
            && lhs.override == rhs.override
    }

    public var isRedaction: Bool { verdict.isRedaction }
}

/// A reviewer's note, immutable once made: `Decision.override`'s storage.
private final class OverrideBox: Sendable {
    let note: ReviewNote

    init(_ note: ReviewNote) { self.note = note }
}

/// Redact with an operator, or keep for a reason.
public enum Verdict: Sendable, Equatable {
    case redact(Operator)
    case keep(KeepReason)

    public var name: String {
        switch self {
        case .redact: "redact"
        case .keep: "keep"
        }
    }

    public var isRedaction: Bool {
        if case .redact = self { return true }
        return false
    }
}

/// Why a finding was not redacted on its own.
public enum KeepReason: Sendable, Equatable {
    /// Its confidence is below the policy's minimum for its entity.
    case belowThreshold(minimum: Confidence)
    /// Its text is on the policy's allow list.
    case allowListed
    /// Another finding overlapping it was chosen; its bytes are inside that one's redaction.
    case overlapped(by: String)
    /// The policy's operator for its entity (or field) is `keep`: left as it is, recorded.
    case policyKeeps
    /// It lies in a field the policy leaves untouched (`fields:` with `action: untouched`).
    case fieldUntouched(field: String)
    /// A reviewer's override (`run --review`) keeps it; `Decision.override` says who and why.
    case reviewerOverride
    /// It lies on a line of a text document that carries the inline allow marker
    /// (`redact:allow`, see `InlineAllowMarker`): the author accepted it where it stands.
    case inlineAllow
    /// The policy's operator would write its text unchanged: it is already in the form the
    /// policy publishes (a birth year under `generalize: year`, a city under `generalize:
    /// city`, an already masked value). Scanning a `data-desk` output finds such values again;
    /// they are what the policy chose to publish, not a residue. `operator` is its name.
    case publishedForm(operator: String)
    /// `scan --baseline`: an accepted finding of the baseline file, with the reason given
    /// when it was accepted. Applied to scan reports only, never to `run`.
    case baseline(reason: String)
}
