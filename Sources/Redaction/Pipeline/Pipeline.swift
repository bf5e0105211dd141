/// Detect → decide → redact → verify for one parsed document. Pure: no files, no output.
///
/// Not `Sendable`: it owns a `PatternDetector` (PCRE2 match state). Create one per worker;
/// the compiled rules inside are shared.
public final class Pipeline {
    public let catalog: RuleCatalog
    public let engine: PolicyEngine
    let patterns: PatternDetector
    /// The policy's replacement tokens, found the same way in a scanned text and in the
    /// verifier's output: one detection for both (`ReplacementTokens`).
    let tokens: ReplacementTokens
    let columns: ColumnDetector
    /// `Label: value` fields in text, read with the same header vocabulary as columns.
    let forms: FormFieldDetector
    /// Tables laid out with spaces in text, read as CSV tables are.
    let alignedTables: AlignedTableDetector
    /// Names without a cue, from the lexicons and the shape of the text; nil without lexicons.
    let names: LexiconNameDetector?
    /// Names seeded earlier in the run, found again wherever they recur.
    let lexicon: NameLexicon?
    // Policy-level detection (Pipeline+Policy.swift): the deny list and the field rules.
    let deny: DenyListDetector?
    let fieldRules: FieldRuleResolver?
    /// What operators need beyond the value: the run's HMAC key, pseudonym book and
    /// reference date. Shared by every worker's pipeline of a run.
    public let context: OperatorContext
    /// Whether lines of text documents carrying `redact:allow` keep their findings
    /// (`InlineAllowMarker`); off with `--no-inline-allow`.
    public let inlineAllow: Bool

    /// `context` defaults to no key and no book: pseudonyms and `{n}` labels then fall back
    /// to the plain label (see `Operator.replacement`), so a run must pass its own.
    /// `ruleThreads` above 1 lets a large field be matched on that many threads (see
    /// `PatternDetector.ruleThreads`): for a single document, when no other worker runs.
    public init(catalog: RuleCatalog, policy: Policy, lexicon: NameLexicon? = nil,
                context: OperatorContext = OperatorContext(), inlineAllow: Bool = true, ruleThreads: Int = 1,
                matchBudget: MatchBudget? = .standard) {
        self.context = context
        self.inlineAllow = inlineAllow
        self.catalog = catalog
        var engine = PolicyEngine(policy: policy)
        engine.review = context.review
        self.engine = engine
        self.patterns = PatternDetector(rules: catalog.rules)
        self.tokens = ReplacementTokens(policy: policy, entities: catalog.rules.map(\.entity))
        self.patterns.ruleThreads = max(1, ruleThreads)
        self.patterns.budget = matchBudget
        let names = LexiconNameDetector(lexicons: catalog.lexicons)
        self.names = names.isEnabled ? names : nil
        // A column's name profile asks the lexicons when the rules ship them, else the shape.
        let nameEvidence: any NameEvidence = names.isEnabled ? LexiconNameEvidence(detector: names) : NameShape()
        self.columns = ColumnDetector(columns: catalog.columns, names: nameEvidence,
                                      referenceYear: context.referenceDay.year, tokens: tokens)
        self.forms = FormFieldDetector(columns: catalog.columns, names: nameEvidence,
                                       lexicons: names.isEnabled ? catalog.lexicons : nil)
        self.alignedTables = AlignedTableDetector(columns: columns, names: nameEvidence)
        self.lexicon = lexicon
        self.deny = policy.deny.isEmpty ? nil : DenyListDetector(list: policy.deny)
        self.fieldRules = policy.fields.isEmpty ? nil : FieldRuleResolver(rules: policy.fields, columns: catalog.columns)
    }

