/// Plain-language reasons for decisions, for the audit log and reports: a lawyer reads them.
extension Decision {
    public var reason: String {
        let finding = self.finding
        if let override {
            let what = isRedaction ? "redacted" : override.action == .redact ? "covered" : "kept"
            return what + ": overridden by " + override.reviewer + ": " + override.reason + " (" + override.source + ")"
        }
        switch verdict {
        case .redact:
            // Plain concatenation of raw values: interpolating the types goes through
            // `print`, which was a measurable share of a run with many findings.
            return finding.entity.rawValue + " at " + finding.confidence.rawValue + " confidence"
                + finding.evidence.summary
        case .keep(.belowThreshold(let minimum)):
            return "kept: " + finding.confidence.rawValue + " confidence is below the policy minimum "
                + minimum.rawValue + " for " + finding.entity.rawValue + finding.evidence.summary
        case .keep(.allowListed):
            return "kept: on the allow list"
        case .keep(.fieldUntouched):
            return "kept: field left untouched by policy"
        case .keep(.policyKeeps):
            return "kept: the policy keeps " + finding.entity.rawValue + " (operator keep)" + finding.evidence.summary
        case .keep(.reviewerOverride):
            return "kept: by a reviewer's override"
        case .keep(.inlineAllow):
            return "kept: inline allow marker (" + InlineAllowMarker.marker + ") on its line"
        case .keep(.baseline(let reason)):
            return "kept: baseline: " + reason
        case .keep(.overlapped(let winner)):
            return "covered: overlaps the finding of rule \(winner), whose redaction removes these bytes"
        }
    }
}

extension Evidence {
    /// `; column "护照号码"; context "passport"; validator luhn failed` — rule vocabulary only.
    var summary: String {
        var text: String
        switch source {
        case .pattern: text = "; pattern matched"
        case .column(let header): text = "; column \"" + header + "\""
        case .propagated: text = "; the same name was found with strong evidence elsewhere in this run"
        case .denyList(let source): text = "; on the deny list (" + source + ")"
        case .fieldRule(let field, let dropped):
            text = dropped ? "; field \"" + field + "\" dropped by the policy" : "; field \"" + field + "\" mapped by the policy"
        }
        if let contextWord { text += "; context word \"" + contextWord + "\"" }
        if let nearEntity { text += "; near other personal data (" + nearEntity.rawValue + ")" }
        if let suppressedBy { text += "; \"" + suppressedBy + "\" nearby marks it as not personal" }
        if let validator { text += "; validator " + validator.rawValue + (validatorPassed ? " passed" : " failed") }
        return text
    }

    /// The evidence as a JSON object (for the audit log).
    public var json: String {
        var object = JSONText.ObjectBuilder(capacity: 96)
        switch source {
        case .pattern:
            object.add("source", "pattern")
        case .column(let header):
            object.add("source", "column")
            object.add("header", header)
        case .propagated:
            object.add("source", "propagated")
        case .denyList(let source):
            object.add("source", "deny_list")
            object.add("list", source)
        case .fieldRule(let field, let dropped):
            object.add("source", dropped ? "field_drop" : "field_rule")
            object.add("field", field)
        }
        if let contextWord { object.add("context_word", contextWord) }
        if let nearEntity { object.add("near_entity", nearEntity.rawValue) }
        if let suppressedBy { object.add("suppressed_by", suppressedBy) }
        if let validator {
            object.add("validator", validator.rawValue)
            object.add("validator_passed", validatorPassed)
        }
        return object.finished()
    }
}
