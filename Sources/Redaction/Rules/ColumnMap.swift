/// Maps CSV column headers and JSON keys to the entity a whole cell holds
/// (`护照号码` → passport_number). Loaded from `Rules/columns.yaml`, so header synonyms are
/// data a newsroom can extend, not code.
public struct ColumnMap: Sendable {
    /// One entity and the header names that denote it.
    public struct Entry: Sendable, Equatable {
        public var entity: EntityKind
        /// Normalised names: Latin ones match as whole words of the header, CJK ones as substrings.
        public var headers: [String]
        /// Normalised words that veto a match (`company name` is not a person's name).
        public var exclude: [String]
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entity a header or key denotes, if any. First matching entry wins.
    public func entity(forHeader header: String) -> EntityKind? {
        let normalised = Self.normalise(header)
        guard !normalised.isEmpty else { return nil }
        for entry in entries where entry.headers.contains(where: { Self.matches($0, in: normalised) }) {
            if entry.exclude.contains(where: { Self.matches($0, in: normalised) }) { continue }
            return entry.entity
        }
        return nil
    }

    /// The entity for a JSON Pointer: its last key, else the nearest ancestor key that maps
    /// (every leaf under an `address` object is part of the address).
    public func entity(forPointer pointer: String) -> EntityKind? {
        let keys = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
        for key in keys.reversed() where !key.allSatisfy(\.isNumber) {
            if let entity = entity(forHeader: key) { return entity }
        }
        return nil
    }

    /// Lower-case, full-width Latin folded to ASCII, and separators (`_ - . / ( ) : ：` …)
    /// turned into single spaces, so `Date_of_Birth`, `date-of-birth` and `ＤＯＢ` compare equal
    /// to the listed forms. camelCase is split (`dateOfBirth` → `date of birth`).
    public static func normalise(_ text: String) -> String {
        var result = ""
        var previousWasLower = false
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full-width ASCII
            let folded = Unicode.Scalar(value)!
            let isUpper = (0x41...0x5A).contains(value)
            let isLower = (0x61...0x7A).contains(value)
            let isDigit = (0x30...0x39).contains(value)
            let isLatin = isUpper || isLower || isDigit
            let isSeparator = value < 0x80 ? !isLatin : " \u{3000}（）：、，·".unicodeScalars.contains(folded)
            if isSeparator {
                pendingSpace = !result.isEmpty
                previousWasLower = false
                continue
            }
            if isUpper && previousWasLower { pendingSpace = true }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(isUpper ? Unicode.Scalar(value | 0x20)! : folded)
            previousWasLower = isLower
        }
        return result
    }

    static func matches(_ name: String, in header: String) -> Bool {
        guard name.unicodeScalars.contains(where: { $0.value < 0x80 }) else {
            return header.contains(name)  // CJK: no word boundaries to respect
        }
        return header == name || header.hasPrefix(name + " ") || header.hasSuffix(" " + name)
            || header.contains(" " + name + " ")
    }
}

extension ColumnMap {
    static let keys: Set<String> = ["version", "columns"]
    static let entryKeys: Set<String> = ["entity", "headers", "exclude"]

    /// Parses `columns.yaml`.
    static func load(text: String, file: String) throws(RuleError) -> ColumnMap {
        let root = try ConfigNode.parse(text, file: file)
        let map = try root.mapping(allowedKeys: keys)
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        guard let columns = map["columns"] else { throw root.error("missing required key 'columns'") }
        var entries: [Entry] = []
        for item in try columns.sequence() {
            let fields = try item.mapping(allowedKeys: entryKeys)
            guard let entity = fields["entity"], let headers = fields["headers"] else {
                throw item.error("each column entry needs 'entity' and 'headers'")
            }
            let names = try headers.strings().map(normalise)
            guard !names.contains("") else { throw headers.error("header names must contain a letter") }
            entries.append(Entry(
                entity: EntityKind(try entity.string()),
                headers: names,
                exclude: try fields["exclude"]?.strings().map(normalise) ?? []
            ))
        }
        return ColumnMap(entries: entries)
    }
}
