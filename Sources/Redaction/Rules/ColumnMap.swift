/// Maps CSV column headers and JSON keys to the entity a whole cell holds
/// (`护照号码` → passport_number). Loaded from `Rules/columns.yaml`, so header synonyms are
/// data a newsroom can extend, not code.
///
/// A header is tokenised and normalised (case, width, punctuation, camelCase; see
/// `normalise`), its abbreviations and number words rewritten (`HeaderVocabulary`), and
/// matched against each entry's synonyms: exactly, then after the rewriting, then allowing one
/// typing slip in words of six letters or more. Headers that name an identifier without saying
/// which (`证件号码`, `Doc #`, `ID`) and headers that name a document's type (`证件类型`) are
/// matched too: the table profiler decides what their columns hold (`TableProfiler`).
public struct ColumnMap: Sendable {
    /// One entity and the header names that denote it.
    public struct Entry: Sendable, Equatable {
        public var entity: EntityKind
        /// Normalised names: Latin ones match as whole words of the header, CJK ones as substrings.
        public var headers: [String]
        /// Normalised words that veto a match (`company name` is not a person's name).
        public var exclude: [String]

        public init(entity: EntityKind, headers: [String], exclude: [String]) {
            self.entity = entity
            self.headers = headers
            self.exclude = exclude
        }
    }

    /// How a header met its synonym, for the decision's reason.
    public enum Basis: String, Sendable, Equatable {
        /// A listed synonym, as written.
        case synonym
        /// After abbreviations and number words were rewritten (`Ppt no.` → `passport number`).
        case abbreviation = "header abbreviation"
        /// With one typing slip in a long word (`Adresse`, `Pasport`).
        case fuzzy = "header spelling"
    }

    /// What a header says about its column.
    public enum Meaning: Sendable, Equatable {
        /// The cells are wholly this entity.
        case entity(EntityKind, Basis)
        /// The cells are identifiers of a kind the profile, the row or a sibling type column decides.
        case identifier(Basis)
        /// The cells name the type of the document whose number stands in another column.
        case documentType

        /// The entity of `.entity`, else nil.
        public var entity: EntityKind? {
            if case .entity(let entity, _) = self { return entity }
            return nil
        }
    }

    public let entries: [Entry]
    public let vocabulary: HeaderVocabulary
    /// Generic identifier headers (`证件号码`, `document number`, `id`).
    public let identifier: Entry
    /// Document type headers (`证件类型`, `document type`).
    public let documentType: Entry
    /// The words a type cell holds, per entity (`护照` → passport_number).
    public let typeValues: [Entry]
    /// Headers of columns whose codes or dates are not a person's own: case, order and
    /// registration numbers, amounts, event dates. A profile never makes them personal.
    public let notPersonal: [String]
    /// Headers the file says must or must not map (checked by `redact rules check`; not cached).
    public var examples: [HeaderExample] = []

    /// Token forms of every synonym, made once at load: raw (lexical normalisation only) and
    /// rewritten (abbreviations expanded).
    private var compiled: [CompiledEntry] = []
    private var compiledIdentifier = CompiledEntry()
    private var compiledType = CompiledEntry()
    private var compiledTypeValues: [CompiledEntry] = []
    private var compiledNotPersonal: [[String]] = []
    /// Answers of `meaning(ofHeader:)` so far; shared by copies of this map, which answer alike.
    private let meanings = HeaderMeaningCache()

    struct CompiledEntry: Sendable {
        var raw: [[String]] = []
        var rewritten: [[String]] = []
        var exclude: [[String]] = []
        var excludeRewritten: [[String]] = []
    }

    public init(entries: [Entry], vocabulary: HeaderVocabulary = HeaderVocabulary(),
                identifier: Entry = Entry(entity: EntityKind("identifier"), headers: [], exclude: []),
                documentType: Entry = Entry(entity: EntityKind("document_type"), headers: [], exclude: []),
                typeValues: [Entry] = [], notPersonal: [String] = []) {
        self.entries = entries
        self.vocabulary = vocabulary
        self.identifier = identifier
        self.documentType = documentType
        self.typeValues = typeValues
        self.notPersonal = notPersonal
        compiled = entries.map(compile)
        compiledIdentifier = compile(identifier)
        compiledType = compile(documentType)
        compiledTypeValues = typeValues.map(compile)
        compiledNotPersonal = notPersonal.map { vocabulary.tokens(of: $0).tokens }
    }