    /// Findings of the rules (patterns and columns) in `document`, by field. Name
    /// propagation is added at `decide`, so a run can reuse this between its two passes.
    public func detect(_ document: Document) throws(PipelineError) -> [FieldRef: [Finding]] {
        patterns.startBudget(forBytes: Self.byteCount(of: document))
        var byField = columnFindings(in: document)
        for (recordIndex, record) in document.records.enumerated() {
            for (fieldIndex, field) in record.fields.enumerated() {
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                let found: [Finding]
                let replaced = tokens.tokens(in: field.value)
                do {
                    found = try patterns.findings(in: field.value, field: ref, tokens: replaced)
                } catch {
                    throw .matchLimit(file: document.path, record: record.number, field: field.path,
                                      rule: error.ruleID, message: error.underlying.description)
                }
                if !found.isEmpty { byField[ref, default: []].append(contentsOf: found) }
                let misread: [Finding]
                do {
                    misread = try ocrFindings(in: field.value, field: ref, tokens: replaced, besides: found)
                } catch {
                    throw .matchLimit(file: document.path, record: record.number, field: field.path,
                                      rule: error.ruleID, message: error.underlying.description)
                }
                if !misread.isEmpty { byField[ref, default: []].append(contentsOf: misread) }
                if Self.isScannedForNames(field.encoding), record.number > 0 || document.format != .csv {
                    // A value already redacted (`Name: [PERSON]`) is no field value to find.
                    let fields = forms.findings(in: field.value, field: ref, tokens: replaced.map(\.span))
                    if !fields.isEmpty { byField[ref, default: []].append(contentsOf: fields) }
                }
                if document.format == .text {
                    let cells = alignedTables.findings(in: field.value, field: ref)
                        .filter { cell in !replaced.contains { $0.span.contains(cell.span) } }
                    if !cells.isEmpty { byField[ref, default: []].append(contentsOf: cells) }
                }
                if let names, Self.isScannedForNames(field.encoding) {
                    // A replacement token is a value already redacted: no name is read in it.
                    let named = names.findings(in: field.value, field: ref, isCell: Self.isCell(field.encoding))
                        .filter { name in !replaced.contains { $0.span.overlaps(name.span) } }
                    if !named.isEmpty {
                        byField[ref, default: []].append(contentsOf: Self.raisedByNearbyData(named, among: found, in: field.value))
                    }
                }
            }
        }
        raisedInPersonalDocument(&byField, in: document)
        return byField
    }

    /// Findings of the patterns in `value` read with OCR look-alikes as digits
    /// (`OCRDigitFolding`) that need the fold and overlap none of `found`, marked so.
    func ocrFindings(in value: String, field ref: FieldRef, tokens: [ReplacementTokens.Token],
                     besides found: [Finding], regions: [Range<Int>]? = nil) throws(PatternDetector.LimitError) -> [Finding] {
        guard let folded = OCRDigitFolding.fold(value) else { return [] }
        return try patterns.findings(in: folded, field: ref, tokens: tokens, regions: regions).compactMap { finding in
            guard OCRDigitFolding.touchesFold(finding.span, original: value, folded: folded),
                  !found.contains(where: { $0.span.overlaps(finding.span) }) else { return nil }
            var misread = finding
            misread.evidence.ocrFolded = true
            return misread
        }
    }

    /// The time budget for pattern matching per document (`MatchBudget`); nil: none.
    public var matchBudget: MatchBudget? {
        get { patterns.budget }
        set { patterns.budget = newValue }
    }

    /// The bytes of all field values of `document`, which its time budget is sized by.
    static func byteCount(of document: Document) -> Int {
        document.records.reduce(0) { total, record in record.fields.reduce(total) { $0 + $1.value.utf8.count } }
    }

    /// The column findings of `document`, by field, without those wholly inside a replacement
    /// token: a `[PERSON]` cell under a name header is a redacted value, not a name.
    func columnFindings(in document: Document) -> [FieldRef: [Finding]] {
        var byField: [FieldRef: [Finding]] = [:]
        for finding in columns.findings(in: document) {
            byField[finding.field, default: []].append(finding)
        }
        for (ref, findings) in byField {
            let value = document.records[ref.record].fields[ref.field].value
            let found = tokens.tokens(in: value)
            guard !found.isEmpty else { continue }
            let kept = findings.filter { finding in !found.contains { $0.span.contains(finding.span) } }
            byField[ref] = kept.isEmpty ? nil : kept
        }
        return byField
    }

    /// JSON keys and numbers hold no name a lexicon could find (and a key never holds one).
    static func isScannedForNames(_ encoding: FieldEncoding) -> Bool {
        switch encoding {
        case .jsonKey, .jsonNumber: false
        default: true
        }
    }

    /// Whether a field is a whole table cell or JSON string value, where a name may stand alone.
    static func isCell(_ encoding: FieldEncoding) -> Bool {
        switch encoding {
        case .csv, .tsv, .jsonString: true
        case .verbatim, .jsonNumber, .jsonKey: false
        }
    }

