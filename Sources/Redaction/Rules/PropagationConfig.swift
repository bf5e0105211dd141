/// How names found with strong evidence are propagated across a run (`Rules/propagation.yaml`).
public struct PropagationConfig: Sendable, Equatable {
    public var entity: EntityKind
    public var seedConfidence: Confidence
    public var fullNameConfidence: Confidence
    /// A surname found alone.
    public var surnameConfidence: Confidence
    /// A given name found alone.
    public var givenNameConfidence: Confidence
    /// A given name found alone in the document its name was found in (`Steffen Dowerg was
    /// born in 1957 … Steffen moved in 2006`): there it points at that person, not at a word.
    public var givenNameSameDocumentConfidence: Confidence
    public var partMinLetters: Int
    /// Lower-cased words never propagated as name parts.
    public var partStopWords: Set<String>
    public var unless: Rule.Suppression?
    /// News outlets whose name after a recurrence (`Name, Reuters`, `Name | AFP`) marks it
    /// as a journalist's byline: kept, like a public role.
    public var bylineOutlets: [String] = []

    static let keys: Set<String> = [
        "version", "entity", "seed_confidence", "full_name_confidence", "surname_confidence", "given_name_confidence",
        "given_name_same_document_confidence", "part_min_letters",
        "part_stop_words", "unless", "byline_outlets",
    ]

    /// Parses `propagation.yaml`.
    static func load(text: String, file: String) throws(RuleError) -> PropagationConfig {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        let minLetters = try map["part_min_letters"]?.int() ?? 3
        guard (1...20).contains(minLetters) else { throw map["part_min_letters"]!.error("must be between 1 and 20") }
        let unless = try map["unless"].map { (node) throws(RuleError) in try RuleLoader.loadSuppression(node, defaultBefore: 25) }
        let given = try map["given_name_confidence"]?.oneOf(Confidence.self) ?? .low
        return PropagationConfig(
            entity: EntityKind(try map["entity"]?.string() ?? EntityKind.person.rawValue),
            seedConfidence: try map["seed_confidence"]?.oneOf(Confidence.self) ?? .high,
            fullNameConfidence: try map["full_name_confidence"]?.oneOf(Confidence.self) ?? .high,
            surnameConfidence: try map["surname_confidence"]?.oneOf(Confidence.self) ?? .medium,
            givenNameConfidence: given,
            givenNameSameDocumentConfidence: try map["given_name_same_document_confidence"]?.oneOf(Confidence.self) ?? given,
            partMinLetters: minLetters,
            partStopWords: Set(try map["part_stop_words"]?.strings().map { $0.lowercased() } ?? []),
            unless: unless,
            bylineOutlets: try map["byline_outlets"]?.strings() ?? []
        )
    }
}