    private func compile(_ entry: Entry) -> CompiledEntry {
        CompiledEntry(
            raw: entry.headers.map(Self.words),
            rewritten: entry.headers.map { vocabulary.tokens(of: $0).tokens },
            exclude: entry.exclude.map(Self.words),
            excludeRewritten: entry.exclude.map { vocabulary.tokens(of: $0).tokens })
    }

    /// The entity a header or key denotes, if any. First matching entry wins.
    public func entity(forHeader header: String) -> EntityKind? {
        if case .entity(let entity, _) = meaning(ofHeader: header) { return entity }
        return nil
    }

    /// What a header says about its column: an entity, a generic identifier, a document type, or nothing.
    public func meaning(ofHeader header: String) -> Meaning? {
        meaning(ofHeader: header, cached: true)
    }

    /// `meaning(ofHeader:)`, remembered in the map's cache only when `cached`: table headers
    /// and JSON keys are; a label read out of running text (`FormFieldDetector`) is document
    /// text, which the map, shared for the life of the process, does not keep.
    public func meaning(ofHeader header: String, cached: Bool) -> Meaning? {
        cached ? meanings.meaning(of: header) { workOutMeaning(ofHeader: header) } : workOutMeaning(ofHeader: header)
    }

    private func workOutMeaning(ofHeader header: String) -> Meaning? {
        let form = HeaderForm(header, vocabulary: vocabulary)
        guard !form.raw.isEmpty else { return nil }
        for basis in [Basis.synonym, .abbreviation, .fuzzy] {
            for (index, entry) in compiled.enumerated() where Self.matches(entry, form, basis) {
                return .entity(entries[index].entity, basis)
            }
        }
        // A type column first: `document type` names no identifier.
        if [Basis.synonym, .abbreviation].contains(where: { Self.matches(compiledType, form, $0) }) { return .documentType }
        if isNotPersonal(form) { return nil }
        for basis in [Basis.synonym, .abbreviation] where Self.matches(compiledIdentifier, form, basis) {
            return .identifier(basis)
        }
        return nil
    }

    /// The synonym of `columns.yaml`, as listed, by which `header` names an entity: what a
    /// reason may quote instead of the header itself, which in running text can hold more
    /// than a label (`王小明住址` names an address after a name). Nil when no entity matches.
    public func synonym(ofHeader header: String) -> String? {
        let form = HeaderForm(header, vocabulary: vocabulary)
        guard !form.raw.isEmpty else { return nil }
        for basis in [Basis.synonym, .abbreviation, .fuzzy] {
            for (index, entry) in compiled.enumerated() where Self.matches(entry, form, basis) {
                let forms = basis == .synonym ? entry.raw : entry.rewritten
                let hit = forms.firstIndex { Self.sequence($0, in: basis == .synonym ? form.raw : form.rewritten,
                                                            fuzzy: basis == .fuzzy, wholeSingle: true) }
                return hit.map { entries[index].headers[$0] }
            }
        }
        return nil
    }

    /// Whether a header names codes or dates that are not a person's own (`Case No.`,
    /// `Registration date`, `Amount`).
    public func isNotPersonal(header: String) -> Bool {
        isNotPersonal(HeaderForm(header, vocabulary: vocabulary))
    }

    private func isNotPersonal(_ form: HeaderForm) -> Bool {
        compiledNotPersonal.contains { Self.sequence($0, in: form.rewritten, fuzzy: false) }
    }

    /// Whether an `exclude` word of `entity`'s entry vetoes `header` (`Company` for person):
    /// such a column's values are not that entity, whatever they look like.
    public func excludes(_ entity: EntityKind, header: String) -> Bool {
        let form = HeaderForm(header, vocabulary: vocabulary)
        return entries.indices.contains { index in
            entries[index].entity == entity
                && (compiled[index].exclude.contains { Self.sequence($0, in: form.raw, fuzzy: false) }
                    || compiled[index].excludeRewritten.contains { Self.sequence($0, in: form.rewritten, fuzzy: false) })
        }
    }

