/// The names of private persons found with strong evidence in a run, and a detector that
/// finds them wherever they recur: in every document of the run, in any field.
///
/// A full name is matched as a whole; the parts of a Latin-script name (surname, given
/// name) are matched alone at a lower confidence, so `Ms. Gentry` and `Hi Rebecca` are
/// found once `Katie Gentry` and `Rebecca Buck` are known. Adjacent matches (`Lei` `Wang`
/// for a seed `WANG Lei`) merge into one finding. Latin names match case-insensitively on
/// whole words and must start with a capital where they recur; CJK names match as
/// substrings (no word boundaries in Chinese).
///
/// Propagation is kept safe (`NameLexicon+Context.swift`): a single word recurs alone only
/// when it is no common word, month or place (`CommonWordCheck`), and never inside a larger
/// token or a date; a public-role title before the name's first part, or a byline's outlet
/// after it, keeps the recurrence. Each finding records its seed's origin (`SeedOrigin`).
///
/// Immutable and `Sendable`: built once per run after the harvest pass, shared by workers.
public struct NameLexicon: Sendable {
    /// What a lexicon entry is of its seed name.
    enum Kind: Int, Sendable, Comparable {
        case givenName, surname, fullName
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Entry: Sendable {
        /// ASCII-lower-cased UTF-8 bytes of the name.
        var bytes: [UInt8]
        var isLatin: Bool
        var kind: Kind
        /// Where the seed this entry comes from was found.
        var origin: SeedOrigin?
        /// A single word that is also a common word (`Cross`, `Young`): followed, but not inside
        /// another capitalised phrase (`Red Cross`, `Young Street`).
        var isCommonWord = false
    }

    public let config: PropagationConfig
    /// Latin entries by the hash of their first word; CJK entries by the hash of their first
    /// two characters. One hash per word (or CJK character) of the text keeps the scan
    /// linear however many names the run collected.
    private let latinByFirstWord: [UInt64: [Entry]]
    private let cjkByFirstPair: [UInt64: [Entry]]
    /// Every key of the two tables: most words of a text start no name, and the filter says
    /// so without a dictionary look-up.
    private let hashFilter: HashFilter
    /// The UTF-8 bytes of `config.bylineOutlets`, in the same order.
    let outletBytes: [[UInt8]]
    public let count: Int

    /// A lexicon of `names` (as found in documents) under `config`, of unknown origin.
    public init(names: some Sequence<String>, config: PropagationConfig, commonWords: (any CommonWordCheck)? = nil) {
        self.init(seeds: names.map { NameSeed(name: $0, origin: nil) }, config: config, commonWords: commonWords)
    }

