/// Names that no rule's cue announces, found by combining the name lexicons (`Lexicons`) with
/// the shape of the text and, in a table, the cell:
///
/// - `SURNAME, Given` — a surname written in capitals, a comma, a given name;
/// - `Given M. Surname` — a given name, initials, a surname;
/// - `G. Surname`, `J.R. Surname` — initials and a surname;
/// - `Mei-hua Lin`, `PARK Jae-won` — a hyphenated given name next to a surname;
/// - a CSV/TSV cell or JSON string that is a name and nothing else (`Katie Gentry`, `王小明`).
///
/// A lexicon hit is evidence, not proof: each form needs its shape too, a common word, month,
/// weekday, country or city is never a name on its own, and a public-office title just before
/// the name (Senator, Premier, 发言人 …) marks an official in their role, kept at low confidence.
/// Findings are medium confidence (a `publish` policy redacts them), low where the evidence is
/// weaker; the evidence names the lexicons and the shape.
public struct LexiconNameDetector: Sendable {
    public let lexicons: Lexicons
    /// Words before a name that make it an official's, in their public role.
    let officials: WordList

    /// Rule ids of the findings, one per form (reports, the audit log, SARIF).
    public enum RuleID {
        public static let surnameComma = "person-lexicon-surname-comma"
        public static let middleInitial = "person-lexicon-middle-initial"
        public static let initials = "person-lexicon-initials"
        public static let hyphenated = "person-lexicon-hyphenated"
        public static let givenSurname = "person-lexicon-given-surname"
        public static let cell = "person-lexicon-cell"
        public static let hanCell = "person-lexicon-han-cell"
        static let all = [surnameComma, middleInitial, initials, hyphenated, cell, hanCell]
    }

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        officials = WordList(Self.officialTitles)
    }

    /// Public-role titles: a name right after one is an official's.
    static let officialTitles = [
        "senator", "premier", "minister", "mayor", "ambassador", "president", "governor", "secretary", "chancellor",
        "spokesperson", "spokesman", "spokeswoman", "commissioner", "congressman", "congresswoman", "judge", "justice",
        "prime minister", "chairman", "chairwoman", "consul", "sheriff", "prosecutor", "reporter", "correspondent",
        "记者", "发言人", "外交部", "总理", "主席", "部长", "市长", "大使", "總理", "部長", "市長", "記者", "發言人",
    ]

    /// Whether the detector has the lexicons it needs (a rules directory may have none).
    public var isEnabled: Bool { !lexicons.surnames.isEmpty || !lexicons.hanSurnames.isEmpty }

    /// The names in `text`. `isCell`: the text is a whole table cell or JSON string value,
    /// where a name may stand alone.
    public func findings(in text: String, field: FieldRef, isCell: Bool) -> [Finding] {
        guard isEnabled, !text.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            var found: [Finding] = []
            if isCell, let finding = cellFinding(in: bytes, field: field) {
                // A weak cell finding leaves the prose forms their chance (`Hsu Chia-ling`).
                if finding.confidence >= .medium { return [finding] }
                found.append(finding)
            }
            proseFindings(in: bytes, field: field, into: &found)
            return found
        }
    }

    /// A finding of `ruleID` at `confidence` over `span`, unless an official's title stands
    /// just before it (then kept at low confidence, naming the title).
    func finding(_ ruleID: String, _ span: ByteSpan, _ confidence: Confidence, _ evidence: String,
                 in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef) -> Finding {
        var found = Evidence(source: .lexicon(evidence: evidence))
        var confidence = confidence
        let window = ContextWindow(bytes: bytes)
        if let title = window.word(around: span, words: officials, before: 25, after: 0, blockers: Blockers([]), sameLine: true) {
            found.suppressedBy = title
            confidence = .low
        }
        return Finding(ruleID: ruleID, entity: .person, field: field, span: span, confidence: confidence, evidence: found)
    }

    // MARK: - Lexicon questions about one token

    func isSurname(_ bytes: UnsafeBufferPointer<UInt8>, _ token: NameToken) -> Bool {
        lexicons.surnames.contains(bytes, token.start, token.end)
    }

    /// A given name of the lexicon, or a romanised Chinese given name: one or two pinyin
    /// syllables, hyphenated or not (`Wei`, `Xiaoming`, `Mei-hua`).
    func isGivenName(_ bytes: UnsafeBufferPointer<UInt8>, _ token: NameToken) -> Bool {
        lexicons.givenNames.contains(bytes, token.start, token.end) || isRomanisedGiven(bytes, token)
    }

    func isRomanisedGiven(_ bytes: UnsafeBufferPointer<UInt8>, _ token: NameToken) -> Bool {
        let syllables = lexicons.pinyinSyllables
        if let hyphen = token.hyphen {
            return syllables.contains(bytes, token.start, hyphen) && syllables.contains(bytes, hyphen + 1, token.end)
        }
        if syllables.contains(bytes, token.start, token.end) { return true }
        guard token.end - token.start >= 4 else { return false }
        for split in (token.start + 1)..<(token.end - 1)
        where syllables.contains(bytes, token.start, split) && syllables.contains(bytes, split, token.end) {
            return true
        }
        return false
    }

    /// Never a name on its own: a common word, place, month, weekday or nationality.
    func isCommon(_ bytes: UnsafeBufferPointer<UInt8>, _ token: NameToken) -> Bool {
        lexicons.isCommonWordOrPlace(bytes, token.start, token.end)
    }
}
