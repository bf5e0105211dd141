/// A policy's rule for one kind of CSV column or JSON member, chosen by its name.
///
/// ```yaml
/// fields:
///   - match: 联系电话                      # header / key name, compared like columns.yaml
///     entity: phone_number                # the whole cell is a phone number
///   - match_regex: '(?i)^notes?$'         # PCRE2 over the name as written
///     action: untouched                   # nothing in it is redacted (still recorded)
///   - match_column: [phone_number, email_address]   # every column columns.yaml maps to these
///     action: drop                        # the column / member is removed from the output
///   - match: Remarks
///     operator: remove                    # findings in it use this operator
/// ```
public struct FieldRule: Sendable {
    /// How a rule picks fields.
    public enum Selector: Sendable {
        /// Names compared after `ColumnMap.normalise` (case, width, `_`/`-`/space).
        case names([String])
        /// A PCRE2 pattern searched in the name as written.
        case regex(PCREPattern)
        /// Fields whose name `columns.yaml` maps to one of these entities.
        case columns([EntityKind])
    }

    /// What happens to a matched field.
    public enum Action: String, Sendable, CaseIterable {
        /// Findings are decided as usual, with the rule's entity and operator.
        case redact
        /// The CSV column or JSON member is removed from the output, header and key included.
        case drop
        /// No finding in the field is redacted; each is kept with the reason.
        case untouched
    }

    public var selector: Selector
    /// The selector as written, for `policy show` and reasons.
    public var selectorText: String
    public var action: Action
    /// The entity a whole cell is (`redact` only): like a `columns.yaml` entry, per policy.
    public var entity: EntityKind?
    /// The operator (with its options) for every finding in the field (`redact` only);
    /// nil: the policy's operator for each finding's entity.
    public var `operator`: Operator?
    /// The minimum confidence for every finding in the field (`redact` only); nil: the
    /// policy's minimum for each finding's entity.
    public var minimumConfidence: Confidence?
    /// Line of the rule in the policy file.
    public var line: Int?

    public init(selector: Selector, selectorText: String, action: Action, entity: EntityKind? = nil,
                operator: Operator? = nil, minimumConfidence: Confidence? = nil, line: Int? = nil) {
        self.selector = selector
        self.selectorText = selectorText
        self.action = action
        self.entity = entity
        self.operator = `operator`
        self.minimumConfidence = minimumConfidence
        self.line = line
    }

    /// Rule id of the findings a field rule makes: `field:phone_number` for a mapped cell,
    /// `field-drop` for a dropped one.
    public static func ruleID(for entity: EntityKind) -> String { "field:\(entity.rawValue)" }
    public static let dropRuleID = "field-drop"
    /// The entity of a dropped cell that neither the rule nor `columns.yaml` names.
    public static let unnamedEntity = EntityKind("field")

    /// Whether the rule selects a field called `name` (a CSV header, a JSON key).
    /// `matcher` runs regex selectors; `columns` resolves `match_column`.
    func matches(_ name: String, normalised: String, columns: ColumnMap, matcher: PCREMatcher) -> Bool {
        switch selector {
        case .names(let names):
            return names.contains(normalised)
        case .regex(let pattern):
            var matched = false
            var text = name
            text.withUTF8 { bytes in
                // A limit error counts as no match (the field is then treated as usual).
                try? matcher.forEachMatch(of: pattern, in: bytes) { _ in matched = true }
            }
            return matched
        case .columns(let entities):
            guard let entity = columns.entity(forHeader: name) else { return false }
            return entities.contains(entity)
        }
    }
}