    /// A lexicon of `seeds` under `config`. A single word (a one-word seed, or a part of a
    /// Latin-script name) is only propagated when `commonWords` (by default
    /// `BuiltInCommonWords` over the config's stop words) says it is not a common word,
    /// month, weekday or place. When seeds share a name, the earliest origin is recorded.
    public init(seeds: some Sequence<NameSeed>, config: PropagationConfig, commonWords: (any CommonWordCheck)? = nil) {
        self.config = config
        outletBytes = config.bylineOutlets.map { Array($0.utf8) }
        let commonWords = commonWords ?? BuiltInCommonWords(config: config)
        var entries: [String: Entry] = [:]
        // Earliest origin first, so that which seed represents a shared name is stable.
        let ordered = seeds.sorted { lhs, rhs in
            switch (lhs.origin, rhs.origin) {
            case let (l?, r?): l < r
            case (nil, .some): false
            case (.some, nil): true
            case (nil, nil): false
            }
        }
        for seed in ordered {
            let name = Self.singleSpaced(seed.name)
            guard !name.isEmpty else { continue }
            let latin = name.unicodeScalars.contains { $0.value < 0x250 && Self.isAlphabetic($0) }
            let folded = Self.folded(name)
            let parts = latin ? Self.parts(of: name) : []
            if parts.count == 1 {
                // One word alone (a given-name cell, `Name: June`): propagated as a name part
                // is, never when it is also a common word, a month or a place.
                let letters = name.unicodeScalars.count(where: Self.isAlphabetic)
                guard letters >= config.partMinLetters, !commonWords.isCommonWordOrPlace(folded) else { continue }
                if let existing = entries[folded], existing.kind >= .surname { continue }
                entries[folded] = Entry(bytes: Array(folded.utf8), isLatin: true, kind: .surname, origin: seed.origin,
                                        isCommonWord: commonWords.isCommonWord(folded))
                continue
            }
            if entries[folded]?.kind != .fullName {
                entries[folded] = Entry(bytes: Array(folded.utf8), isLatin: latin, kind: .fullName, origin: seed.origin)
            }
            for (part, kind) in parts {
                let letters = part.unicodeScalars.count(where: Self.isAlphabetic)
                let key = Self.folded(part)
                guard letters >= config.partMinLetters, !commonWords.isCommonWordOrPlace(key) else { continue }
                // A word that is someone's surname and someone else's given name counts as a surname.
                if let existing = entries[key], existing.kind >= kind { continue }
                entries[key] = Entry(bytes: Array(key.utf8), isLatin: true, kind: kind, origin: seed.origin,
                                     isCommonWord: commonWords.isCommonWord(key))
            }
        }
        var latin: [UInt64: [Entry]] = [:]
        var cjk: [UInt64: [Entry]] = [:]
        var filter = HashFilter()
        for entry in entries.values {
            entry.bytes.withUnsafeBufferPointer { bytes in
                if entry.isLatin {
                    let hash = Self.hash(bytes, 0, Self.wordEnd(bytes, from: 0))
                    latin[hash, default: []].append(entry)
                    filter.insert(hash)
                } else if bytes.count >= 6, bytes[0] >= 0xE0 {
                    let hash = Self.hash(bytes, 0, 6)
                    cjk[hash, default: []].append(entry)
                    filter.insert(hash)
                }
            }
        }
        // Longest first, so a full name wins over its first part at the same position.
        latinByFirstWord = latin.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
        cjkByFirstPair = cjk.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
        hashFilter = filter
        count = entries.count
    }

    /// The parts of a Latin-script name with their kind: the part before a comma
    /// (`Gentry, Katie`), else the all-capital parts (`GENTRY Katie`), else the last part, is
    /// the surname; the others are given names.
    static func parts(of name: String) -> [(String, Kind)] {
        let ascii = name.utf8.allSatisfy { $0 < 0x80 }
        if let comma = ascii ? name.utf8.firstIndex(of: 0x2C) : name.firstIndex(of: ",") {
            let surname = words(of: name[..<comma], ascii: ascii).map { (String($0), Kind.surname) }
            let given = words(of: name[name.index(after: comma)...], ascii: ascii).map { (String($0), Kind.givenName) }
            return surname + given
        }
        let words = words(of: name[...], ascii: ascii)
        let isCapitals = words.map { word in
            word.unicodeScalars.count(where: isAlphabetic) >= 2 && !word.unicodeScalars.contains(where: isLowercase)
        }
        if isCapitals.contains(true) && isCapitals.contains(false) {
            return zip(words, isCapitals).map { (String($0), $1 ? .surname : .givenName) }
        }
        return words.enumerated().map { (String($1), $0 == words.count - 1 ? .surname : .givenName) }
    }

