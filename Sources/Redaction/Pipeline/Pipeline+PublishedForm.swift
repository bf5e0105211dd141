/// A value already in the form the policy publishes is kept, not redacted into itself.
///
/// Under `generalize` and `mask` (and a plain label) the replacement is derived from the
/// value: a birth date becomes its year, an address its city, a number its masked form. Applied
/// to a value that already has that form (`1975`, `Shenzhen`, `G••••••3`) the operator writes
/// the same text again, so the bytes are what the policy chose to publish. Scanning a
/// `data-desk` output finds them (the column still says `Date of Birth`); calling them
/// redactions would make every scan of a clean output fail. Such a decision is `KeepReason.publishedForm`; the output is unchanged
/// either way, since the operator would have written the same bytes.
extension Pipeline {
    func keepPublishedForms(_ decisions: inout [Decision], in document: Document) {
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
            let value = document.records[finding.field.record].fields[finding.field.field].value
            let utf8 = value.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: span.lower)
            let upper = utf8.index(lower, offsetBy: span.count)
            let text = value[lower..<upper]
            let written: Bool
            if case .generalize(let target) = op, target.isWrittenForm(text) {
                written = true
            } else if case .mask(let options) = op, !text.contains(options.character) {
                // A mask that would leave a raw value whole (it keeps more characters than the
                // value has) publishes the value: that stays a redaction, for the verifier to refuse.
                written = false
            } else {
                written = op.replacement(for: text, entity: finding.entity, context: context) == text
            }
            guard written else { continue }
            let form = KeepReason.publishedForm(operator: op.description)
            decisions[index].verdict = .keep(form)
            decisions[index].redactedSpan = nil
            // The findings this one covered are inside the same unchanged bytes: their reason
            // must not say that a redaction removes them.
            for other in decisions.indices where other != index && decisions[other].finding.field == finding.field {
                guard case .keep(.overlapped) = decisions[other].verdict, span.contains(decisions[other].finding.span) else { continue }
                decisions[other].verdict = .keep(form)
            }
        }
    }
}