    /// The entity a document type cell names (`护照`, `Passport`, `ID card`), if any.
    public func entity(forDocumentType value: String) -> EntityKind? {
        let form = HeaderForm(value, vocabulary: vocabulary)
        guard !form.raw.isEmpty else { return nil }
        for (index, entry) in compiledTypeValues.enumerated()
        where Self.matches(entry, form, .synonym) || Self.matches(entry, form, .abbreviation) {
            return typeValues[index].entity
        }
        return nil
    }

    /// The entity for a JSON Pointer: its last key, else the nearest ancestor key that maps
    /// (every leaf under an `address` object is part of the address).
    public func entity(forPointer pointer: String) -> EntityKind? {
        meaning(ofPointer: pointer)?.meaning.entity
    }

    /// The meaning of a JSON Pointer's last key, else of the nearest ancestor key with an entity.
    /// An ancestor whose key is a role (`person`, `passenger`, `holder`) rather than a name
    /// (`name`, `姓名`, `nombre`) lends `person` only to a leaf whose own key `person` does not
    /// exclude: `{"passenger": {"en": …}}` holds names, `{"person": {"type": "passport",
    /// "number": …}}` a record whose `type` and `number` are not names.
    public func meaning(ofPointer pointer: String) -> (key: String, meaning: Meaning)? {
        let keys = Self.keys(of: pointer)
        var first: (key: String, meaning: Meaning)?
        for key in keys.reversed() where !key.allSatisfy(\.isNumber) {
            guard let meaning = meaning(ofHeader: key) else { continue }
            if case .entity(let entity, _) = meaning, entity == .person, key != keys.last, !Self.namesAName(key),
               let leaf = keys.last(where: { !$0.allSatisfy(\.isNumber) }),
               excludes(.person, header: leaf) || isNotPersonal(header: leaf) { continue }
            if case .entity = meaning { return (key, meaning) }
            if first == nil && key == keys.last { first = (key, meaning) }
        }
        return first
    }

    /// Whether a key says "name" in one of the languages of `columns.yaml` (`name`, `fullName`,
    /// `nom`, `nombre`, `naam`, `姓名`, `氏名`, `имя`, `이름`) rather than naming a role.
    static func namesAName(_ key: String) -> Bool {
        let normalised = normalise(key)
        let words = Set(normalised.split(separator: " ").map(String.init))
        return !words.isDisjoint(with: ["name", "names", "nom", "nombre", "nombres", "nome", "naam", "namn", "navn",
                                        "imię", "имя", "фио", "이름", "성명", "fullname", "surname", "vorname", "nachname"])
            || normalised.contains("名")
    }

    /// The unescaped keys of a JSON Pointer.
    static func keys(of pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
    }

    /// A header in the two forms matching needs.
    struct HeaderForm {
        var raw: [String]
        var rewritten: [String]

        init(_ header: String, vocabulary: HeaderVocabulary) {
            let normalised = ColumnMap.normalise(header)
            raw = ColumnMap.words(normalised)
            rewritten = vocabulary.tokens(of: normalised).tokens
        }
    }

    static func words(_ normalised: String) -> [String] { normalised.split(separator: " ").map(String.init) }

    private static func matches(_ entry: CompiledEntry, _ form: HeaderForm, _ basis: Basis) -> Bool {
        let found: Bool
        switch basis {
        case .synonym: found = entry.raw.contains { sequence($0, in: form.raw, fuzzy: false, wholeSingle: true) }
        case .abbreviation: found = entry.rewritten.contains { sequence($0, in: form.rewritten, fuzzy: false, wholeSingle: true) }
        case .fuzzy: found = entry.rewritten.contains { sequence($0, in: form.rewritten, fuzzy: true, wholeSingle: true) }
        }
        guard found else { return false }
        let excluded = entry.exclude.contains { sequence($0, in: form.raw, fuzzy: false) }
            || entry.excludeRewritten.contains { sequence($0, in: form.rewritten, fuzzy: false) }
        return !excluded
    }

