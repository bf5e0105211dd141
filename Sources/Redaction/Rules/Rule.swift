/// A compiled detector rule: one PCRE2 pattern for one entity, with the evidence that
/// raises or lowers its confidence. Loaded from one file in `Rules/detectors/`.
///
/// A final class with only `let` properties: immutable, so safely shared by all workers,
/// and passed by reference in the per-match hot path instead of being copied.
public final class Rule: Sendable {
    /// Context words near a match that raise its confidence.
    public struct Context: Sendable, Equatable {
        /// Lower-cased words; Latin words match whole-word, CJK words as substrings.
        public var words: [String]
        /// How many characters before the match are looked at.
        public var before: Int
        /// How many characters after the match are looked at.
        public var after: Int
        /// The confidence a match with a context word gets.
        public var raises: Confidence
    }

    public let id: String
    public let entity: EntityKind
    public let description: String
    public let pattern: PCREPattern
    /// Confidence of a match with no context word and a passing validator.
    public let confidence: Confidence
    public let context: Context?
    public let validator: Validator
    public let matchExamples: [RuleExample]
    public let noMatchExamples: [RuleExample]
    /// The file the rule came from, for error messages.
    public let file: String

    public init(
        id: String, entity: EntityKind, description: String, pattern: PCREPattern, confidence: Confidence,
        context: Context?, validator: Validator, matchExamples: [RuleExample], noMatchExamples: [RuleExample], file: String
    ) {
        self.id = id
        self.entity = entity
        self.description = description
        self.pattern = pattern
        self.confidence = confidence
        self.context = context
        self.validator = validator
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.file = file
    }

    /// The level at which the rule's own examples are judged: a match example must be found
    /// at this confidence or higher, a no-match example must not be. `medium` (what the
    /// default policy redacts), or the highest confidence the rule can give when that is
    /// lower. A low-confidence date rule whose context raises it is judged at `medium`: its
    /// no-match examples are the dates it must not redact.
    public var exampleThreshold: Confidence { min(max(confidence, context?.raises ?? confidence), .medium) }
}