    /// Detects (or takes `detected`), adds the run's known names, and decides, without
    /// rewriting: what `scan` reports. In field order (`FieldRef`), and within a field in the
    /// order of its findings, with the kept findings of marked lines last.
    public func decide(_ document: Document, detected: [FieldRef: [Finding]]? = nil) throws(PipelineError) -> [Decision] {
        var byField: [FieldRef: [Finding]]
        if let detected { byField = detected } else { byField = try detect(document) }
        if let lexicon {
            let knownHeader = hasKnownHeader(document)
            for (recordIndex, record) in document.records.enumerated() {
                for (fieldIndex, field) in record.fields.enumerated() {
                    let ref = FieldRef(record: recordIndex, field: fieldIndex)
                    let names = lexicon.findings(in: field.value, field: ref, document: document.path,
                                                 wholeNamesOnly: knownHeader && document.isHeaderRecord(recordIndex))
                    if !names.isEmpty { byField[ref, default: []].append(contentsOf: names) }
                }
            }
        }
        let fields = policyFields(of: document)
        addPolicyFindings(document, fields, to: &byField)
        var decisions = decisions(for: byField, of: document, fields: fields)
        // A redacted identifier that recurs elsewhere in the document is redacted there too
        // (Pipeline+RepeatedValues.swift); deciding again is needed only when one does.
        let repeats = repeatedValueFindings(of: decisions, in: document)
        if !repeats.isEmpty {
            for (ref, findings) in repeats { byField[ref, default: []].append(contentsOf: findings) }
            decisions = self.decisions(for: byField, of: document, fields: fields)
        }
        keepPublishedForms(&decisions, in: document)
        return decisions
    }

    /// The decisions for `byField`, in field order, with the kept findings of marked lines
    /// last within their field.
    private func decisions(for byField: [FieldRef: [Finding]], of document: Document,
                           fields: PolicyFields) -> [Decision] {
        var decisions: [Decision] = []
        decisions.reserveCapacity(byField.values.reduce(0) { $0 + $1.count })
        for (ref, findings) in byField.sorted(by: { $0.key < $1.key }) {
            let value = document.records[ref.record].fields[ref.field].value
            let marked = markedLines(of: document, value)
            guard !marked.isEmpty else {
                appendDecisions(for: findings, in: value, treatment: fields.treatments[ref], to: &decisions)
                continue
            }
            // Findings on a marked line are kept before the policy sees them: they take part
            // in no overlap cluster, so they can neither represent nor shield another finding.
            var allowed: [Decision] = []
            var rest: [Finding] = []
            for finding in findings {
                if InlineAllowMarker.covers(marked, finding.span) {
                    allowed.append(Decision(finding: finding, verdict: .keep(.inlineAllow)))
                } else {
                    rest.append(finding)
                }
            }
            appendDecisions(for: rest, in: value, treatment: fields.treatments[ref], to: &decisions)
            decisions.append(contentsOf: allowed)
        }
        return decisions
    }

    /// Whether `document` is a CSV/TSV whose header row names a column `columns.yaml` knows:
    /// then its words are column names (`Job title`), and a part of a known name found alone
    /// there is not propagated. A first row of data (no header) is searched like any other.
    func hasKnownHeader(_ document: Document) -> Bool {
        document.format == .csv && document.header.contains { catalog.columns.meaning(ofHeader: $0) != nil }
    }

    /// The lines of a text document's field that carry the inline allow marker; empty for
    /// other formats, when the marker is switched off, or in a document whose markers are
    /// not its owner's word (`Document.honoursInlineMarkers`).
    func markedLines(of document: Document, _ value: String) -> [Range<Int>] {
        guard inlineAllow, document.honoursInlineMarkers, document.format == .text else { return [] }
        return InlineAllowMarker.markedLines(in: value)
    }

    /// Detects and decides only: the outcome's output is the unchanged input.
    public func scan(_ document: Document, detected: [FieldRef: [Finding]]? = nil) throws(PipelineError) -> DocumentOutcome {
        let decisions = try decide(document, detected: detected)
        return DocumentOutcome(document: document, decisions: decisions, output: nil,
                               failure: personalDataInKeys(decisions, of: document))
    }

    /// A redaction in a JSON object key: the document must be refused (see `PipelineError`).
    func personalDataInKeys(_ decisions: [Decision], of document: Document) -> PipelineError? {
        guard document.format == .jsonLines else { return nil }
        for decision in decisions where decision.isRedaction {
            let field = document.records[decision.finding.field.record].fields[decision.finding.field.field]
            if case .jsonKey = field.encoding {
                return .personalDataInKey(file: document.path, record: document.records[decision.finding.field.record].number,
                                          object: field.path, entity: decision.finding.entity)
            }
        }
        return nil
    }

