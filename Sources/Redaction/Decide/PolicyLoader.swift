import Crypto
import Foundation
import Yams

/// Reads and validates a policy file. Unknown keys, unknown operators, options that do
/// not fit the operator, bad field rules, bad regexes and unreadable list files are errors
/// naming the file, line and key — before any document is touched.
public enum PolicyLoader {
    static let keys: Set<String> = ["version", "name", "description", "defaults", "entities", "fields", "allow", "deny"]
    static let entityKeys: Set<String> = ["operator", "min_confidence", "keep_last", "mask_char"]

    /// Loads a policy file from disk.
    public static func load(path: String) throws(RuleError) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, message: "cannot read the policy file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, message: "the policy file is not valid UTF-8")
        }
        return try load(text: text, file: path)
    }

    /// Parses policy text; `file` is used in errors, and list files are read relative to
    /// its folder.
    public static func load(text: String, file: String) throws(RuleError) -> Policy {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        let fallback = Policy.EntityRule(operator: .label, minimumConfidence: .medium)
        let defaults = try map["defaults"].map { (node) throws(RuleError) in try entityRule(node, for: .defaults, inheriting: fallback) } ?? fallback
        var entities: [EntityKind: Policy.EntityRule] = [:]
        var entityLines: [EntityKind: Int] = [:]
        if let node = map["entities"], node.node.scalar?.string != "" {
            for (name, value) in try node.entries() {
                guard TermListLoader.isEntityName(name) else {
                    throw value.error("'\(name)' is not an entity name (lower-case letters, digits and _)")
                }
                entities[EntityKind(name)] = try entityRule(value, for: .entity(EntityKind(name)), inheriting: defaults)
                entityLines[EntityKind(name)] = value.line
            }
        }
        var hasher = SHA256()
        hasher.update(data: Data(text.utf8))
        let directory = (file as NSString).deletingLastPathComponent
        let allow = try map["allow"].map { (node) throws(RuleError) in
            try TermListLoader.load(node, kind: .allow, baseDirectory: directory, hasher: &hasher)
        } ?? TermList()
        let deny = try map["deny"].map { (node) throws(RuleError) in
            try TermListLoader.load(node, kind: .deny, baseDirectory: directory, hasher: &hasher)
        } ?? TermList()
        let fields = try map["fields"].map { (node) throws(RuleError) in try fieldRules(node, defaults: defaults) } ?? []
        // Not String(format:) per byte: that was 1.7 M instructions of every scan's start-up.
        let digest = HMACKeyFormat.hex(Array(hasher.finalize()))
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var policy = Policy(name: try map["name"]?.string() ?? stem, description: try map["description"]?.string(),
                            defaultRule: defaults, entities: entities, allow: allow, deny: deny, fields: fields,
                            digest: digest, path: file)
        policy.entityLines = entityLines
        return policy
    }

    /// One entry's minimum confidence and operator (`OperatorParsing`); `scope` says which
    /// entity it is for, which decides the generalizations it may choose.
    private static func entityRule(_ node: ConfigNode, for scope: OperatorParsing.Scope = .anyEntity,
                                   inheriting base: Policy.EntityRule) throws(RuleError) -> Policy.EntityRule {
        let map = try node.mapping(allowedKeys: entityKeys.union(OperatorParsing.keys))
        let minimum = try map["min_confidence"]?.oneOf(Confidence.self) ?? base.minimumConfidence
        let op = try OperatorParsing.parse(map, scope: scope, inheriting: base.operator)
        return Policy.EntityRule(operator: op, minimumConfidence: minimum)
    }
}

// MARK: - Field rules (`fields:`) and checks against the rules catalog

extension PolicyLoader {
    static let fieldKeys: Set<String> = ["match", "match_regex", "match_column", "action", "entity"]

