/// Plain-language reasons for decisions, for the audit log and reports: a lawyer reads them.
extension Decision {
    public var reason: String {
        let finding = self.finding
        switch verdict {
        case .redact:
            var text = "\(finding.entity) at \(finding.confidence) confidence"
            text += finding.evidence.summary
            return text
        case .keep(.belowThreshold(let minimum)):
            return "kept: \(finding.confidence) confidence is below the policy minimum \(minimum) for \(finding.entity)"
                + finding.evidence.summary
        case .keep(.allowListed):
            return "kept: the value is on the policy's allow list"
        case .keep(.overlapped(let winner)):
            return "covered: overlaps the finding of rule \(winner), whose redaction removes these bytes"
        }
    }
}

extension Evidence {
    /// `; column "护照号码"; context "passport"; validator luhn failed` — rule vocabulary only.
    var summary: String {
        var parts: [String] = []
        switch source {
        case .pattern: parts.append("pattern matched")
        case .column(let header): parts.append("column \"\(header)\"")
        }
        if let contextWord { parts.append("context word \"\(contextWord)\"") }
        if let validator { parts.append("validator \(validator.name) \(validator.passed ? "passed" : "failed")") }
        return "; " + parts.joined(separator: "; ")
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
        }
        if let contextWord { object.add("context_word", contextWord) }
        if let validator {
            object.add("validator", validator.name)
            object.add("validator_passed", validator.passed)
        }
        return object.finished()
    }
}
