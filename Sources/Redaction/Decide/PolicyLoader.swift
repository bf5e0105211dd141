import Crypto
import Foundation

/// Reads and validates a policy file. Unknown keys, unknown operators and options that do
/// not fit the operator are errors naming the file, line and key.
public enum PolicyLoader {
    static let keys: Set<String> = ["version", "name", "description", "defaults", "entities", "allow"]
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

    /// Parses policy text; `file` is used in errors.
    public static func load(text: String, file: String) throws(RuleError) -> Policy {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        let fallback = Policy.EntityRule(operator: .label, minimumConfidence: .medium)
        let defaults = try map["defaults"].map { (node) throws(RuleError) in try entityRule(node, inheriting: fallback) } ?? fallback
        var entities: [EntityKind: Policy.EntityRule] = [:]
        if let node = map["entities"] {
            for (name, value) in try node.entries() {
                entities[EntityKind(name)] = try entityRule(value, inheriting: defaults)
            }
        }
        let allow = Set(try map["allow"]?.strings().map(Policy.allowKey) ?? [])
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return Policy(name: try map["name"]?.string() ?? stem, defaultRule: defaults, entities: entities, allow: allow, digest: digest)
    }

    private static func entityRule(_ node: ConfigNode, inheriting base: Policy.EntityRule) throws(RuleError) -> Policy.EntityRule {
        let map = try node.mapping(allowedKeys: entityKeys)
        let minimum = try map["min_confidence"]?.oneOf(Confidence.self) ?? base.minimumConfidence
        var op = base.operator
        if let opNode = map["operator"] {
            let name = try opNode.string()
            switch name {
            case "label": op = .label
            case "remove": op = .remove
            case "mask": op = .mask(keepLast: 4, character: "*")
            default: throw opNode.error("unknown operator '\(name)' (known: \(Operator.names.joined(separator: ", ")))")
            }
        }
        for key in ["keep_last", "mask_char"] where map[key] != nil {
            guard case .mask = op else { throw map[key]!.error("'\(key)' applies only to operator 'mask'") }
        }
        if case .mask(var keepLast, var character) = op {
            if let node = map["keep_last"] {
                keepLast = try node.int()
                guard (0...64).contains(keepLast) else { throw node.error("keep_last must be between 0 and 64") }
            }
            if let node = map["mask_char"] {
                let text = try node.string()
                guard text.count == 1, let first = text.first else { throw node.error("mask_char must be one character") }
                character = first
            }
            op = .mask(keepLast: keepLast, character: character)
        }
        return Policy.EntityRule(operator: op, minimumConfidence: minimum)
    }
}
