/// A value already in the form the policy publishes is kept, not redacted into itself.
///
/// Under `generalize` and `mask` (and a plain label) the replacement is derived from the
/// value: a birth date becomes its year, an address its city, a number its masked form.
/// Applied to a value that already has that form (`1975`, `G••••••3`) the operator writes the
/// same text again. A lone city (`Shenzhen`, a GeoNames city) shows the address generalizer no
/// city and would be labelled, though a city is exactly what a `to: city` policy publishes.
/// Scanning a `data-desk` output finds such values (the column still says `Date of Birth`);
/// calling them redactions would make every scan of a clean output fail, and running the
/// policy over its own output would not leave it unchanged. Such a decision is
/// `KeepReason.publishedForm`.
extension Pipeline {
    func keepPublishedForms(_ decisions: inout [Decision], in document: Document) {
        keepPublishedForms(&decisions) { document.records[$0.record].fields[$0.field].value }
    }

    /// `keepPublishedForms` with each decision's field value from `value`: the verifier's
    /// leftover findings are decided the same way, so a kept birth year in the output is not
    /// read back as a leak once something else on its line was redacted.
    func keepPublishedForms(_ decisions: inout [Decision], value valueOf: (FieldRef) -> String) {
        // The decisions of each field, built on first use: a kept value looks only at its own
        // field's neighbours, so a table of many rows is not quadratic.
        var fieldDecisions: [FieldRef: [Int]]?
        for index in decisions.indices {
            guard case .redact(let op) = decisions[index].verdict else { continue }
            switch op {
            case .generalize, .mask: break
            // A label whose template numbers nothing writes the same text for any value: the
            // label itself (`[ADDRESS]` in a cell a field rule maps) is already published form.
            case .label(let template) where !template.usesSequence: break
            default: continue
            }
            let finding = decisions[index].finding
            let span = decisions[index].redactedSpan ?? finding.span
            let value = valueOf(finding.field)
            let utf8 = value.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: span.lower)
            let upper = utf8.index(lower, offsetBy: span.count)
            let text = value[lower..<upper]
            let written: Bool
            if case .generalize(let target) = op, target.isWrittenForm(text) {
                written = true
            } else if case .generalize(let target) = op, target.entity == .address {
                written = AddressGeneralizer.isWrittenForm(text, target: target, lexicons: catalog.lexicons)
            } else if case .mask(let options) = op, !text.contains(options.character) {
                // A mask that would leave a raw value whole (it keeps more characters than the
                // value has) publishes the value: that stays a redaction, for the verifier to refuse.
                written = false
            } else {
                written = op.replacement(for: text, entity: finding.entity, context: context) == text
            }
            guard written else { continue }
            // A finding of another kind under this one (a name read in a cell an address rule
            // also claims: `Jackson`) would be published by keeping the bytes: the redaction stays.
            if fieldDecisions == nil { fieldDecisions = Dictionary(grouping: decisions.indices, by: { decisions[$0].finding.field }) }
            let neighbours = fieldDecisions?[finding.field] ?? []
            let coversOtherKind = neighbours.contains { other in
                guard other != index,
                      decisions[other].finding.entity != finding.entity,
                      case .keep(.overlapped) = decisions[other].verdict else { return false }
                return span.overlaps(decisions[other].finding.span)
            }
            guard !coversOtherKind else { continue }
            let form = KeepReason.publishedForm(operator: op.description)
            decisions[index].verdict = .keep(form)
            decisions[index].redactedSpan = nil
            // The findings this one covered are inside the same unchanged bytes: their reason
            // must not say that a redaction removes them.
            for other in neighbours where other != index {
                guard case .keep(.overlapped) = decisions[other].verdict, span.contains(decisions[other].finding.span) else { continue }
                decisions[other].verdict = .keep(form)
            }
        }
    }
}