    /// Detects, decides, rewrites and verifies `document`. Errors that leave the decisions
    /// known (a residue found by verification, personal data in a JSON key) come back as
    /// the outcome's `failure`; a PCRE2 limit, which leaves them incomplete, is thrown.
    public func process(_ document: Document, detected: [FieldRef: [Finding]]? = nil) throws(PipelineError) -> DocumentOutcome {
        let base: [FieldRef: [Finding]]
        if let detected { base = detected } else { base = try detect(document) }
        var recovered: [FieldRef: [Finding]] = [:]
        let first = try rewriteAndVerify(document, decisions: try decide(document, detected: base), recovered: &recovered)
        guard case .residualFinding? = first.failure, !recovered.isEmpty else { return first }
        // What verification found in unchanged text was there to find: a context only the
        // replacements made plain (`Telephone 46-868879293 ([NATIONAL_ID])`). It is redacted
        // like any finding, and the whole document decided, rewritten and verified again,
        // once; a residue then, or one inside a replacement, still refuses the document.
        var again = base
        for (ref, findings) in recovered { again[ref, default: []].append(contentsOf: findings) }
        var unused: [FieldRef: [Finding]] = [:]
        return try rewriteAndVerify(document, decisions: try decide(document, detected: again), recovered: &unused)
    }

    /// Rewrites `document` by `decisions` and verifies the output; `recovered` receives, when
    /// verification finds residues that all lie in unchanged text, those residues as findings
    /// of the original document.
    private func rewriteAndVerify(_ document: Document, decisions: [Decision],
                                  recovered: inout [FieldRef: [Finding]]) throws(PipelineError) -> DocumentOutcome {
        var newValues: [FieldRef: String] = [:]
        var replacementSpans: [FieldRef: [ByteSpan]] = [:]
        var written: [FieldRef: [ReplacementTokens.Token]] = [:]
        var exemptions: [FieldRef: [FieldRewriter.Exemption]] = [:]
        var rewrites: [FieldRef: FieldRewriter.Result] = [:]
        var end = 0
        while end < decisions.count {
            // The decisions come grouped by field: one group per changed field.
            let start = end
            let ref = decisions[start].finding.field
            while end < decisions.count && decisions[end].finding.field == ref { end += 1 }
            let fieldDecisions = Array(decisions[start..<end])
            guard fieldDecisions.contains(where: \.isRedaction) else { continue }
            let value = document.records[ref.record].fields[ref.field].value
            let rewritten = FieldRewriter.apply(fieldDecisions, to: value, context: context)
            newValues[ref] = rewritten.value
            rewrites[ref] = rewritten
            replacementSpans[ref] = rewritten.replacements
            written[ref] = rewritten.written
            if !rewritten.exemptions.isEmpty { exemptions[ref] = rewritten.exemptions }
        }
        if let keyFailure = personalDataInKeys(decisions, of: document) {
            return DocumentOutcome(document: document, decisions: decisions, output: nil, failure: keyFailure)
        }
        // Dropped columns and members (policy field rules) leave the output whole.
        let removal = DocumentRewriter.removal(of: policyFields(of: document).removed, in: document)
        for ref in removal.fields {
            newValues[ref] = nil
            replacementSpans[ref] = nil
        }
        guard !newValues.isEmpty || !removal.isEmpty else {
            var outcome = DocumentOutcome(document: document, decisions: decisions, output: document.bytes, failure: nil)
            outcome.outputSpans = Self.outputSpans(of: decisions, in: document, rewrites: [:], removed: [])
            return outcome
        }
        let output = DocumentRewriter.rewrite(document, replacing: newValues, removing: removal)
        do {
            try verify(output, of: document, changed: replacementSpans, written: written, exempt: exemptions,
                       removed: removal.fields, rewrites: rewrites, recovered: &recovered)
        } catch {
            if case .matchLimit = error { throw error }
            return DocumentOutcome(document: document, decisions: decisions, output: nil, failure: error)
        }
        var outcome = DocumentOutcome(document: document, decisions: decisions, output: output, failure: nil)
        outcome.outputSpans = Self.outputSpans(of: decisions, in: document, rewrites: rewrites, removed: removal.fields)
        return outcome
    }
}
