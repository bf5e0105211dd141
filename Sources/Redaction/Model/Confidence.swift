/// How sure a detector is that a span is the entity it names.
///
/// Three explicit levels instead of magic floating-point scores: a policy threshold is one
/// of them, and a reader of the audit log can tell what each means.
public enum Confidence: String, CaseIterable, Comparable, Sendable, Codable {
    case low
    case medium
    case high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    /// A number for tools that expect one (the `score` field of scan's JSON Lines).
    public var score: Double {
        switch self {
        case .low: 0.4
        case .medium: 0.7
        case .high: 0.95
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}
