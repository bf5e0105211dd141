/// Reads an operator and its options from a policy entry (`defaults`, an entity under
/// `entities`, a field rule), flat beside `min_confidence`:
///
/// ```yaml
/// phone_number: { operator: mask, keep_first: 4, keep_last: 2, mask_char: "•", keep_separators: true }
/// person: { operator: pseudonymize, style: hash, length: 6 }
/// date_of_birth: { operator: generalize, to: year }
/// ```
///
/// An entry that names an operator starts from that operator's defaults; one that does not
/// inherits the operator (and options) it would otherwise get, and may change its options.
/// Every problem — an unknown operator, an option of another operator, a value out of
/// range, a bad template, a generalization the entity does not have — is a `RuleError`
/// naming the file, line and key.
enum OperatorParsing {
    /// Where an entry applies, which decides the generalizations it may choose.
    enum Scope: Sendable, Equatable {
        /// `defaults`: applies to every entity, so no generalization fits.
        case defaults
        /// One entity under `entities`: only its own generalizations.
        case entity(EntityKind)
        /// An entry whose entity is not known when it loads (a field rule without `entity`):
        /// any generalization; a value it does not fit is labelled instead.
        case anyEntity
    }

    /// The operator keys an entry may have besides its own (`min_confidence`).
    static let keys: Set<String> = ["operator", "keep_first", "keep_last", "mask_char", "keep_separators", "template",
                                    "style", "length", "to"]

    /// The options of each operator, in the order they are read (and reported).
    static let options: [String: [String]] = [
        "label": ["template"],
        "remove": [],
        "mask": ["keep_first", "keep_last", "mask_char", "keep_separators"],
        "pseudonymize": ["style", "length"],
        "generalize": ["to"],
        "keep": [],
    ]

    /// The `style` values of `pseudonymize`.
    enum StyleName: String, CaseIterable {
        case hash, sequential
    }

    /// The operator `map` describes, starting from `base` when it names none.
    static func parse(_ map: [String: ConfigNode], scope: Scope, inheriting base: Operator) throws(RuleError) -> Operator {
        var op = base
        let operatorNode = map["operator"]
        if let operatorNode {
            let name = try operatorNode.string()
            switch name {
            case "label": op = .label
            case "remove": op = .remove
            case "mask": op = .mask(MaskOptions())
            case "pseudonymize": op = .pseudonymize(.hash(length: PseudonymStyle.defaultLength))
            case "generalize":
                guard map["to"] != nil else {
                    throw operatorNode.error("operator 'generalize' needs 'to' (\(targetList(for: scope)))")
                }
                op = .generalize(.year)  // replaced by `to` below
            case "keep": op = .keep
            default:
                throw operatorNode.error("unknown operator '\(name)' (known: \(Operator.names.joined(separator: ", ")))")
            }
        }
        let allowed = options[op.name] ?? []
        for key in keys.sorted() where key != "operator" && !allowed.contains(key) {
            guard let node = map[key] else { continue }
            let own = allowed.isEmpty ? "it has no options" : "its options: " + allowed.joined(separator: ", ")
            throw node.error("'\(key)' does not apply to operator '\(op.name)' (\(own))")
        }
        switch op {
        case .label:
            guard let node = map["template"] else { return op }
            let text = try node.string()
            do throws(TemplateError) {
                return .label(template: try LabelTemplate(text))
            } catch {
                throw node.error(error.message)
            }
        case .mask(var options):
            if let node = map["keep_first"] { options.keepFirst = try count(node) }
            if let node = map["keep_last"] { options.keepLast = try count(node) }
            if let node = map["mask_char"] {
                let text = try node.string()
                guard text.count == 1, let character = text.first else { throw node.error("mask_char must be one character") }
                guard !character.isWhitespace, !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    throw node.error("mask_char must be a visible character, not a space or control character")
                }
                options.character = character
            }
            if let node = map["keep_separators"] { options.keepSeparators = try node.bool() }
            return .mask(options)
        case .pseudonymize(let style):
            var name = StyleName.hash
            if case .sequential = style { name = .sequential }
            if let node = map["style"] { name = try node.oneOf(StyleName.self) }
            switch name {
            case .sequential:
                if let node = map["length"] { throw node.error("'length' applies only to style 'hash'") }
                return .pseudonymize(.sequential)
            case .hash:
                var length = PseudonymStyle.defaultLength
                if case .hash(let inherited) = style { length = inherited }
                if let node = map["length"] {
                    length = try node.int()
                    let range = PseudonymStyle.lengths
                    guard range.contains(length) else {
                        throw node.error("length must be between \(range.lowerBound) and \(range.upperBound)")
                    }
                }
                return .pseudonymize(.hash(length: length))
            }
        case .generalize(var target):
            if case .defaults = scope {
                throw (operatorNode ?? map["to"]!).error(
                    "'generalize' cannot be a default: each target fits one entity; set it under 'entities'")
            }
            if let node = map["to"] { target = try node.oneOf(Generalization.self) }
            if case .entity(let entity) = scope {
                let targets = Generalization.targets(for: entity)
                guard !targets.isEmpty else {
                    throw (operatorNode ?? map["to"]!).error(
                        "'generalize' does not apply to \(entity.rawValue) (generalizations exist for \(targetList(for: .anyEntity)))")
                }
                guard targets.contains(target) else {
                    throw (map["to"] ?? operatorNode!).error(
                        "'\(target.rawValue)' does not apply to \(entity.rawValue) (\(targetList(for: scope)))")
                }
            }
            return .generalize(target)
        case .remove, .keep:
            return op
        }
    }

    /// `keep_first` / `keep_last`: 0–64 characters.
    private static func count(_ node: ConfigNode) throws(RuleError) -> Int {
        let value = try node.int()
        guard (0...64).contains(value) else { throw node.error("\(node.keyPath.split(separator: ".").last ?? "") must be between 0 and 64") }
        return value
    }

    /// `for address: city, region, country`, or every entity's targets.
    private static func targetList(for scope: Scope) -> String {
        if case .entity(let entity) = scope {
            let targets = Generalization.targets(for: entity).map(\.rawValue)
            return targets.isEmpty ? "it has no generalizations" : "for \(entity.rawValue): " + targets.joined(separator: ", ")
        }
        let entities = Set(Generalization.allCases.map(\.entity)).sorted()
        return entities.map { entity in
            "\(entity.rawValue): " + Generalization.targets(for: entity).map(\.rawValue).joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
