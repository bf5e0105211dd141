/// Detect → decide → redact → verify for one parsed document. Pure: no files, no output.
///
/// Not `Sendable`: it owns a `PatternDetector` (PCRE2 match state). Create one per worker;
/// the compiled rules inside are shared.
public final class Pipeline {
    public let catalog: RuleCatalog
    public let engine: PolicyEngine
    private let patterns: PatternDetector
    private let columns: ColumnDetector

    public init(catalog: RuleCatalog, policy: Policy) {
        self.catalog = catalog
        self.engine = PolicyEngine(policy: policy)
        self.patterns = PatternDetector(rules: catalog.rules)
        self.columns = ColumnDetector(columns: catalog.columns)
    }

    /// Findings of every detector in `document`, grouped by field in document order.
    public func detect(_ document: Document) throws(PipelineError) -> [FieldRef: [Finding]] {
        var byField: [FieldRef: [Finding]] = [:]
        for finding in columns.findings(in: document) {
            byField[finding.field, default: []].append(finding)
        }
        for (recordIndex, record) in document.records.enumerated() {
            for (fieldIndex, field) in record.fields.enumerated() {
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                let found: [Finding]
                do {
                    found = try patterns.findings(in: field.value, field: ref)
                } catch {
                    throw .matchLimit(file: document.path, record: record.number, field: field.path,
                                      rule: error.ruleID, message: error.underlying.description)
                }
                if !found.isEmpty { byField[ref, default: []].append(contentsOf: found) }
            }
        }
        return byField
    }

    /// Detects and decides, without rewriting: what `scan` reports.
    public func decide(_ document: Document) throws(PipelineError) -> [FieldRef: [Decision]] {
        var result: [FieldRef: [Decision]] = [:]
        for (ref, findings) in try detect(document) {
            result[ref] = engine.decide(findings, in: document.records[ref.record].fields[ref.field].value)
        }
        return result
    }

    /// Detects and decides only: the outcome's output is the unchanged input.
    public func scan(_ document: Document) throws(PipelineError) -> DocumentOutcome {
        let byField = try decide(document)
        let decisions = byField.keys.sorted().flatMap { byField[$0]! }
        return DocumentOutcome(document: document, decisions: decisions, output: document.bytes)
    }

    /// Detects, decides, rewrites and verifies `document`.
    public func process(_ document: Document) throws(PipelineError) -> DocumentOutcome {
        let byField = try decide(document)
        var decisions: [Decision] = []
        var newValues: [FieldRef: String] = [:]
        var replacementSpans: [FieldRef: [ByteSpan]] = [:]
        for ref in byField.keys.sorted() {
            let fieldDecisions = byField[ref]!
            decisions.append(contentsOf: fieldDecisions)
            guard fieldDecisions.contains(where: \.isRedaction) else { continue }
            let value = document.records[ref.record].fields[ref.field].value
            let rewritten = FieldRewriter.apply(fieldDecisions, to: value)
            newValues[ref] = rewritten.value
            replacementSpans[ref] = rewritten.replacements
        }
        guard !newValues.isEmpty else {
            return DocumentOutcome(document: document, decisions: decisions, output: document.bytes)
        }
        let output = DocumentRewriter.rewrite(document, replacing: newValues)
        try verify(output, of: document, changed: replacementSpans)
        return DocumentOutcome(document: document, decisions: decisions, output: output)
    }

    /// Re-reads the output and re-scans every changed field; any finding the policy would
    /// still redact is an error, so an incomplete redaction is never written.
    /// Unchanged fields hold the same text as before, so their decisions cannot change.
    private func verify(_ output: [UInt8], of document: Document, changed: [FieldRef: [ByteSpan]]) throws(PipelineError) {
        let reread: Document
        do {
            reread = try DocumentReader.read(bytes: output, displayPath: document.path, format: document.format,
                                             csvDelimiter: document.csvDelimiter)
        } catch {
            throw .outputUnreadable(file: document.path, reason: error.description)
        }
        guard reread.records.count == document.records.count else {
            throw .outputUnreadable(file: document.path, reason: "the number of records changed")
        }
        for (ref, replacements) in changed {
            let record = reread.records[ref.record]
            guard ref.field < record.fields.count else {
                throw .outputUnreadable(file: document.path, reason: "record \(record.number) lost a field")
            }
            let field = record.fields[ref.field]
            let residual: [Finding]
            do {
                residual = try patterns.findings(in: field.value, field: ref, blockers: replacements)
            } catch {
                throw .matchLimit(file: document.path, record: record.number, field: field.path,
                                  rule: error.ruleID, message: error.underlying.description)
            }
            if let leak = engine.decide(residual, in: field.value).first(where: \.isRedaction) {
                throw .residualFinding(file: document.path, record: record.number, field: field.path,
                                       rule: leak.finding.ruleID, entity: leak.finding.entity)
            }
        }
    }
}
