/// Verification: the rewritten output is read back and scanned as `scan` would scan it, so an
/// incomplete redaction is never written (see `verify`).
extension Pipeline {
    /// The parts of a rewritten field that can hold a finding the policy would now redact: the
    /// neighbourhood of each replacement, as long as a match can be (`reach`, in bytes).
    /// Elsewhere the text is unchanged and was decided below the policy's minimum before; a
    /// replacement token stands for its value there (`ReplacementTokens`). Nil (the whole field) for
    /// small fields, where a full re-scan is cheaper than the bookkeeping.
    func verificationRegions(around replacements: [ByteSpan], in value: String) -> [Range<Int>]? {
        let length = value.utf8.count
        guard length > 32 * 1024 else { return nil }
        var regions: [Range<Int>] = []
        for span in replacements.sorted() {
            let region = max(0, span.lower - Self.reach)..<min(length, span.upper + Self.reach)
            if let last = regions.last, region.lowerBound <= last.upperBound {
                regions[regions.count - 1] = last.lowerBound..<max(last.upperBound, region.upperBound)
            } else {
                regions.append(region)
            }
        }
        return regions
    }

    /// The `written` replacements no token read from the text (`found`) covers.
    static func unread(_ written: [ReplacementTokens.Token], besides found: [ReplacementTokens.Token]) -> [ReplacementTokens.Token] {
        written.filter { replacement in !found.contains { $0.span.contains(replacement.span) } }
    }

    /// How far from a replacement a new match can start or end: longer than any finding
    /// the shipped rules make (a multi-line address or MRZ block is a few hundred bytes).
    static let reach = 1024

    /// Re-reads the output and re-scans every changed field with the detection `scan` runs
    /// (the tokens found in the output text); any finding the policy would still redact is
    /// an error, so an incomplete redaction is never written and `scan` of an output whose
    /// replacements are all readable tokens (labels, pseudonyms) finds nothing to redact.
    /// Only where the text cannot tell — a generalized year, a mask, a removal — does the
    /// verifier use what it knows it `written`: that span stands for its entity's value, as
    /// a token would (`scan` of such an output may flag a date after a generalized birth year).
    /// Unchanged fields hold the same text as before, so their decisions cannot change.
    ///
    /// `exempt` are replacements of derived data (`Operator.verification`): a finding wholly
    /// inside a label or pseudonym (`Mr. Person-7Q2K` read as a name), or inside a
    /// generalized value as that value's own entity (`1975` as a date of birth), is the
    /// policy's intended output, not a residue. A finding that reaches past such a
    /// replacement into the text around it is still checked, and mask output never exempt.
    func verify(_ output: [UInt8], of document: Document, changed: [FieldRef: [ByteSpan]],
                        written: [FieldRef: [ReplacementTokens.Token]] = [:], exempt: [FieldRef: [FieldRewriter.Exemption]] = [:], removed: Set<FieldRef> = [],
                        rewrites: [FieldRef: FieldRewriter.Result] = [:], recovered: inout [FieldRef: [Finding]]) throws(PipelineError) {
        var firstLeak: PipelineError?
        var allRecoverable = true
        let reread: Document
        do {
            reread = try DocumentReader.read(bytes: output, displayPath: document.path, format: document.format,
                                             csvDelimiter: document.csvDelimiter)
        } catch {
            throw .outputUnreadable(file: document.path, reason: error.description)
        }
        // The verifier's matching has a budget of its own, as long as detection's.
        patterns.startBudget(forBytes: output.count)
        guard reread.records.count == document.records.count else {
            throw .outputUnreadable(file: document.path, reason: "the number of records changed")
        }
        let shift = FieldShift(removed: removed)
        // As `scan` reads the output: the column rules too (by the output's own field numbers).
        let columnResidue = columnFindings(in: reread)
        let knownHeader = lexicon != nil && hasKnownHeader(reread)
        let treatments = fieldRules == nil ? [:] : policyFields(of: document).treatments
        if !removed.isEmpty {
            for (index, record) in reread.records.enumerated()
            where record.fields.count != document.records[index].fields.count - shift.lost(in: index) {
                throw .outputUnreadable(file: document.path, reason: "record \(record.number) has the wrong number of fields after removing the dropped ones")
            }
        }
        for (ref, replacements) in changed {
            let record = reread.records[ref.record]
            guard let index = shift.index(of: ref), index < record.fields.count else {
                throw .outputUnreadable(file: document.path, reason: "record \(record.number) lost a field")
            }
            let field = record.fields[index]
            var residual: [Finding]
            do {
                let found = tokens.tokens(in: field.value)
                let unread = Self.unread(written[ref] ?? [], besides: found)
                let regions = verificationRegions(around: replacements, in: field.value)
                residual = try patterns.findings(in: field.value, field: ref, tokens: found, boundaries: unread,
                                                 regions: regions)
                residual += try ocrFindings(in: field.value, field: ref, tokens: found, besides: residual, regions: regions)
                // `Label: value` fields and aligned tables, as `scan` reads them; a token is a
                // value already redacted.
                if Self.isScannedForNames(field.encoding), record.number > 0 || reread.format != .csv {
                    residual += forms.findings(in: field.value, field: ref, tokens: (found + unread).map(\.span))
                }
                if reread.format == .text {
                    residual += alignedTables.findings(in: field.value, field: ref)
                        .filter { cell in !found.contains { $0.span.contains(cell.span) } }
                }
                if let lexicon {
                    residual += lexicon.findings(in: field.value, field: ref, document: document.path,
                                                 wholeNamesOnly: knownHeader && reread.isHeaderRecord(ref.record))
                }
                residual += (columnResidue[FieldRef(record: ref.record, field: index)] ?? []).map { finding in
                    var mapped = finding
                    mapped.field = ref
                    return mapped
                }
                if let deny { residual += deny.findings(in: field.value, field: ref, blockers: found.map(\.span)) }
            } catch {
                throw .matchLimit(file: document.path, record: record.number, field: field.path,
                                  rule: error.ruleID, message: error.underlying.description)
            }
            if let exemptions = exempt[ref] {
                residual.removeAll { finding in exemptions.contains { $0.covers(finding) } }
            }
            let marked = markedLines(of: document, field.value)
            if !marked.isEmpty { residual.removeAll { InlineAllowMarker.covers(marked, $0.span) } }
            var leftover = engine.decide(residual, in: field.value, field: treatments[ref])
            keepPublishedForms(&leftover) { _ in field.value }
            for leak in leftover where leak.isRedaction {
                if firstLeak == nil {
                    firstLeak = .residualFinding(file: document.path, record: record.number, field: field.path,
                                                 rule: leak.finding.ruleID, entity: leak.finding.entity)
                }
                // Only a field the rewrite left in place maps back (a dropped neighbour shifts nothing inside it).
                guard let source = rewrites[ref]?.sourceSpan(of: leak.finding.span) else {
                    allRecoverable = false
                    continue
                }
                var finding = leak.finding
                finding.span = source
                finding.evidence.foundOnVerification = true
                recovered[ref, default: []].append(finding)
            }
        }
        if let firstLeak {
            if !allRecoverable { recovered.removeAll() }
            throw firstLeak
        }
    }
}
