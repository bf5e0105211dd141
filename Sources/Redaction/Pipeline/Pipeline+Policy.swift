/// The policy's own findings and field rules inside the pipeline: deny-list findings, cells a
/// field rule maps to an entity, dropped fields, untouched fields, and the removal of
/// dropped columns and members from the output.
extension Pipeline {
    /// What the policy's field rules make of `document`'s fields.
    struct PolicyFields {
        var treatments: [FieldRef: FieldTreatment] = [:]
        /// Fields the rewriter removes (CSV cells, JSON member keys; see `DocumentRewriter.removal`).
        var removed: Set<FieldRef> = []
    }

    func policyFields(of document: Document) -> PolicyFields {
        guard let fieldRules else { return PolicyFields() }
        let resolved = fieldRules.resolve(document)
        return PolicyFields(treatments: resolved.treatments, removed: resolved.removed)
    }

    /// Adds the deny-list findings and the whole-cell findings of field rules to `byField`,
    /// and replaces the findings of every dropped field by one finding over its content:
    /// the field's bytes leave the output whole, so what the rules found inside no longer
    /// matters, and the audit log records the drop once per cell.
    func addPolicyFindings(_ document: Document, _ fields: PolicyFields, to byField: inout [FieldRef: [Finding]]) {
        guard let deny = self.deny, !deny.isEmpty else {
            for (ref, treatment) in fields.treatments { apply(treatment, to: ref, of: document, &byField) }
            return
        }
        for (recordIndex, record) in document.records.enumerated() {
            for (fieldIndex, field) in record.fields.enumerated() {
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                if let treatment = fields.treatments[ref] {
                    apply(treatment, to: ref, of: document, &byField)
                    if treatment.action == .drop { continue }
                }
                // As the verifier reads it: a deny-list term inside a replacement token is no finding.
                let found = deny.findings(in: field.value, field: ref, blockers: tokens.tokens(in: field.value).map(\.span))
                if !found.isEmpty { byField[ref, default: []].append(contentsOf: found) }
            }
        }
    }

    /// A field rule's findings for one field: a dropped field's one finding, or a mapped
    /// cell's whole-cell finding in place of `columns.yaml`'s.
    private func apply(_ treatment: FieldTreatment, to ref: FieldRef, of document: Document, _ byField: inout [FieldRef: [Finding]]) {
        let record = document.records[ref.record]
        let field = record.fields[ref.field]
        switch treatment.action {
        case .drop:
            byField[ref] = nil
            // Keys and a CSV header name the field; they are not its value.
            guard record.number > 0, field.encoding != .jsonKey, let span = ColumnDetector.contentSpan(of: field.value) else { return }
            let entity = treatment.entity ?? FieldRule.unnamedEntity
            byField[ref] = [Finding(ruleID: FieldRule.dropRuleID, entity: entity, field: ref, span: span, confidence: .high,
                                    evidence: Evidence(source: .fieldRule(field: treatment.name, dropped: true)))]
        case .redact:
            guard let entity = treatment.rule.entity, record.number > 0, field.encoding != .jsonKey else { return }
            // The policy's mapping replaces columns.yaml's for this field.
            var findings = (byField[ref] ?? []).filter { $0.ruleID != ColumnDetector.ruleID(for: $0.entity) }
            if let span = ColumnDetector.contentSpan(of: field.value) {
                findings.append(Finding(ruleID: FieldRule.ruleID(for: entity), entity: entity, field: ref, span: span,
                                        confidence: .high, evidence: Evidence(source: .fieldRule(field: treatment.name, dropped: false))))
            }
            byField[ref] = findings.isEmpty ? nil : findings
        case .untouched:
            return
        }
    }

    /// Appends the decisions for one field: a dropped cell's single finding is redacted whole;
    /// anything else goes to the policy engine with the field's treatment.
    func appendDecisions(for findings: [Finding], in value: String, treatment: FieldTreatment?, to output: inout [Decision]) {
        if let treatment, treatment.action == .drop {
            for finding in findings { output.append(Decision(finding: finding, verdict: .redact(.remove), redactedSpan: finding.span)) }
            return
        }
        engine.appendDecisions(for: findings, in: value, field: treatment, to: &output)
    }

    /// Where the fields of the original document sit in the rewritten one: an index shifts
    /// down by the removed fields before it in its record.
    struct FieldShift {
        /// Removed field indices by record, sorted.
        private var removed: [Int: [Int]] = [:]

        init(removed: Set<FieldRef>) {
            for ref in removed { self.removed[ref.record, default: []].append(ref.field) }
            for key in self.removed.keys { self.removed[key]!.sort() }
        }

        /// How many fields `record` lost.
        func lost(in record: Int) -> Int { removed[record]?.count ?? 0 }

        /// The new index of `ref`, nil when it was removed.
        func index(of ref: FieldRef) -> Int? {
            guard let indices = removed[ref.record] else { return ref.field }
            var low = 0
            var high = indices.count
            while low < high {
                let mid = (low + high) / 2
                if indices[mid] < ref.field { low = mid + 1 } else { high = mid }
            }
            if low < indices.count, indices[low] == ref.field { return nil }
            return ref.field - low
        }
    }
}