    /// `text.split(separator: " ")`; for ASCII text (where every character is one byte, or
    /// CR LF) the same split is made on the bytes, without the cost of grapheme breaking.
    private static func words(of text: Substring, ascii: Bool) -> [Substring] {
        guard ascii else { return text.split(separator: " ") }
        return text.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// The words of `raw` (split at whitespace characters) joined by single spaces; by the
    /// bytes for ASCII text, as in `words(of:ascii:)`.
    static func singleSpaced(_ raw: String) -> String {
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else {
            return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let words = raw.utf8.split(whereSeparator: isASCIIWhitespace)
        return words.map { String(Substring($0)) }.joined(separator: " ")
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII characters
    /// whose `isWhitespace` is true (CR LF is one character, and whitespace too).
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// `properties.isAlphabetic`, answered without the Unicode property look-up for ASCII,
    /// where it means A–Z and a–z: the look-up was most of the cost of building a lexicon.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    /// `properties.isLowercase`, likewise: a–z in ASCII.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return scalar.properties.isLowercase
    }

    /// Lower-cases ASCII letters only: the byte comparison below folds the same way.
    static func folded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Every recurrence of a known name in `text`, a field of the document at `document` (the
    /// path seeds record as their origin; nil when unknown): a given name alone there, where
    /// its seed was found, has the confidence `given_name_same_document_confidence`.
    /// `wholeNamesOnly` (a table's header row, whose words name columns: `Job title`, `Rose
    /// count`) leaves out a part of a Latin name found alone.
    public func findings(in text: String, field: FieldRef, document: String? = nil, wholeNamesOnly: Bool = false) -> [Finding] {
        guard count > 0 else { return [] }
        var text = text
        return text.withUTF8 { bytes in findings(in: bytes, field: field, document: document, wholeNamesOnly: wholeNamesOnly) }
    }

    private struct Hit {
        var span: ByteSpan
        var kind: Kind
        var isLatin: Bool
        var origin: SeedOrigin?
        var isCommonWord = false
        /// One word of a name found alone (not a full name, not merged from parts).
        var isSingleWord: Bool { isLatin && kind != .fullName }
    }

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef, document: String?,
                          wholeNamesOnly: Bool) -> [Finding] {
        var hits: [Hit] = []
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if Self.isWordByte(byte) && !(byte >= 0x80 && byte < 0xC0) {
                // A Latin word starts here (a lead byte, not a continuation byte).
                let (end, hash) = Self.word(bytes, from: offset)
                if hashFilter.mayContain(hash), let candidates = latinByFirstWord[hash],
                   let hit = match(candidates, at: offset, in: bytes) {
                    hits.append(hit)
                    offset = hit.span.upper
                    continue
                }
                offset = max(end, offset + 1)
            } else if byte >= 0xE0 && byte < 0xF0 && offset + 6 <= bytes.count {
                let hash = Self.hash(bytes, offset, offset + 6)
                if hashFilter.mayContain(hash), let candidates = cjkByFirstPair[hash],
                   let hit = match(candidates, at: offset, in: bytes) {
                    hits.append(hit)
                    offset = hit.span.upper
                    continue
                }
                offset += 3
            } else {
                offset += 1
            }
        }
        if wholeNamesOnly { hits.removeAll(where: \.isSingleWord) }
        guard !hits.isEmpty else { return [] }
        // A single word inside a larger token or a date is not the name (`12-June-2021`).
        hits.removeAll { $0.isSingleWord && (Self.insideLargerToken($0.span, in: bytes) || Self.inDate($0.span, in: bytes)) }
        // Nor is a single word that is also a common word, inside another capitalised phrase
        // (`Red Cross`, `Young Street`).
        hits.removeAll { $0.isSingleWord && $0.isCommonWord && Self.inCapitalisedPhrase($0.span, in: bytes) }
        let window = ContextWindow(bytes: bytes)
        let names = merged(hits)
        // A title reaches no further back than the name before: `Premier Li Qiang met June
        // Park` keeps the premier, not June Park.
        let others = Blockers(names.map(\.span))
        return names.map { hit in
            var evidence = Evidence(source: .propagated)
            evidence.seed = hit.origin
            if let word = publicRole(of: hit, in: bytes, window: window, others: others) {
                evidence.suppressedBy = word
                return Finding(ruleID: Self.ruleID, entity: config.entity, field: field, span: hit.span,
                               confidence: .low, evidence: evidence)
            }
            let confidence = switch hit.kind {
            case .fullName: config.fullNameConfidence
            case .surname: config.surnameConfidence
            case .givenName where document != nil && hit.origin?.document == document:
                config.givenNameSameDocumentConfidence
            case .givenName: config.givenNameConfidence
            }
            return Finding(ruleID: Self.ruleID, entity: config.entity, field: field, span: hit.span,
                           confidence: confidence, evidence: evidence)
        }
    }

    /// The word that marks a recurrence as a person in a public role: a title of `unless`
    /// before the name (measured from the name's first part, so `Premier Li Qiang` keeps
    /// `Qiang`) or after it, or a byline's outlet after it.
    private func publicRole(of hit: Hit, in bytes: UnsafeBufferPointer<UInt8>, window: ContextWindow,
                            others: Blockers) -> String? {
        if let unless = config.unless {
            var before = unless.before
            if hit.isLatin {
                let start = Self.nameStart(before: hit.span.lower, in: bytes)
                before += hit.span.lower - start  // ASCII name parts: bytes are characters
            }
            if let word = window.word(around: hit.span, words: unless.words, before: before, after: unless.after,
                                      blockers: others, sameLine: true) {
                return word
            }
        }
        return bylineOutlet(after: hit.span.upper, in: bytes)
    }

    /// The rule id of propagated findings in reports and the audit log.
    public static let ruleID = "person-propagated"

    private func match(_ candidates: [Entry], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Hit? {
        for entry in candidates where offset + entry.bytes.count <= bytes.count {
            let equal = entry.bytes.withUnsafeBufferPointer { name in
                // The last byte first: the names that share a first word (all the Johns) mostly
                // differ there, and the check spares comparing the shared start for each.
                guard Self.folded(bytes[offset + name.count - 1]) == name[name.count - 1] else { return false }
                for index in 0..<name.count where Self.folded(bytes[offset + index]) != name[index] { return false }
                return true
            }
            guard equal else { continue }
            let end = offset + entry.bytes.count
            if entry.isLatin {
                // Whole words only, and a capital where it recurs ("will" is not "Will").
                guard !Self.latinLetter(endingAt: offset, in: bytes), !Self.latinLetter(startingAt: end, in: bytes),
                      bytes[offset] < 0x61 || bytes[offset] > 0x7A
                else { continue }
            }
            return Hit(span: ByteSpan(offset, end), kind: entry.kind, isLatin: entry.isLatin, origin: entry.origin,
                       isCommonWord: entry.isCommonWord)
        }
        return nil
    }

    /// Hits separated only by spaces or a comma become one (`Lei Wang` from parts).
    private func merged(_ hits: [Hit]) -> [Hit] {
        var result: [Hit] = []
        for hit in hits {
            if var last = result.last, hit.span.lower - last.span.upper <= 2,
               !(last.kind == .fullName && hit.kind == .fullName), last.kind != hit.kind || last.kind == .surname {
                last.span = last.span.union(hit.span)
                last.kind = .fullName
                result[result.count - 1] = last
            } else {
                result.append(hit)
            }
        }
        return result
    }

    /// ASCII letters and the bytes of Latin-1 / Latin Extended letters (lead bytes C3–C9 and
    /// continuation bytes): what a name's first word is made of, for hashing.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x80 && byte <= 0xBF)
            || (byte >= 0xC3 && byte <= 0xC9)
    }

    static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
        return end
    }

