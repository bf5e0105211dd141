/// A value redacted in one place of a document is redacted wherever else it stands in that
/// document.
///
/// Evidence belongs to an occurrence, not to a value: in `Passport numbers on file: GK482913
/// and 548129307. … passport number 548129307, arrived later.` the label of the first line
/// reaches only the first number, and the second number's own label is on another line. Each
/// occurrence judged alone leaves the first `548129307` in clear although the document itself
/// says what it is. An identifier is one person's whatever stands next to it, so every exact
/// recurrence of a redacted identifier is redacted too, with the first finding's entity and
/// confidence, and a reason naming that finding's rule.
///
/// Only identifiers written as one token are followed: passport, ID and phone numbers without
/// spaces (at least six characters, a digit among them) and e-mail addresses. A date or a name
/// recurring is not the same kind of evidence (a birth date is also somebody's event date; names
/// have their own propagation with its safeguards).
extension Pipeline {
    /// The entities whose one-token values are followed.
    static let repeatedEntities: Set<EntityKind> = [.passportNumber, .nationalID, .phoneNumber, .emailAddress]
    /// Shorter values recur by chance.
    static let repeatedMinimumBytes = 6

    /// Findings for the recurrences of the values `decisions` redact, outside every span
    /// already redacted; empty when there are none.
    func repeatedValueFindings(of decisions: [Decision], in document: Document) -> [FieldRef: [Finding]] {
        var values: [[UInt8]: Finding] = [:]
        var lengths = Set<Int>()
        var redacted: [FieldRef: [ByteSpan]] = [:]
        for decision in decisions where decision.isRedaction {
            let finding = decision.finding
            redacted[finding.field, default: []].append(decision.redactedSpan ?? finding.span)
            guard Self.repeatedEntities.contains(finding.entity), finding.span.count >= Self.repeatedMinimumBytes else { continue }
            let field = document.records[finding.field.record].fields[finding.field.field]
            let bytes = Array(field.value.utf8[field.value.utf8.index(field.value.utf8.startIndex, offsetBy: finding.span.lower)...]
                .prefix(finding.span.count))
            guard RepeatedToken.isFollowed(bytes) else { continue }
            if values[bytes] == nil {
                values[bytes] = finding
                lengths.insert(bytes.count)
            }
        }
        guard !values.isEmpty else { return [:] }
        var found: [FieldRef: [Finding]] = [:]
        for (recordIndex, record) in document.records.enumerated() {
            for (fieldIndex, field) in record.fields.enumerated() {
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                var value = field.value
                let covered = redacted[ref] ?? []
                value.withUTF8 { bytes in
                    RepeatedToken.forEachToken(in: bytes) { start, end in
                        guard lengths.contains(end - start) else { return }
                        let span = ByteSpan(start, end)
                        guard !covered.contains(where: { $0.overlaps(span) }),
                              let original = values[Array(bytes[start..<end])] else { return }
                        var evidence = Evidence(source: .repeatedValue(rule: original.ruleID))
                        evidence.validator = original.evidence.validator
                        evidence.validatorPassed = original.evidence.validatorPassed
                        found[ref, default: []].append(Finding(
                            ruleID: Self.repeatedValueRuleID, entity: original.entity, field: ref, span: span,
                            confidence: original.confidence, evidence: evidence))
                    }
                }
            }
        }
        return found
    }

    /// The rule id of a recurrence's finding (the original's rule is in its evidence).
    public static let repeatedValueRuleID = "repeated-value"
}

/// The one-token shape of a followed value: letters, digits and (for e-mail addresses) the
/// characters of an address.
enum RepeatedToken {
    static func isTokenByte(_ byte: UInt8) -> Bool {
        if WordList.isWordByte(byte) { return true }
        switch byte {
        case UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "%"): return true
        default: return false
        }
    }

    /// Whether a redacted value is followed: one token (no space, nothing outside ASCII), with a
    /// digit or an `@`, not starting or ending with punctuation.
    static func isFollowed(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, WordList.isWordByte(first), WordList.isWordByte(last),
              bytes.allSatisfy(isTokenByte) else { return false }
        return bytes.contains { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "@") }
    }

    /// Calls `body` with the bounds of every token of `bytes`: a maximal run of token bytes,
    /// trimmed of the punctuation it may start or end with (`548129307.` ends a sentence),
    /// that holds a digit or an `@` (other words never equal a followed value).
    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        var index = 0
        let count = bytes.count
        while index < count {
            guard isTokenByte(bytes[index]) else { index += 1; continue }
            var start = index
            var hasMark = false
            while index < count && isTokenByte(bytes[index]) {
                let byte = bytes[index]
                if (0x30...0x39).contains(byte) || byte == UInt8(ascii: "@") { hasMark = true }
                index += 1
            }
            guard hasMark else { continue }
            var end = index
            while start < end && !WordList.isWordByte(bytes[start]) { start += 1 }
            while end > start && !WordList.isWordByte(bytes[end - 1]) { end -= 1 }
            if start < end { body(start, end) }
        }
    }
}
