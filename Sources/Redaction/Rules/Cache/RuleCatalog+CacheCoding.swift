/// How a compiled catalog is written to and read from the rule cache: every property a
/// scan uses, the patterns as PCRE2 bytecode. Not the rules' examples, which scans never
/// read (`loadForScanning` leaves them out whether or not the cache is used).
///
/// Reading rebuilds each value through the same initialisers a load from the files uses
/// (`WordList`, `PCREPattern`), so derived tables are made by one piece of code only.
extension RuleCatalog {
    func write(to writer: inout CacheWriter) throws(CacheFormatError) {
        try writer.array(rules) { (writer, rule) throws(CacheFormatError) in try rule.write(to: &writer) }
        columns.write(to: &writer)
        writer.optional(propagation) { writer, propagation in propagation.write(to: &writer) }
    }

    /// The catalog written by `write(to:)`; `digest` and `directory` come from the entry's
    /// header, which the cache has already matched against the files on disk.
    static func read(from reader: inout CacheReader, digest: String, directory: String) throws(CacheFormatError) -> RuleCatalog {
        let rules = try reader.array { (reader) throws(CacheFormatError) in try Rule.read(from: &reader) }
        let columns = try ColumnMap.read(from: &reader)
        let propagation = try reader.optional { (reader) throws(CacheFormatError) in try PropagationConfig.read(from: &reader) }
        return RuleCatalog(rules: rules, columns: columns, propagation: propagation, digest: digest,
                           directory: directory)
    }
}

extension Rule {
    func write(to writer: inout CacheWriter) throws(CacheFormatError) {
        writer.string(id)
        writer.string(entity.rawValue)
        writer.string(description)
        guard let code = pattern.serializedCode() else { throw CacheFormatError("rule \(id): pattern not serializable") }
        writer.string(pattern.source)
        writer.bool(pattern.allowsStartWindows)
        writer.bytes(code)
        writer.raw(confidence)
        writer.optional(context) { writer, context in
            writer.strings(context.words.words)
            writer.int(context.before)
            writer.int(context.after)
            writer.raw(context.raises)
        }
        writer.optional(unless) { writer, unless in unless.write(to: &writer) }
        writer.optional(near) { writer, near in
            writer.strings(near.entities.map(\.rawValue).sorted())
            writer.int(near.within)
            writer.raw(near.raises)
        }
        writer.array(requires) { $0.bytes($1) }
        writer.optional(anchors) { writer, anchors in
            writer.array(anchors.literals) { $0.bytes($1) }
            writer.int(anchors.before)
            writer.int(anchors.after)
        }
        writer.raw(validator)
        writer.string(file)
    }

    static func read(from reader: inout CacheReader) throws(CacheFormatError) -> Rule {
        let id = try reader.string()
        let entity = EntityKind(try reader.string())
        let description = try reader.string()
        let source = try reader.string()
        let startWindows = try reader.bool()
        let code = try reader.byteArray()
        let pattern: PCREPattern
        do throws(PCREError) {
            pattern = try PCREPattern(serializedCode: code, source: source, startWindows: startWindows)
        } catch {
            throw CacheFormatError("rule \(id): \(error)")
        }
        let confidence = try reader.raw(Confidence.self)
        let context = try reader.optional { (reader) throws(CacheFormatError) in
            Context(words: WordList(try reader.strings()), before: try reader.int(), after: try reader.int(),
                    raises: try reader.raw(Confidence.self))
        }
        let unless = try reader.optional { (reader) throws(CacheFormatError) in try Suppression.read(from: &reader) }
        let near = try reader.optional { (reader) throws(CacheFormatError) in
            Near(entities: Set(try reader.strings().map(EntityKind.init(rawValue:))), within: try reader.int(),
                 raises: try reader.raw(Confidence.self))
        }
        let requires = try reader.array { (reader) throws(CacheFormatError) in try reader.byteArray() }
        let anchors = try reader.optional { (reader) throws(CacheFormatError) in
            Anchors(literals: try reader.array { (reader) throws(CacheFormatError) in try reader.byteArray() },
                    before: try reader.int(), after: try reader.int())
        }
        return Rule(id: id, entity: entity, description: description, pattern: pattern, confidence: confidence,
                    context: context, unless: unless, near: near, requiredLiterals: requires, anchors: anchors,
                    validator: try reader.raw(Validator.self), matchExamples: [], noMatchExamples: [],
                    file: try reader.string())
    }
}