    /// `fields:`: a list of rules, each with one selector, an action, and for `redact` an
    /// entity and/or operator keys (the same keys as an entity's, parsed the same way).
    static func fieldRules(_ node: ConfigNode, defaults: Policy.EntityRule) throws(RuleError) -> [FieldRule] {
        var rules: [FieldRule] = []
        for item in try node.sequence() {
            guard let mapping = item.node.mapping else { throw item.error("expected a mapping (a field rule)") }
            var own: [String: ConfigNode] = [:]
            var operatorPairs: [(Node, Node)] = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { throw item.error("keys must be strings") }
                let child = ConfigNode(node: value, file: item.file, keyPath: "\(item.keyPath).\(name)")
                if fieldKeys.contains(name) {
                    guard own[name] == nil else {
                        throw RuleError(file: item.file, line: key.mark?.line, key: child.keyPath, message: "duplicate key")
                    }
                    own[name] = child
                } else {
                    operatorPairs.append((key, value))
                }
            }
            let selectors = ["match", "match_regex", "match_column"].filter { own[$0] != nil }
            guard selectors.count == 1, let selectorNode = own[selectors[0]] else {
                throw item.error("a field rule needs exactly one of 'match', 'match_regex' and 'match_column'")
            }
            let selector: FieldRule.Selector
            let selectorText: String
            switch selectors[0] {
            case "match":
                let names = try selectorNode.strings()
                let normalised = names.map(ColumnMap.normalise)
                guard !names.isEmpty, !normalised.contains("") else {
                    throw selectorNode.error("a field name must contain a letter or digit")
                }
                selector = .names(normalised)
                selectorText = "match " + names.map { "\"\($0)\"" }.joined(separator: ", ")
            case "match_regex":
                let source = try selectorNode.string()
                do throws(PCREError) {
                    selector = .regex(try PCREPattern(source))
                } catch {
                    throw selectorNode.error("pattern does not compile: \(error)")
                }
                selectorText = "match_regex '\(source)'"
            default:
                let entities = try selectorNode.sequenceOrScalar().map { (node) throws(RuleError) in try TermListLoader.entityName(node) }
                guard !entities.isEmpty else { throw selectorNode.error("name at least one entity") }
                selector = .columns(entities)
                selectorText = "match_column " + entities.map(\.rawValue).joined(separator: ", ")
            }
            let action = try own["action"]?.oneOf(FieldRule.Action.self) ?? .redact
            let entity = try own["entity"].map { (node) throws(RuleError) in try TermListLoader.entityName(node) }
            var rule = FieldRule(selector: selector, selectorText: selectorText, action: action, entity: entity, line: item.line)
            if action != .redact {
                if let entityNode = own["entity"], action == .untouched {
                    throw entityNode.error("'entity' does not apply to action 'untouched'")
                }
                if let (key, _) = operatorPairs.first {
                    let name = key.scalar?.string ?? "?"
                    throw RuleError(file: item.file, line: key.mark?.line, key: "\(item.keyPath).\(name)",
                                    message: "'\(name)' does not apply to action '\(action.rawValue)' (only to 'redact')")
                }
            } else if !operatorPairs.isEmpty {
                let settings = ConfigNode(node: .mapping(Node.Mapping(operatorPairs, .implicit, .any, mapping.mark)),
                                          file: item.file, keyPath: item.keyPath)
                let parsed: Policy.EntityRule
                do {
                    parsed = try entityRule(settings, for: entity.map { .entity($0) } ?? .anyEntity, inheriting: defaults)
                } catch {
                    var error = error
                    if error.message.hasPrefix("unknown key") {
                        error.message += "; a field rule also takes: " + fieldKeys.sorted().joined(separator: ", ")
                    }
                    throw error
                }
                let names = Set(operatorPairs.compactMap { $0.0.scalar?.string })
                if names.contains("min_confidence") { rule.minimumConfidence = parsed.minimumConfidence }
                if names.contains(where: { $0 != "min_confidence" }) { rule.operator = parsed.operator }
            } else if entity == nil {
                throw item.error("a 'redact' field rule needs 'entity', 'operator' or 'min_confidence' (or another action: drop, untouched)")
            }
            rules.append(rule)
        }
        return rules
    }

    /// Checks a loaded policy against the rules it runs with: every entity it configures must
    /// be one that some rule, column, field rule or deny-list entry can report, so a misspelt
    /// entity name is an error instead of a setting that silently applies to nothing.
    public static func validate(_ policy: Policy, against catalog: RuleCatalog) throws(RuleError) {
        var known = Set(EntityKind.wellKnown)
        known.formUnion(catalog.rules.map(\.entity))
        known.formUnion(catalog.columns.entries.map(\.entity))
        if let propagation = catalog.propagation { known.insert(propagation.entity) }
        known.formUnion(policy.fields.compactMap(\.entity))
        known.insert(policy.deny.defaultEntity)
        known.formUnion(policy.deny.terms.compactMap(\.entity))
        known.formUnion(policy.deny.patterns.compactMap(\.entity))
        known.insert(FieldRule.unnamedEntity)
        for (entity, line) in policy.entityLines.sorted(by: { $0.value < $1.value }) where !known.contains(entity) {
            throw RuleError(file: policy.path ?? policy.name, line: line, key: "entities.\(entity.rawValue)",
                            message: "no rule reports the entity '\(entity.rawValue)' (known: \(known.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
    }
}
