/// A compiled detector rule: one PCRE2 pattern for one entity, with the evidence that
/// raises or lowers its confidence. Loaded from one file in `Rules/detectors/`.
///
/// A final class with only `let` properties: immutable, so safely shared by all workers,
/// and passed by reference in the per-match hot path instead of being copied.
public final class Rule: Sendable {
    /// Context words near a match that raise its confidence.
    public struct Context: Sendable, Equatable {
        /// Lower-cased words; Latin words match whole-word, CJK words as substrings.
        public var words: WordList
        /// How many characters before the match are looked at.
        public var before: Int
        /// How many characters after the match are looked at.
        public var after: Int
        /// The confidence a match with a context word gets.
        public var raises: Confidence
    }

    /// Words near a match that mean it is not the entity after all (a public official's
    /// title before a name): the finding drops to `low`, kept with that evidence.
    public struct Suppression: Sendable, Equatable {
        public var words: WordList
        public var before: Int
        public var after: Int
    }

    /// Other personal data near a match that raises its confidence: a name on the same line
    /// as a passport number is a private person's name.
    public struct Near: Sendable, Equatable {
        /// Entities whose findings (at medium confidence or more) count.
        public var entities: Set<EntityKind>
        /// How many characters before or after the match are looked at.
        public var within: Int
        public var raises: Confidence
    }

    /// Literals near which every match of the rule starts: the rule is searched only in
    /// those windows (a label-led rule only where its labels are), which is what keeps
    /// seventy rules affordable on a megabyte of prose. A promise about the pattern that
    /// `redact rules check` tests on the rule's own examples.
    public struct Anchors: Sendable, Equatable {
        /// Lower-cased UTF-8 literals, matched ASCII-case-insensitively anywhere (no word
        /// boundaries: `tel` is found in `Tel.` and in `hotel` alike, which only widens the search).
        public var literals: [[UInt8]]
        /// A match starts at most this many characters before a literal's start …
        public var before: Int
        /// … and at most this many characters after it.
        public var after: Int
    }

    public let id: String
    public let entity: EntityKind
    public let description: String
    public let pattern: PCREPattern
    /// Confidence of a match with no context word and a passing validator.
    public let confidence: Confidence
    public let context: Context?
    public let unless: Suppression?
    public let near: Near?
    /// Lower-cased literals of which a field must contain at least one for the rule to run
    /// on it at all (a cheap pre-check; empty means always run).
    public let requires: [[UInt8]]
    /// Where matches can start; nil means anywhere.
    public let anchors: Anchors?
    public let validator: Validator
    /// The rule file's `examples:`, which `redact rules check` runs. Empty when the rule was
    /// loaded for scanning (`RuleCatalog.loadForScanning`), which never needs them.
    public let matchExamples: [RuleExample]
    public let noMatchExamples: [RuleExample]
    /// The file the rule came from, for error messages.
    public let file: String

    public convenience init(
        id: String, entity: EntityKind, description: String, pattern: PCREPattern, confidence: Confidence,
        context: Context?, unless: Suppression? = nil, near: Near? = nil, requires: [String] = [], anchors: Anchors? = nil, validator: Validator, matchExamples: [RuleExample], noMatchExamples: [RuleExample], file: String
    ) {
        self.init(id: id, entity: entity, description: description, pattern: pattern, confidence: confidence,
                  context: context, unless: unless, near: near, requiredLiterals: requires.map { Array($0.lowercased().utf8) },
                  anchors: anchors, validator: validator, matchExamples: matchExamples, noMatchExamples: noMatchExamples,
                  file: file)
    }

    /// Every property as stored; `requiredLiterals` already lower-cased (the rule cache
    /// restores a rule with this).
    init(
        id: String, entity: EntityKind, description: String, pattern: PCREPattern, confidence: Confidence,
        context: Context?, unless: Suppression?, near: Near?, requiredLiterals: [[UInt8]], anchors: Anchors?,
        validator: Validator, matchExamples: [RuleExample], noMatchExamples: [RuleExample], file: String
    ) {
        self.id = id
        self.entity = entity
        self.description = description
        self.pattern = pattern
        self.confidence = confidence
        self.context = context
        self.unless = unless
        self.near = near
        self.requires = requiredLiterals
        self.anchors = anchors
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
    public var exampleThreshold: Confidence {
        min(max(confidence, context?.raises ?? confidence, near?.raises ?? confidence), .medium)
    }
}
