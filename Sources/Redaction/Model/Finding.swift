/// A span of one field that a detector believes is personal data. Holds no matched text:
/// the span points into the field, and only the pipeline ever reads the bytes.
public struct Finding: Sendable, Equatable {
    public var ruleID: String
    public var entity: EntityKind
    public var field: FieldRef
    /// UTF-8 byte offsets into the field's value.
    public var span: ByteSpan
    public var confidence: Confidence
    public var evidence: Evidence

    public init(ruleID: String, entity: EntityKind, field: FieldRef, span: ByteSpan, confidence: Confidence, evidence: Evidence) {
        self.ruleID = ruleID
        self.entity = entity
        self.field = field
        self.span = span
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// Why a detector reported a finding at its confidence (Presidio's analysis explanation,
/// typed). Contains rule vocabulary only — never the value.
public struct Evidence: Sendable, Hashable {
    /// What produced the finding.
    public enum Source: Sendable, Hashable {
        /// A pattern rule matched.
        case pattern
        /// The field's column header or JSON key denotes the entity.
        case column(header: String)
        /// The value was found with strong evidence elsewhere in the same run (name propagation).
        case propagated
        /// A term or pattern of the policy's deny list matched (`source` names the list file
        /// or `inline`).
        case denyList(source: String)
        /// A policy field rule made the whole cell this entity (`dropped`: the field is
        /// removed from the output).
        case fieldRule(field: String, dropped: Bool)
        /// The table profiler decided the column's entity from more than an exact header
        /// synonym (`TableProfiler`): `header` names the column, `basis` the evidence.
        case table(header: String, basis: TableEvidence)
        /// The same value is redacted elsewhere in the document, by the finding of `rule`
        /// (`Pipeline+RepeatedValues.swift`): an identifier is one person's wherever it stands.
        case repeatedValue(rule: String)
        /// Name lexicons combined with the shape of the text (`LexiconNameDetector`);
        /// `evidence` names the lexicons and the shape, e.g. "surname in capitals + given-name lexicon".
        case lexicon(evidence: String)
        /// The value of a `Label: value` form field in text whose label `columns.yaml` maps
        /// (`FormFieldDetector`), matched on `basis`.
        case formField(label: String, basis: ColumnMap.Basis)
    }

    public var source: Source
    /// The context word found near the match, if any (a word from the rule file).
    public var contextWord: String?
    /// Another entity found near the match that raised its confidence (`near:` rules).
    public var nearEntity: EntityKind?
    /// Found in the text read with OCR look-alikes as digits (`l2/O6/l958`, `OCRDigitFolding`).
    public var ocrFolded = false
    /// Found by verification in text the first rewrite left unchanged, and redacted on the
    /// second (`Pipeline.process`): what only the replacements around it made plain.
    public var foundOnVerification = false
    /// For a name raised because its document holds a private person's identifiers: the
    /// entity of the strongest of them (`Pipeline+NearbyData.swift`).
    public var documentEntity: EntityKind?
    /// A word that marks the match as not personal (`unless:` rules), e.g. an official's title.
    public var suppressedBy: String?
    /// The validator that ran, if any.
    public var validator: Validator?
    /// Whether `validator` passed (meaningless without one).
    public var validatorPassed: Bool
    /// For a propagated finding: where the name it recurs from was found (document, line,
    /// rule). Nil for other sources, and for names of unknown origin.
    public var seed: SeedOrigin?

    public init(source: Source, contextWord: String? = nil, validator: Validator? = nil, validatorPassed: Bool = true) {
        self.source = source
        self.contextWord = contextWord
        self.validator = validator
        self.validatorPassed = validatorPassed
    }
}

/// The evidence that decided a table column's entity, beyond an exact header synonym. Holds
/// headers and shares only: a cell's value never appears here.
public enum TableEvidence: Sendable, Hashable {
    /// The header matched a synonym after rewriting (`Ppt no.`) or with a typing slip.
    case header(ColumnMap.Basis)
    /// `percent` of the column's cells have `shape` (`passport-shaped`, `a valid national identifier`).
    case profile(shape: String, percent: Int)
    /// The document type named in the same row by the column `column` (`证件类型`).
    case siblingType(column: String)
    /// An identifier-like column in a table whose rows hold a person's name, birth date or
    /// address; `columns` names them (`name column "姓名"`).
    case roster(columns: [String])
    /// A JSON member that is one part of a name: its object holds `keys` (`first`, `last`).
    case nameParts(keys: [String])
    /// A column of dates at plausible ages (`percent` of them) in such a roster, under a header
    /// that names no event.
    case birthDatesInRoster(percent: Int, columns: [String])
}
