/// Plain-language reasons for decisions, for the audit log and reports: a lawyer reads them.
extension Decision {
    /// The reason of a finding kept by an honoured `redact:allow` marker: `audit summary`
    /// counts the decisions with it.
    public static let inlineAllowReason = "kept: inline allow marker (" + InlineAllowMarker.marker + ") on its line"

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
            return Self.inlineAllowReason
        case .keep(.baseline(let reason)):
            return "kept: baseline: " + reason
        case .keep(.publishedForm(let name)):
            text += "kept: already in the form the policy publishes ("
            text += name
            text += " leaves it unchanged)"
            finding.evidence.appendSummary(to: &text)
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
            if let seed {
                text += "; propagated from a name found by rule "
                text += seed.rule
                text += " in "
                text += seed.document
                text += " line "
                text += String(seed.line)
            } else {
                text += "; the same name was found with strong evidence elsewhere in this run"
            }
        case .denyList(let source):
            text += "; on the deny list ("
            text += source
            text += ")"
        case .fieldRule(let field, let dropped):
            text += "; field \""
            text += field
            text += dropped ? "\" dropped by the policy" : "\" mapped by the policy"
        case .table(let header, let basis):
            text += "; column \""
            text += header
            text += "\" "
            basis.appendSummary(to: &text)
        case .repeatedValue(let rule):
            text += "; the same value is redacted elsewhere in this document (rule "
            text += rule
            text += ")"
        case .lexicon(let evidence):
            text += "; name lexicons: "
            text += evidence
        case .formField(let label, let basis):
            text += "; form field \""
            text += label
            text += "\" (label matched by "
            text += basis.rawValue
            text += ")"
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
        if ocrFolded {
            text += "; read with OCR look-alikes as digits (O as 0, l and I as 1)"
        }
        if foundOnVerification {
            text += "; found when the redacted text was verified"
        }
        if let documentEntity {
            text += "; in a document holding a private person's identifiers ("
            text += documentEntity.rawValue
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
        case .column(let text), .denyList(let text), .fieldRule(let text, _), .repeatedValue(let text), .lexicon(let text):
            capacity += ByteWriter.quotedLength(text)
        case .table(let header, let basis):
            capacity += ByteWriter.quotedLength(header) + ByteWriter.quotedLength(basis.summary) + 24
        case .formField(let label, let basis):
            capacity += ByteWriter.quotedLength(label) + ByteWriter.quotedLength(basis.rawValue) + 24
        }
        capacity += ByteWriter.quotedLength(contextWord ?? "") + ByteWriter.quotedLength(nearEntity?.rawValue ?? "")
        capacity += ByteWriter.quotedLength(documentEntity?.rawValue ?? "") + 20 + 30 + 20
        capacity += ByteWriter.quotedLength(suppressedBy ?? "") + ByteWriter.quotedLength(validator?.rawValue ?? "")
        if let seed { capacity += 48 + ByteWriter.quotedLength(seed.rule) + ByteWriter.quotedLength(seed.document) }
        let bytes = ByteWriter.bytes(capacity: capacity) { writer in
            switch source {
            case .pattern:
                writer.literal(#"{"source":"pattern""#)
            case .column(let header):
                writer.literal(#"{"source":"column","header":"#)
                writer.quoted(header)
            case .propagated:
                writer.literal(#"{"source":"propagated""#)
                if let seed {
                    // Where the name was first found: a path, a line and a rule id, never the name.
                    writer.literal(#","seed":{"rule":"#)
                    writer.quoted(seed.rule)
                    writer.literal(#","document":"#)
                    writer.quoted(seed.document)
                    writer.literal(#","line":"#)
                    writer.text(String(seed.line))
                    writer.byte(0x7D)  // }
                }
            case .denyList(let source):
                writer.literal(#"{"source":"deny_list","list":"#)
                writer.quoted(source)
            case .fieldRule(let field, let dropped):
                let head: StaticString = dropped ? #"{"source":"field_drop","field":"# : #"{"source":"field_rule","field":"#
                writer.literal(head)
                writer.quoted(field)
            case .table(let header, let basis):
                writer.literal(#"{"source":"table","header":"#)
                writer.quoted(header)
                writer.literal(#","basis":"#)
                writer.quoted(basis.summary)
            case .repeatedValue(let rule):
                writer.literal(#"{"source":"repeated_value","rule":"#)
                writer.quoted(rule)
            case .lexicon(let evidence):
                writer.literal(#"{"source":"lexicon","evidence":"#)
                writer.quoted(evidence)
            case .formField(let label, let basis):
                writer.literal(#"{"source":"form_field","label":"#)
                writer.quoted(label)
                writer.literal(#","basis":"#)
                writer.quoted(basis.rawValue)
            }
            if let contextWord {
                writer.literal(#","context_word":"#)
                writer.quoted(contextWord)
            }
            if let nearEntity {
                writer.literal(#","near_entity":"#)
                writer.quoted(nearEntity.rawValue)
            }
            if ocrFolded {
                writer.literal(#","ocr_folded":true"#)
            }
            if foundOnVerification {
                writer.literal(#","found_on_verification":true"#)
            }
            if let documentEntity {
                writer.literal(#","document_entity":"#)
                writer.quoted(documentEntity.rawValue)
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

extension TableEvidence {
    /// The evidence in words, after `column "…" ` in a reason:
    /// `matched by header abbreviation`, `column profile: 96 % passport-shaped`,
    /// `identifier column in a personal roster (name column "姓名", birth-date column "DOB")`.
    public var summary: String {
        var text = ""
        appendSummary(to: &text)
        return text
    }

    func appendSummary(to text: inout String) {
        switch self {
        case .header(let basis):
            text += "matched by "
            text += basis.rawValue
        case .profile(let shape, let percent):
            text += "column profile: "
            text += String(percent)
            text += " % "
            text += shape
        case .siblingType(let column):
            text += "is a document number whose type the column \""
            text += column
            text += "\" names in the same row"
        case .roster(let columns):
            text += "identifier column in a personal roster ("
            text += columns.joined(separator: ", ")
            text += ")"
        case .nameParts(let keys):
            text += "is a part of a name (its object holds the members "
            text += keys.joined(separator: ", ")
            text += ")"
        case .birthDatesInRoster(let percent, let columns):
            text += "dates at plausible ages of birth ("
            text += String(percent)
            text += " %) in a personal roster ("
            text += columns.joined(separator: ", ")
            text += ")"
        }
    }
}
