import Foundation

/// Reads and validates one detector rule file.
enum RuleLoader {
    static let keys: Set<String> = [
        "version", "id", "entity", "description", "pattern", "flags", "confidence", "context", "unless", "near", "requires",
        "anchors", "validator", "examples",
    ]
    static let anchorKeys: Set<String> = ["literals", "before", "after"]
    static let contextKeys: Set<String> = ["words", "before", "after", "raises"]
    static let unlessKeys: Set<String> = ["words", "before", "after"]
    static let nearKeys: Set<String> = ["entities", "within", "raises"]
    static let exampleKeys: Set<String> = ["match", "no_match"]

    enum Flag: String, CaseIterable {
        case caseless, multiline, dotall, extended
        var option: PCREPattern.Options {
            switch self {
            case .caseless: .caseless
            case .multiline: .multiline
            case .dotall: .dotAll
            case .extended: .extended
            }
        }
    }

    /// Parses and validates one rule file. With `examples: false` the `examples:` key must
    /// still be there, but its entries are not parsed (a scan never runs them, and parsing
    /// them was a tenth of a hook's start-up); `redact rules check` parses and runs them.
    static func load(text: String, file: String, examples parseExamples: Bool = true) throws(RuleError) -> Rule {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        func required(_ key: String) throws(RuleError) -> ConfigNode {
            guard let node = map[key] else { throw root.error("missing required key '\(key)'") }
            return node
        }
        let version = try required("version").int()
        guard version == 1 else { throw map["version"]!.error("unsupported version \(version) (this build reads 1)") }
        let id = try required("id").string()
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        guard id == stem else { throw map["id"]!.error("id '\(id)' must equal the file name '\(stem)'") }
        let entity = EntityKind(try required("entity").string())
        var options: PCREPattern.Options = []
        for flag in try map["flags"]?.strings() ?? [] {
            guard let known = Flag(rawValue: flag) else {
                throw map["flags"]!.error("unknown flag '\(flag)' (known: caseless, multiline, dotall, extended)")
            }
            options.insert(known.option)
        }
        let patternNode = try required("pattern")
        let pattern: PCREPattern
        let source = try patternNode.string()
        let anchors = try map["anchors"].map { (node) throws(RuleError) in try loadAnchors(node) }
        do throws(PCREError) {
            pattern = try PCREPattern(source, options: options, startWindows: anchors != nil)
        } catch {
            throw patternNode.error("pattern does not compile: \(error)")
        }
        let context = try map["context"].map { (node) throws(RuleError) in try loadContext(node) }
        let unless = try map["unless"].map { (node) throws(RuleError) in try loadSuppression(node) }
        let near = try map["near"].map { (node) throws(RuleError) in try loadNear(node) }
        let requires = try map["requires"]?.strings() ?? []
        if requires.contains(where: \.isEmpty) { throw map["requires"]!.error("required literals must be non-empty") }
        let examplesNode = try required("examples")
        let examples = parseExamples ? try loadExamples(examplesNode) : (match: [], noMatch: [])
        return Rule(
            id: id,
            entity: entity,
            description: try map["description"]?.string() ?? "",
            pattern: pattern,
            confidence: try map["confidence"]?.oneOf(Confidence.self) ?? .medium,
            context: context,
            unless: unless,
            near: near,
            requires: requires,
            anchors: anchors,
            validator: try map["validator"]?.oneOf(Validator.self) ?? .none,
            matchExamples: examples.match,
            noMatchExamples: examples.noMatch,
            file: file
        )
    }

    private static func loadContext(_ node: ConfigNode) throws(RuleError) -> Rule.Context {
        let map = try node.mapping(allowedKeys: contextKeys)
        let window = try wordWindow(map, of: node, defaultBefore: 40)
        return Rule.Context(words: WordList(window.words), before: window.before, after: window.after,
                            raises: try map["raises"]?.oneOf(Confidence.self) ?? .high)
    }

