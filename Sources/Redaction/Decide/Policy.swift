import Foundation

/// What to do with each entity and field: operators, minimum confidences, field rules, and
/// the allow and deny lists. Loaded from a policy file (`Rules/policies/*.yaml`); see
/// `Rules/README.md`, "Policies".
public struct Policy: Sendable {
    /// The settings for one entity.
    public struct EntityRule: Sendable, Equatable {
        public var `operator`: Operator
        public var minimumConfidence: Confidence

        public init(operator: Operator, minimumConfidence: Confidence) {
            self.operator = `operator`
            self.minimumConfidence = minimumConfidence
        }
    }

    public var name: String
    public var description: String?
    public var defaultRule: EntityRule
    public var entities: [EntityKind: EntityRule]
    /// Values that are never redacted (unless a deny-list entry also matches them).
    public var allow: TermList
    /// Terms that are always redacted wherever they occur (the `deny-list` detector).
    public var deny: TermList
    /// Per-field rules for CSV columns and JSON members, in file order.
    public var fields: [FieldRule]
    /// SHA-256 of the policy file's bytes and of the list files it names, for the audit log.
    public var digest: String
    /// The file the policy was loaded from.
    public var path: String?
    /// The line of each entity configured under `entities:`, for errors found later
    /// (`PolicyLoader.validate(_:against:)`).
    var entityLines: [EntityKind: Int] = [:]

    public init(name: String, description: String? = nil, defaultRule: EntityRule, entities: [EntityKind: EntityRule],
                allow: TermList = TermList(), deny: TermList = TermList(), fields: [FieldRule] = [],
                digest: String, path: String? = nil) {
        self.name = name
        self.description = description
        self.defaultRule = defaultRule
        self.entities = entities
        self.allow = allow
        self.deny = deny
        self.fields = fields
        self.digest = digest
        self.path = path
    }

    /// Whether any operator of the policy numbers values per run (`{n}`, sequential
    /// pseudonyms): such a run needs the pseudonym book and a deterministic order.
    public var usesSequenceNumbers: Bool {
        defaultRule.operator.usesSequenceNumbers || entities.values.contains { $0.operator.usesSequenceNumbers }
            || fields.contains { $0.operator?.usesSequenceNumbers ?? false }
    }

    public func rule(for entity: EntityKind) -> EntityRule {
        entities[entity] ?? defaultRule
    }

    /// The rule for a finding of `entity` in a field: the field rule's operator and minimum
    /// where it sets them, else the entity's.
    public func rule(for entity: EntityKind, in field: FieldTreatment?) -> EntityRule {
        var result = rule(for: entity)
        guard let field, field.action == .redact else { return result }
        if let op = field.rule.operator { result.operator = op }
        if let minimum = field.rule.minimumConfidence { result.minimumConfidence = minimum }
        return result
    }
}
