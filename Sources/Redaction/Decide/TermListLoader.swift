import Crypto
import Foundation

/// Reads a policy's `allow:` or `deny:` entry and the list files it names.
///
/// ```yaml
/// allow: ["Wang Jianguo"]                  # a plain list: terms
/// deny:
///   entity: person                         # deny only: entity of matches (default person)
///   terms: [Nightingale, {term: E12345678, entity: passport_number}]
///   patterns: ['project\s+nightingale']    # PCRE2 over the folded text, caseless
///   files: [../lists/deny.txt]             # relative to the policy file's folder
/// ```
enum TermListLoader {
    enum Kind: String {
        case allow, deny
    }

    static let keys: Set<String> = ["terms", "patterns", "files", "entity"]
    static let entryKeys: Set<String> = ["term", "pattern", "entity"]

    /// Loads `node`; list files are read relative to `baseDirectory` and their names and
    /// bytes are added to `hasher` (the policy digest covers the lists it uses).
    static func load(_ node: ConfigNode, kind: Kind, baseDirectory: String, hasher: inout SHA256) throws(RuleError) -> TermList {
        var list = TermList()
        if node.node.sequence != nil || node.node.scalar != nil {
            let count = try addEntries(node, kind: kind, to: &list)
            list.sources.append(.init(name: "inline", terms: count.terms, patterns: count.patterns))
            return list
        }
        let map = try node.mapping(allowedKeys: kind == .deny ? keys : keys.subtracting(["entity"]))
        if let entity = map["entity"] { list.defaultEntity = try entityName(entity) }
        var inline = (terms: 0, patterns: 0)
        if let terms = map["terms"] {
            let count = try addEntries(terms, kind: kind, to: &list)
            inline.terms += count.terms
            inline.patterns += count.patterns
        }
        if let patterns = map["patterns"] {
            for (index, item) in try patterns.sequenceOrScalar().enumerated() {
                let source = try item.string()
                list.add(pattern: try compile(source, kind: kind, entity: nil, origin: "inline") { message in
                    RuleError(file: node.file, line: item.line, key: "\(patterns.keyPath)[\(index)]", message: message)
                })
                inline.patterns += 1
            }
        }
        if inline.terms + inline.patterns > 0 {
            list.sources.append(.init(name: "inline", terms: inline.terms, patterns: inline.patterns))
        }
        if let files = map["files"] {
            for item in try files.sequenceOrScalar() {
                let name = try item.string()
                let path = name.hasPrefix("/") ? name : (baseDirectory as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw item.error("cannot read the list file \(path)")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw RuleError(file: path, message: "the list file is not valid UTF-8")
                }
                hasher.update(data: Data(name.utf8))
                hasher.update(data: Data([0]))
                hasher.update(data: data)
                let count = try addFile(text, path: path, name: name, kind: kind, to: &list)
                list.sources.append(.init(name: name, terms: count.terms, patterns: count.patterns))
            }
        }
        return list
    }

    /// Entries of `terms:` (or of a plain list): strings, or `{term:|pattern:, entity:}`.
    private static func addEntries(_ node: ConfigNode, kind: Kind, to list: inout TermList) throws(RuleError) -> (terms: Int, patterns: Int) {
        var count = (terms: 0, patterns: 0)
        for item in try node.sequenceOrScalar() {
            if item.node.scalar != nil {
                try addTerm(try item.string(), entity: nil, source: "inline", to: &list) { item.error($0) }
                count.terms += 1
                continue
            }
            let map = try item.mapping(allowedKeys: entryKeys)
            let entity = try map["entity"].map { (node) throws(RuleError) in try entityName(node) }
            switch (map["term"], map["pattern"]) {
            case (let term?, nil):
                try addTerm(try term.string(), entity: entity, source: "inline", to: &list) { term.error($0) }
                count.terms += 1
            case (nil, let pattern?):
                list.add(pattern: try compile(try pattern.string(), kind: kind, entity: entity, origin: "inline") { pattern.error($0) })
                count.patterns += 1
            default:
                throw item.error("an entry needs exactly one of 'term' and 'pattern'")
            }
        }
        return count
    }

