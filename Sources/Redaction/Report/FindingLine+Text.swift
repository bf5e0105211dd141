extension FindingLine {
    /// Scan's text lines for `decisions` (the redactions only unless `includingKept`), each
    /// ended by a line break, as UTF-8: `FILE:LINE:COLUMN: ENTITY [RULE, CONFIDENCE]`, and
    /// ` kept — REASON` after a kept finding. Never a value.
    ///
    /// One buffer per file, like `jsonLines`: string interpolation of the confidence went
    /// through reflection, and a String per line was 16 k instructions, a tenth of a hook's
    /// scan of an article.
    public static func textLines(_ decisions: [LocatedDecision], file: String, includingKept: Bool) -> [UInt8] {
        let keptSeparator: StaticString = " kept — "
        // Safety: the buffer pointer is used only inside the closure, while `decisions` lives.
        return decisions.withUnsafeBufferPointer { decisions in
            // The path, two numbers, and the punctuation `:` `:` `: ` ` [` `, ` `]` and a line break.
            let fixed = file.utf8.count + 2 * ByteWriter.decimalLength + 10
            var capacity = 0
            var reasons: [String?] = []
            reasons.reserveCapacity(decisions.count)
            for index in decisions.indices where includingKept || decisions[index].decision.isRedaction {
                let decision = decisions[index].decision
                let reason = decision.isRedaction ? nil : decision.reason
                reasons.append(reason)
                capacity += fixed + decision.finding.entity.rawValue.utf8.count + decision.finding.ruleID.utf8.count
                    + decision.finding.confidence.rawValue.utf8.count + (reason.map { keptSeparator.utf8CodeUnitCount + $0.utf8.count } ?? 0)
            }
            return ByteWriter.bytes(capacity: capacity) { writer in
                var next = 0
                for index in decisions.indices where includingKept || decisions[index].decision.isRedaction {
                    let finding = decisions[index].decision.finding
                    writer.text(file)
                    writer.byte(0x3A)                                    // :
                    writer.decimal(decisions[index].start.line)
                    writer.byte(0x3A)
                    writer.decimal(decisions[index].start.column)
                    writer.literal(": ")
                    writer.text(finding.entity.rawValue)
                    writer.literal(" [")
                    writer.text(finding.ruleID)
                    writer.literal(", ")
                    writer.text(finding.confidence.rawValue)
                    writer.byte(0x5D)                                    // ]
                    if let reason = reasons[next] {
                        writer.literal(keptSeparator)
                        writer.text(reason)
                    }
                    writer.byte(0x0A)
                    next += 1
                }
            }
        }
    }
}
