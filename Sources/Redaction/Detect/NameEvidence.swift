/// How strongly a cell's text looks like a person's name, weakest first.
public enum NameLikelihood: Int, Comparable, Sendable {
    /// Nothing name-like.
    case none
    /// Written like a name (`Mei-hua Lin`, `ASHWORTH, Kate`, `王小明`); so are many cities and firms.
    case shape
    /// A name lexicon knows its words as given names and surnames: evidence, not proof.
    case lexicon

    public static func < (lhs: NameLikelihood, rhs: NameLikelihood) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the table profiler asks of names: how name-like one cell is. The shape-only
/// `NameShape` answers today; a lexicon-backed conformer (Rules/lexicons, built by the
/// name-detection work) plugs in through `TableProfiler(names:)` and may answer `.lexicon`.
public protocol NameEvidence: Sendable {
    func isLikelyName(_ text: Substring) -> NameLikelihood
}

/// Name evidence from the written shape alone: 2–4 capitalised words (initials allowed,
/// hyphens and apostrophes inside), the same in capitals, `SURNAME, Given`, or 2–4 Han
/// characters (a `·` allowed between transliterated parts). Never answers `.lexicon`.
public struct NameShape: NameEvidence {
    public init() {}

    public func isLikelyName(_ text: Substring) -> NameLikelihood {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 60 else { return .none }
        if scalars.allSatisfy({ Self.isHan($0) || $0 == "·" || $0 == "•" }) {
            let han = scalars.count(where: Self.isHan)
            return (2...4).contains(han) ? .shape : .none
        }
        if let comma = text.firstIndex(of: ",") {
            let surname = text[..<comma].split(separator: " ")
            let given = text[text.index(after: comma)...].split(separator: " ")
            guard (1...2).contains(surname.count), (1...3).contains(given.count) else { return .none }
            return (surname + given).allSatisfy(Self.isNameWord) ? .shape : .none
        }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), words.allSatisfy(Self.isNameWord) else { return .none }
        // Initials alone (`J. K.`) are not a name.
        return words.contains(where: { $0.count > 2 }) ? .shape : .none
    }

    /// `Lin`, `Mei-hua`, `O'Brien`, `MÜLLER`, `K.`: a capital, then letters (all small or all
    /// capitals), with `-` or `'` inside; or one capital and a full stop.
    static func isNameWord(_ word: Substring) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first, first.properties.isUppercase else { return false }
        if scalars.count == 2 && scalars[1] == "." { return true }
        guard scalars.count >= 2 else { return false }
        var lower = 0
        var upper = 0
        for (index, scalar) in scalars.enumerated().dropFirst() {
            if scalar == "-" || scalar == "'" || scalar == "’" {
                guard index + 1 < scalars.count else { return false }
                continue
            }
            guard scalar.properties.isAlphabetic, !isHan(scalar) else { return false }
            if scalar.properties.isUppercase { upper += 1 } else { lower += 1 }
        }
        // `McDonald`, `DeVries` and `MÜLLER` are all names: case past the first letter is free.
        return lower + upper > 0
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

/// Name evidence from the shipped lexicons: a cell the lexicon name detector reports as a
/// name alone in a cell (every word a given name or surname, none a common word or place; a
/// Han surname and one or two characters) answers `.lexicon`; otherwise the shape decides.
public struct LexiconNameEvidence: NameEvidence {
    public let detector: LexiconNameDetector
    private let shape = NameShape()

    public init(detector: LexiconNameDetector) { self.detector = detector }

    public func isLikelyName(_ text: Substring) -> NameLikelihood {
        if isLexiconWord(text) { return .lexicon }
        var cell = String(text)
        let hit = cell.withUTF8 { detector.cellFinding(in: $0, field: FieldRef(record: 0, field: 0)) }
        if let hit, hit.confidence >= .medium { return .lexicon }
        return shape.isLikelyName(text)
    }

    /// One capitalised word (hyphens and apostrophes inside) that the given-name or surname
    /// lexicon holds and that is no common word, month, place or nationality: a cell of a
    /// given-name or surname column (`Mahesa`, `HASANAH`).
    func isLexiconWord(_ text: Substring) -> Bool {
        let word = text.trimmingCharacters(in: .whitespaces)
        guard word.count >= 2, word.count <= 30, let first = word.unicodeScalars.first, first.properties.isUppercase,
              word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" }) else { return false }
        let lexicons = detector.lexicons
        guard lexicons.givenNames.contains(word) || lexicons.surnames.contains(word) else { return false }
        return !lexicons.isCommonWordOrPlace(word)
    }
}