    /// One list file: a term per line, `#` comment lines, `re:` patterns, and an optional
    /// `[entity]` prefix (see `Rules/lists/README.md`).
    static func addFile(_ text: String, path: String, name: String, kind: Kind, to list: inout TermList) throws(RuleError) -> (terms: Int, patterns: Int) {
        var count = (terms: 0, patterns: 0)
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = trimmingWhitespace(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = lineNumber
            let fail = { (message: String) in RuleError(file: path, line: number, message: message) }
            var entity: EntityKind?
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                let name = String(line[line.index(after: line.startIndex)..<close])
                guard isEntityName(name) else { throw fail("'[\(name)]' is not an entity name (lower-case letters, digits and _)") }
                entity = EntityKind(name)
                line = trimmingWhitespace(line[line.index(after: close)...])
            }
            if line.hasPrefix("re:") {
                let source = trimmingWhitespace(line.dropFirst(3))
                list.add(pattern: try compile(source, kind: kind, entity: entity, origin: name, fail))
                count.patterns += 1
            } else {
                try addTerm(line, entity: entity, source: name, to: &list, fail)
                count.terms += 1
            }
        }
        return count
    }

    /// `text` without leading and trailing whitespace, exactly as `trimmingCharacters(in:
    /// .whitespaces)` trims it (CoreFoundation's set: tab, the space separators, and U+200B),
    /// without building Foundation's CharacterSet, which cost more than a million
    /// instructions of every scan's start-up.
    static func trimmingWhitespace(_ text: Substring) -> String {
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        return String(scalars[first...last])
    }

    private static func addTerm(_ term: String, entity: EntityKind?, source: String, to list: inout TermList,
                                _ fail: (String) -> RuleError) throws(RuleError) {
        guard !FoldedText(term).isEmpty else { throw fail("an empty term") }
        list.add(term: term, entity: entity, source: source)
    }

    /// Compiles a list pattern for folded text: full-width letters and digits and
    /// traditional characters in it are folded like the text (case is left to `caseless`,
    /// since lower-casing `\D` or `\P{…}` would change their meaning). An allow-list pattern
    /// must match the whole value.
    static func compile(_ source: String, kind: Kind, entity: EntityKind?, origin: String,
                        _ fail: (String) -> RuleError) throws(RuleError) -> TermList.Pattern {
        guard !source.isEmpty else { throw fail("an empty pattern") }
        var folded = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            let value = scalar.value
            if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
                folded.append(Unicode.Scalar(value - 0xFEE0)!)
            } else if let simple = HanVariants.simplified[value] {
                folded.append(simple)
            } else {
                folded.append(scalar)
            }
        }
        let text = String(folded)
        let compiled: PCREPattern
        do throws(PCREError) {
            compiled = try PCREPattern(kind == .allow ? "\\A(?:\(text))\\z" : text, options: .caseless)
        } catch {
            throw fail("pattern does not compile: \(error)")
        }
        return TermList.Pattern(source: source, entity: entity, origin: origin, compiled: compiled)
    }

    static func entityName(_ node: ConfigNode) throws(RuleError) -> EntityKind {
        let name = try node.string()
        guard isEntityName(name) else { throw node.error("'\(name)' is not an entity name (lower-case letters, digits and _)") }
        return EntityKind(name)
    }

    static func isEntityName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, (0x61...0x7A).contains(first.value) else { return false }
        return name.unicodeScalars.allSatisfy { (0x61...0x7A).contains($0.value) || (0x30...0x39).contains($0.value) || $0 == "_" }
    }
}

extension ConfigNode {
    /// A sequence, or a single scalar as a one-element sequence.
    func sequenceOrScalar() throws(RuleError) -> [ConfigNode] {
        if node.scalar != nil { return [self] }
        return try sequence()
    }
}