    /// Whether `name`'s tokens occur in a row in `header`. A CJK token matches inside a header
    /// token (no word boundaries to respect); a Latin token must equal one, or with `fuzzy`
    /// differ by one edit when both have six letters or more. With `wholeSingle` (a header
    /// synonym, not an exclusion), a single CJK character must be the whole header token: `名`
    /// (given name) is not in `签名` (signature), `성` (surname) not in `성별` (sex); an
    /// exclusion such as `群` still vetoes `微信群`.
    static func sequence(_ name: [String], in header: [String], fuzzy: Bool, wholeSingle: Bool = false) -> Bool {
        guard !name.isEmpty, name.count <= header.count else { return false }
        for start in 0...(header.count - name.count) {
            var all = true
            for offset in name.indices
            where !token(name[offset], matches: header[start + offset], fuzzy: fuzzy, wholeSingle: wholeSingle) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }

    static func token(_ name: String, matches word: String, fuzzy: Bool, wholeSingle: Bool = false) -> Bool {
        if name == word { return true }
        guard name.unicodeScalars.contains(where: { $0.value < 0x80 }) else {
            return wholeSingle && name.unicodeScalars.count == 1 ? false : containsBytes(name, in: word)
        }
        // Cheap length tests first: a header word is compared with every synonym of the map.
        guard fuzzy, name.utf8.count >= 6, word.utf8.count >= 6 else { return false }
        let nameLength = name.unicodeScalars.count, wordLength = word.unicodeScalars.count
        guard nameLength >= 6, wordLength >= 6, abs(nameLength - wordLength) <= 1 else { return false }
        return EditDistance.atMostOne(Array(name.unicodeScalars), Array(word.unicodeScalars))
    }

    /// Whether `word` contains `name`, compared as UTF-8 bytes. Both are normalised, so no
    /// case or width folding is left to do, and UTF-8 never matches inside a character: the
    /// byte search finds what `String.contains` would, without Foundation's locale-aware
    /// search (a tenth of a run's time on header-heavy exports, measured with perf).
    static func containsBytes(_ name: String, in word: String) -> Bool {
        var name = name, word = word
        return name.withUTF8 { needle in
            word.withUTF8 { haystack in
                guard !needle.isEmpty else { return true }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Lower-case (any script), full-width Latin folded to ASCII, and separators (`_ - . / ( ) : ：` …)
    /// turned into single spaces, so `Date_of_Birth`, `date-of-birth` and `ＤＯＢ` compare equal
    /// to the listed forms. camelCase is split (`dateOfBirth` → `date of birth`), and so is a
    /// change between Latin and other letters (`姓名Name` → `姓名 name`). `#` and `№` stay as
    /// the token `#` (the vocabulary reads it as "number").
    public static func normalise(_ text: String) -> String {
        var result = ""
        var previousWasLower = false
        var previousWasCJK: Bool?
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full-width ASCII
            if value == 0x2116 { value = 0x23 }  // № → #
            let folded = Unicode.Scalar(value)!
            let isUpper = (0x41...0x5A).contains(value)
            let isLower = (0x61...0x7A).contains(value)
            let isDigit = (0x30...0x39).contains(value)
            let isLatin = isUpper || isLower || isDigit
            if value == 0x23 {
                if !result.isEmpty { result.append(" ") }
                result.append("#")
                pendingSpace = true
                previousWasLower = false
                previousWasCJK = nil
                continue
            }
            let isSeparator = value < 0x80 ? !isLatin : " \u{3000}（）：、，·°º".unicodeScalars.contains(folded)
            if isSeparator {
                pendingSpace = !result.isEmpty
                previousWasLower = false
                previousWasCJK = nil
                continue
            }
            if isUpper && previousWasLower { pendingSpace = true }
            let isCJK = Self.isCJK(value)
            if let previousWasCJK, previousWasCJK != isCJK { pendingSpace = true }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            if isUpper {
                result.unicodeScalars.append(Unicode.Scalar(value | 0x20)!)
            } else if value >= 0xC0, folded.properties.isUppercase {
                // `Фамилия`, `Étage`, `Ó`: other scripts' capitals as their lower case.
                result += folded.properties.lowercaseMapping
            } else {
                result.unicodeScalars.append(folded)
            }
            previousWasLower = isLower
            previousWasCJK = isCJK
        }
        return result
    }

    /// Han, kana and hangul: the scripts written without spaces between words.
    static func isCJK(_ value: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }
}
