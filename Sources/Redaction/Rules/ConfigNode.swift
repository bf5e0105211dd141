import Yams

/// A YAML node with the file and key path it came from, so that every type or key error
/// names `file:line: key`.
///
/// Rule and policy files are read through this instead of `Decodable` because decoding
/// silently ignores unknown keys and loses line numbers; a misspelt key in a redaction
/// policy must be an error, not a default.
struct ConfigNode {
    let node: Node
    let file: String
    let keyPath: String

    /// Parses `text` as one YAML document.
    static func parse(_ text: String, file: String) throws(RuleError) -> ConfigNode {
        let root: Node?
        do {
            // The basic resolver leaves every scalar a string (we convert on read, where the
            // key says what it must be): the default one tries seven regular expressions on
            // each scalar. An explicit encoding, because Yams's default reads the whole process
            // environment on every parse (a third of a hook's start-up for 75 files).
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (line, problem) = Self.place(of: error)
            throw RuleError(file: file, line: line, message: "not valid YAML" + (problem.map { ": \($0)" } ?? ""))
        } catch {
            throw RuleError(file: file, message: "not valid YAML")
        }
        guard let root else { throw RuleError(file: file, line: 1, message: "the file is empty") }
        return ConfigNode(node: root, file: file, keyPath: "")
    }

    var line: Int? { node.mark.map { $0.line } }

    func error(_ message: String) -> RuleError {
        RuleError(file: file, line: line, key: keyPath, message: message)
    }

    /// The entries of a mapping; any key outside `allowed` is an error.
    func mapping(allowedKeys allowed: Set<String>) throws(RuleError) -> [String: ConfigNode] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        var result: [String: ConfigNode] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error("keys must be strings") }
            let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw RuleError(file: file, line: key.mark?.line, key: path, message: "unknown key (known keys: \(known))")
            }
            guard result[name] == nil else {
                throw RuleError(file: file, line: key.mark?.line, key: path, message: "duplicate key")
            }
            result[name] = ConfigNode(node: value, file: file, keyPath: path)
        }
        return result
    }

    /// The entries of a mapping whose keys are free-form (e.g. entity names).
    func entries() throws(RuleError) -> [(key: String, value: ConfigNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        var result: [(String, ConfigNode)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error("keys must be strings") }
            let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
            result.append((name, ConfigNode(node: value, file: file, keyPath: path)))
        }
        return result
    }

    func string() throws(RuleError) -> String {
        guard let scalar = node.scalar else { throw error("expected a string") }
        return scalar.string
    }

    func int() throws(RuleError) -> Int {
        guard node.scalar != nil, let value = node.int else { throw error("expected an integer") }
        return value
    }

    func bool() throws(RuleError) -> Bool {
        guard node.scalar != nil, let value = node.bool else { throw error("expected true or false") }
        return value
    }

    /// A sequence of strings; a single string is accepted as a one-element list.
    func strings() throws(RuleError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw error("expected a list of strings") }
        var result: [String] = []
        for (index, item) in sequence.enumerated() {
            guard let scalar = item.scalar else {
                throw RuleError(file: file, line: item.mark?.line, key: "\(keyPath)[\(index)]", message: "expected a string")
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A sequence of nodes.
    func sequence() throws(RuleError) -> [ConfigNode] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in
            ConfigNode(node: item, file: file, keyPath: "\(keyPath)[\(index)]")
        }
    }

    /// A value of a closed set, with the allowed values named in the error.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(RuleError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(text)' is not one of: \(allowed)")
        }
        return value
    }

    private static func place(of error: YamlError) -> (line: Int?, problem: String?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            return (nil, "duplicate keys \(duplicates.joined(separator: ", "))")
        default:
            return (nil, nil)
        }
    }
}