extension Rule.Suppression {
    func write(to writer: inout CacheWriter) {
        writer.strings(words.words)
        writer.int(before)
        writer.int(after)
    }

    static func read(from reader: inout CacheReader) throws(CacheFormatError) -> Rule.Suppression {
        Rule.Suppression(words: WordList(try reader.strings()), before: try reader.int(), after: try reader.int())
    }
}

extension PropagationConfig {
    func write(to writer: inout CacheWriter) {
        writer.string(entity.rawValue)
        writer.raw(seedConfidence)
        writer.raw(fullNameConfidence)
        writer.raw(surnameConfidence)
        writer.raw(givenNameConfidence)
        writer.raw(givenNameSameDocumentConfidence)
        writer.int(partMinLetters)
        writer.strings(partStopWords.sorted())
        writer.optional(unless) { writer, unless in unless.write(to: &writer) }
        writer.strings(bylineOutlets)
    }

    static func read(from reader: inout CacheReader) throws(CacheFormatError) -> PropagationConfig {
        PropagationConfig(
            entity: EntityKind(try reader.string()),
            seedConfidence: try reader.raw(Confidence.self),
            fullNameConfidence: try reader.raw(Confidence.self),
            surnameConfidence: try reader.raw(Confidence.self),
            givenNameConfidence: try reader.raw(Confidence.self),
            givenNameSameDocumentConfidence: try reader.raw(Confidence.self),
            partMinLetters: try reader.int(),
            partStopWords: Set(try reader.strings()),
            unless: try reader.optional { (reader) throws(CacheFormatError) in try Rule.Suppression.read(from: &reader) },
            bylineOutlets: try reader.strings()
        )
    }
}

extension ColumnMap {
    /// Every entry and the header vocabulary; not the examples, which scans never read.
    func write(to writer: inout CacheWriter) {
        func entry(_ writer: inout CacheWriter, _ entry: Entry) {
            writer.string(entry.entity.rawValue)
            writer.strings(entry.headers)
            writer.strings(entry.exclude)
        }
        writer.array(entries, entry)
        entry(&writer, identifier)
        entry(&writer, documentType)
        writer.array(typeValues, entry)
        writer.strings(notPersonal)
        let abbreviations = vocabulary.abbreviations.sorted { $0.key < $1.key }
        writer.strings(abbreviations.map(\.key))
        writer.strings(abbreviations.map(\.value))
        writer.strings(vocabulary.numberSuffixes)
        writer.strings(vocabulary.compoundSuffixes)
    }

    static func read(from reader: inout CacheReader) throws(CacheFormatError) -> ColumnMap {
        func entry(_ reader: inout CacheReader) throws(CacheFormatError) -> Entry {
            Entry(entity: EntityKind(try reader.string()), headers: try reader.strings(), exclude: try reader.strings())
        }
        let entries = try reader.array(entry)
        let identifier = try entry(&reader)
        let documentType = try entry(&reader)
        let typeValues = try reader.array(entry)
        let notPersonal = try reader.strings()
        let keys = try reader.strings()
        let values = try reader.strings()
        guard keys.count == values.count else { throw CacheFormatError("abbreviation table out of step") }
        let vocabulary = HeaderVocabulary(abbreviations: Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }),
                                          numberSuffixes: try reader.strings(), compoundSuffixes: try reader.strings())
        return ColumnMap(entries: entries, vocabulary: vocabulary, identifier: identifier, documentType: documentType,
                         typeValues: typeValues, notPersonal: notPersonal)
    }
}