    /// An `unless:` block (also `propagation.yaml`'s): words, before, after.
    static func loadSuppression(_ node: ConfigNode, defaultBefore: Int = 20) throws(RuleError) -> Rule.Suppression {
        let map = try node.mapping(allowedKeys: unlessKeys)
        let window = try wordWindow(map, of: node, defaultBefore: defaultBefore)
        return Rule.Suppression(words: WordList(window.words), before: window.before, after: window.after)
    }

    /// The `words`, `before` and `after` keys that context and suppression blocks share:
    /// lower-cased non-empty words, windows of 0–500 characters.
    private static func wordWindow(_ map: [String: ConfigNode], of node: ConfigNode,
                                   defaultBefore: Int) throws(RuleError) -> (words: [String], before: Int, after: Int) {
        guard let wordsNode = map["words"] else { throw node.error("missing required key 'words'") }
        let words = try wordsNode.strings().map { $0.lowercased() }
        guard !words.isEmpty, !words.contains("") else { throw wordsNode.error("words must be non-empty") }
        let before = try map["before"]?.int() ?? defaultBefore
        let after = try map["after"]?.int() ?? 0
        guard (0...500).contains(before), (0...500).contains(after) else {
            throw node.error("before and after must be between 0 and 500 characters")
        }
        return (words, before, after)
    }

    /// An `anchors:` block: non-empty literals, windows of 0–500 characters.
    private static func loadAnchors(_ node: ConfigNode) throws(RuleError) -> Rule.Anchors {
        let map = try node.mapping(allowedKeys: anchorKeys)
        guard let literalsNode = map["literals"] else { throw node.error("missing required key 'literals'") }
        let literals = try literalsNode.strings()
        guard !literals.isEmpty, !literals.contains("") else { throw literalsNode.error("literals must be non-empty") }
        let before = try map["before"]?.int() ?? 0
        let after = try map["after"]?.int() ?? 0
        guard (0...500).contains(before), (0...500).contains(after) else {
            throw node.error("before and after must be between 0 and 500 characters")
        }
        return Rule.Anchors(literals: literals.map { Array($0.lowercased().utf8) }, before: before, after: after)
    }

    private static func loadNear(_ node: ConfigNode) throws(RuleError) -> Rule.Near {
        let map = try node.mapping(allowedKeys: nearKeys)
        guard let entitiesNode = map["entities"] else { throw node.error("missing required key 'entities'") }
        let entities = Set(try entitiesNode.strings().map(EntityKind.init(rawValue:)))
        guard !entities.isEmpty else { throw entitiesNode.error("list at least one entity") }
        let within = try map["within"]?.int() ?? 120
        guard (1...2000).contains(within) else { throw node.error("within must be between 1 and 2000 characters") }
        return Rule.Near(entities: entities, within: within, raises: try map["raises"]?.oneOf(Confidence.self) ?? .high)
    }

    private static func loadExamples(_ node: ConfigNode) throws(RuleError) -> (match: [RuleExample], noMatch: [RuleExample]) {
        let map = try node.mapping(allowedKeys: exampleKeys)
        func parse(_ key: String) throws(RuleError) -> [RuleExample] {
            guard let list = map[key] else { throw node.error("missing required key '\(key)'") }
            var examples: [RuleExample] = []
            for item in try list.sequence() {
                let text = try item.string()
                guard let example = RuleExample(marked: text, line: item.line) else {
                    throw item.error("unbalanced ⟦ ⟧ markers")
                }
                if key == "match", example.spans.isEmpty { throw item.error("a match example must mark its span with ⟦ ⟧") }
                if key == "no_match", !example.spans.isEmpty { throw item.error("a no_match example must not mark spans") }
                examples.append(example)
            }
            guard !examples.isEmpty else { throw list.error("at least one example is required") }
            return examples
        }
        return (try parse("match"), try parse("no_match"))
    }
}