    /// `wordEnd(bytes, from: start)` and the hash of the word, in one pass.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, hash: UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var end = start
        while end < bytes.count && isWordByte(bytes[end]) {
            hash = (hash ^ UInt64(folded(bytes[end]))) &* 0x100_0000_01b3
            end += 1
        }
        return (end, hash)
    }

    /// FNV-1a over ASCII-folded bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
            hash = (hash ^ UInt64(folded(bytes[index]))) &* 0x100_0000_01b3
        }
        return hash
    }

    /// `byte` with an ASCII capital lower-cased, as names are stored.
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether the scalar ending at `offset` is a Latin letter or digit (a word continues).
    static func latinLetter(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isLatinWordScalar(decode(at: start, in: bytes))
    }

    /// Whether the scalar starting at `offset` is a Latin letter or digit.
    static func latinLetter(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < bytes.count else { return false }
        return isLatinWordScalar(decode(at: offset, in: bytes))
    }

    private static func isLatinWordScalar(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            || (value >= 0xC0 && value < 0x250 && value != 0xD7 && value != 0xF7)
    }

    private static func decode(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = bytes[offset]
        if lead < 0x80 { return UInt32(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length where offset + index < bytes.count {
            value = (value << 6) | (UInt32(bytes[offset + index]) & 0x3F)
        }
        return value
    }
}
