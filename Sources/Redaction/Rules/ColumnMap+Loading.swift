/// Reading `columns.yaml` (format: Rules/README.md, "Column map").
extension ColumnMap {
    static let keys: Set<String> = ["version", "columns", "vocabulary", "identifier", "document_type", "not_personal"]
    static let entryKeys: Set<String> = ["entity", "headers", "exclude", "examples"]

    /// Parses `columns.yaml`.
    static func load(text: String, file: String) throws(RuleError) -> ColumnMap {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        guard let columns = map["columns"] else { throw root.error("missing required key 'columns'") }
        var examples: [HeaderExample] = []
        var entries: [Entry] = []
        for item in try columns.sequence() {
            let fields = try item.mapping(allowedKeys: entryKeys)
            guard let entity = fields["entity"], fields["headers"] != nil else {
                throw item.error("each column entry needs 'entity' and 'headers'")
            }
            let kind = EntityKind(try entity.string())
            entries.append(try entry(kind, fields))
            examples += try headerExamples(fields["examples"], expecting: .entity(kind), file: file)
        }
        let vocabulary = try map["vocabulary"].map(loadVocabulary) ?? HeaderVocabulary()
        var identifier = Entry(entity: EntityKind("identifier"), headers: [], exclude: [])
        if let node = map["identifier"] {
            let fields = try node.mapping(allowedKeys: ["headers", "exclude", "examples"])
            identifier = try entry(identifier.entity, fields)
            examples += try headerExamples(fields["examples"], expecting: .identifier, file: file)
        }
        var documentType = Entry(entity: EntityKind("document_type"), headers: [], exclude: [])
        var typeValues: [Entry] = []
        if let node = map["document_type"] {
            let fields = try node.mapping(allowedKeys: ["headers", "exclude", "values", "examples"])
            documentType = try entry(documentType.entity, fields)
            examples += try headerExamples(fields["examples"], expecting: .documentType, file: file)
            for item in try fields["values"]?.sequence() ?? [] {
                let value = try item.mapping(allowedKeys: ["entity", "words", "examples"])
                guard let entity = value["entity"], let words = value["words"] else {
                    throw item.error("each document type value needs 'entity' and 'words'")
                }
                let kind = EntityKind(try entity.string())
                typeValues.append(Entry(entity: kind, headers: try names(words), exclude: []))
                examples += try headerExamples(value["examples"], expecting: .typeValue(kind), file: file)
            }
        }
        let notPersonal = try map["not_personal"].map(names) ?? []
        var result = ColumnMap(entries: entries, vocabulary: vocabulary, identifier: identifier, documentType: documentType,
                               typeValues: typeValues, notPersonal: notPersonal)
        result.examples = examples
        return result
    }

    private static func names(_ node: ConfigNode) throws(RuleError) -> [String] {
        let names = try node.strings().map(normalise)
        guard !names.contains("") else { throw node.error("header names must contain a letter") }
        return names
    }

    private static func entry(_ entity: EntityKind, _ fields: [String: ConfigNode]) throws(RuleError) -> Entry {
        Entry(entity: entity, headers: try fields["headers"].map(names) ?? [], exclude: try fields["exclude"].map(names) ?? [])
    }

    private static func loadVocabulary(_ node: ConfigNode) throws(RuleError) -> HeaderVocabulary {
        let fields = try node.mapping(allowedKeys: ["abbreviations", "number_suffixes", "compound_suffixes"])
        var abbreviations: [String: String] = [:]
        for (key, value) in try fields["abbreviations"]?.entries() ?? [] {
            let from = normalise(key)
            let to = normalise(try value.string())
            guard !from.isEmpty, !to.isEmpty, !from.contains(" ") else {
                throw value.error("an abbreviation is one word and its expansion holds a letter")
            }
            abbreviations[from] = to
        }
        let suffixes = try fields["number_suffixes"]?.strings() ?? []
        let compounds = try fields["compound_suffixes"]?.strings().map(normalise) ?? []
        guard !compounds.contains(where: { $0.isEmpty || $0.contains(" ") }) else {
            throw fields["compound_suffixes"]!.error("a compound suffix is one word")
        }
        return HeaderVocabulary(abbreviations: abbreviations, numberSuffixes: suffixes, compoundSuffixes: compounds)
    }

    private static func headerExamples(_ node: ConfigNode?, expecting: HeaderExample.Expectation,
                                       file: String) throws(RuleError) -> [HeaderExample] {
        guard let node else { return [] }
        let fields = try node.mapping(allowedKeys: ["match", "no_match"])
        var result: [HeaderExample] = []
        for (key, shouldMatch) in [("match", true), ("no_match", false)] {
            for item in try fields[key]?.sequence() ?? [] {
                result.append(HeaderExample(header: try item.string(), expecting: expecting, shouldMatch: shouldMatch,
                                            file: file, line: item.line))
            }
        }
        return result
    }
}
