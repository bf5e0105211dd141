/// What happens to the bytes of a redacted span. A closed set, validated when the policy
/// loads (`OperatorParsing`), so an unknown operator or an option that does not fit can
/// never reach a document.
public enum Operator: Sendable, Equatable, CustomStringConvertible {
    /// A label from a template: `[PASSPORT_NUMBER]` by default, or e.g. `{entity}-{n}`.
    case label(template: LabelTemplate)
    /// Nothing is left; adjacent spaces are tidied (see `FieldRewriter`).
    case remove
    /// Characters replaced by a mask character, some kept at either end.
    case mask(MaskOptions)
    /// A consistent token per value, derived from the keyed HMAC (`Person-7Q2K`, `Person 3`).
    case pseudonymize(PseudonymStyle)
    /// A coarser value: a birth year, a city, a country code.
    case generalize(Generalization)
    /// The value stays. The policy engine records such findings as kept
    /// (`KeepReason.policyKeeps`), so this never reaches the rewriter as a redaction.
    case keep

    /// The default label, `[PASSPORT_NUMBER]`.
    public static let label = Operator.label(template: .standard)

    /// A mask that keeps the last `keepLast` characters, the rest replaced by `character`.
    public static func mask(keepLast: Int, character: Character) -> Operator {
        .mask(MaskOptions(keepLast: keepLast, character: character))
    }

    /// Whether the operator numbers values per run (`{n}` in a label, sequential
    /// pseudonyms), which needs the run's `PseudonymBook`.
    public var usesSequenceNumbers: Bool {
        switch self {
        case .label(let template): template.usesSequence
        case .pseudonymize(.sequential): true
        default: false
        }
    }

    /// The operator names a policy file may use.
    public static let names = ["generalize", "keep", "label", "mask", "pseudonymize", "remove"]

    public var name: String {
        switch self {
        case .label: "label"
        case .remove: "remove"
        case .mask: "mask"
        case .pseudonymize: "pseudonymize"
        case .generalize: "generalize"
        case .keep: "keep"
        }
    }

    /// The operator with every option, in a stable form: the audit log's `operator` column.
    /// `label`, `label(template: "{entity}-{n}")`, `remove`,
    /// `mask(keep_first: 2, keep_last: 2, char: •, keep_separators: true)`,
    /// `pseudonymize(style: hash, length: 4)`, `pseudonymize(style: sequential)`,
    /// `generalize(to: year)`, `keep`.
    public var description: String {
        switch self {
        case .label(let template):
            template == .standard ? "label" : "label(template: \"\(template.text)\")"
        case .remove, .keep:
            name
        case .mask(let options):
            "mask(keep_first: \(options.keepFirst), keep_last: \(options.keepLast), char: \(options.character), "
                + "keep_separators: \(options.keepSeparators))"
        case .pseudonymize(.hash(let length)):
            "pseudonymize(style: hash, length: \(length))"
        case .pseudonymize(.sequential):
            "pseudonymize(style: sequential)"
        case .generalize(let target):
            "generalize(to: \(target.rawValue))"
        }
    }

    /// How the verifier may treat findings that lie wholly inside this operator's output.
    public var verification: ReplacementVerification {
        switch self {
        // Made only of the label template and the entity name: nothing of the value.
        case .label, .pseudonymize: .exemptAll
        // Part of the value by design (a year, a city, a country code): a re-detection as
        // the same entity is the intended output, any other entity is still a residue.
        case .generalize: .exemptSameEntity
        // Mask output keeps original characters; `remove` and `keep` leave nothing to exempt.
        case .mask, .remove, .keep: .checked
        }
    }

    /// The replacement text for `value`, a finding of `entity`.
    ///
    /// Operators that need what `context` lacks fall back to the plain label
    /// (`[PERSON]`): a pseudonym or `{n}` without the HMAC key, a sequential pseudonym or
    /// `{n}` without a book, a generalization the value gives no basis for. The fallback
    /// never holds any of the value.
    public func replacement(for value: Substring, entity: EntityKind, context: OperatorContext) -> String {
        switch self {
        case .label(let template):
            guard template.usesSequence else { return template.render(entity: entity, sequence: nil) }
            guard let number = Pseudonymizer.sequenceNumber(of: value, entity: entity, context: context) else {
                return LabelTemplate.standard.render(entity: entity, sequence: nil)
            }
            return template.render(entity: entity, sequence: number)
        case .remove:
            return ""
        case .mask(let options):
            return options.mask(value)
        case .pseudonymize(let style):
            return Pseudonymizer.token(for: value, entity: entity, style: style, context: context)
                ?? LabelTemplate.standard.render(entity: entity, sequence: nil)
        case .generalize(let target):
            return Generalizer.generalize(value, to: target, context: context)
                ?? LabelTemplate.standard.render(entity: entity, sequence: nil)
        case .keep:
            return String(value)
        }
    }
}

/// Which re-detections inside a replacement the verifier ignores. Never `mask`: its output
/// keeps characters of the value, so a rule that still matches there found a residue.
public enum ReplacementVerification: Sendable, Equatable {
    /// Every finding inside the replacement is checked like any other text.
    case checked
    /// The replacement is derived data: findings wholly inside it are not residues.
    case exemptAll
    /// Findings wholly inside it of the replaced finding's entity are not residues.
    case exemptSameEntity
}
