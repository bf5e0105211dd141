/// Plain-language reasons for decisions, for the audit log and reports: a lawyer reads them.
extension Decision {
    public var reason: String {
        let finding = self.finding
        if let override {
            let what = isRedaction ? "redacted" : override.action == .redact ? "covered" : "kept"
            return what + ": overridden by " + override.reviewer + ": " + override.reason + " (" + override.source + ")"
        }
        // One string, appended to in place: each `+` made a new string, and a run writes a
        // reason per decision.
        var text = ""
        text.reserveCapacity(160)
        switch verdict {
        case .redact:
            text += finding.entity.rawValue
            text += " at "
            text += finding.confidence.rawValue
            text += " confidence"
            finding.evidence.appendSummary(to: &text)
        case .keep(.belowThreshold(let minimum)):
            text += "kept: "
            text += finding.confidence.rawValue
            text += " confidence is below the policy minimum "
            text += minimum.rawValue
            text += " for "
            text += finding.entity.rawValue
            finding.evidence.appendSummary(to: &text)
        case .keep(.allowListed):
            return "kept: on the allow list"
        case .keep(.fieldUntouched):
            return "kept: field left untouched by policy"
        case .keep(.policyKeeps):
            text += "kept: the policy keeps "
            text += finding.entity.rawValue
            text += " (operator keep)"
            finding.evidence.appendSummary(to: &text)
        case .keep(.reviewerOverride):
            return "kept: by a reviewer's override"
        case .keep(.inlineAllow):
            return "kept: inline allow marker (" + InlineAllowMarker.marker + ") on its line"
        case .keep(.baseline(let reason)):
            return "kept: baseline: " + reason
        case .keep(.overlapped(let winner)):
            text += "covered: overlaps the finding of rule "
            text += winner
            text += ", whose redaction removes these bytes"
        }
        return text
    }
}

extension Evidence {
    /// Appends the evidence in words to `text`:
    /// `; column "护照号码"; context "passport"; validator luhn failed` — rule vocabulary only.
    func appendSummary(to text: inout String) {
        switch source {
        case .pattern:
            text += "; pattern matched"
        case .column(let header):
            text += "; column \""
            text += header
            text += "\""
        case .propagated:
            text += "; the same name was found with strong evidence elsewhere in this run"
        case .denyList(let source):
            text += "; on the deny list ("
            text += source
            text += ")"
        case .fieldRule(let field, let dropped):
            text += "; field \""
            text += field
            text += dropped ? "\" dropped by the policy" : "\" mapped by the policy"
        case .lexicon(let evidence):
            text += "; name lexicons: "
            text += evidence
        }
        if let contextWord {
            text += "; context word \""
            text += contextWord
            text += "\""
        }
        if let nearEntity {
            text += "; near other personal data ("
            text += nearEntity.rawValue
            text += ")"
        }
        if let suppressedBy {
            text += "; \""
            text += suppressedBy
            text += "\" nearby marks it as not personal"
        }
        if let validator {
            text += "; validator "
            text += validator.rawValue
            text += validatorPassed ? " passed" : " failed"
        }
    }

    /// The evidence as a JSON object (for the audit log), e.g.
    /// `{"source":"pattern","context_word":"passport","validator":"luhn","validator_passed":true}`.
    public var json: String {
        // Written into one buffer sized for the longest form (a run writes this per
        // decision): the keys and punctuation, and every text as if all of it needed escaping.
        var capacity = 160
        switch source {
        case .pattern, .propagated: break
        case .column(let text), .denyList(let text), .fieldRule(let text, _), .lexicon(let text):
            capacity += ByteWriter.quotedLength(text)
        }
        capacity += ByteWriter.quotedLength(contextWord ?? "") + ByteWriter.quotedLength(nearEntity?.rawValue ?? "")
        capacity += ByteWriter.quotedLength(suppressedBy ?? "") + ByteWriter.quotedLength(validator?.rawValue ?? "")
        let bytes = ByteWriter.bytes(capacity: capacity) { writer in
            switch source {
            case .pattern:
                writer.literal(#"{"source":"pattern""#)
            case .column(let header):
                writer.literal(#"{"source":"column","header":"#)
                writer.quoted(header)
            case .propagated:
                writer.literal(#"{"source":"propagated""#)
            case .denyList(let source):
                writer.literal(#"{"source":"deny_list","list":"#)
                writer.quoted(source)
            case .fieldRule(let field, let dropped):
                let head: StaticString = dropped ? #"{"source":"field_drop","field":"# : #"{"source":"field_rule","field":"#
                writer.literal(head)
                writer.quoted(field)
            case .lexicon(let evidence):
                writer.literal(#"{"source":"lexicon","evidence":"#)
                writer.quoted(evidence)
            }
            if let contextWord {
                writer.literal(#","context_word":"#)
                writer.quoted(contextWord)
            }
            if let nearEntity {
                writer.literal(#","near_entity":"#)
                writer.quoted(nearEntity.rawValue)
            }
            if let suppressedBy {
                writer.literal(#","suppressed_by":"#)
                writer.quoted(suppressedBy)
            }
            if let validator {
                writer.literal(#","validator":"#)
                writer.quoted(validator.rawValue)
                let passed: StaticString = validatorPassed ? #","validator_passed":true"# : #","validator_passed":false"#
                writer.literal(passed)
            }
            writer.byte(0x7D)  // }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
