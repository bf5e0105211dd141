/// What to do with each entity: the operator, the minimum confidence, and the allow list.
/// Loaded from a policy file (`Rules/policies/*.yaml`); see `Rules/README.md`.
public struct Policy: Sendable {
    /// The settings for one entity.
    public struct EntityRule: Sendable, Equatable {
        public var `operator`: Operator
        public var minimumConfidence: Confidence
    }

    public var name: String
    public var defaultRule: EntityRule
    public var entities: [EntityKind: EntityRule]
    /// Values that are never redacted, compared case-insensitively after trimming.
    public var allow: Set<String>
    /// SHA-256 of the policy file's bytes, for the audit log.
    public var digest: String

    public init(name: String, defaultRule: EntityRule, entities: [EntityKind: EntityRule], allow: Set<String>, digest: String) {
        self.name = name
        self.defaultRule = defaultRule
        self.entities = entities
        self.allow = allow
        self.digest = digest
    }

    public func rule(for entity: EntityKind) -> EntityRule {
        entities[entity] ?? defaultRule
    }

    /// The key under which an allow-list term or a value is compared.
    public static func allowKey(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

import Foundation
