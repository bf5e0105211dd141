/// The first pass of name propagation: the names a document gives strong evidence for.
extension Pipeline {
    /// The names this document gives strong evidence for (`propagation.yaml`'s seeds): the
    /// text of every finding of the propagated entity at the seed confidence or more that
    /// the policy would redact (not allow-listed, nor overlapping an allow-listed term, at or
    /// above its minimum), with where it was found (document, line, rule). Overlap
    /// resolution is skipped: it only decides which of two overlapping findings represents
    /// the redaction, and a strong name finding is a seed either way.
    /// `detected` is this document's `detect` result when the caller already has it.
    public func seedNames(in document: Document, detected: [FieldRef: [Finding]]? = nil) throws(PipelineError) -> [NameSeed] {
        guard let config = catalog.propagation else { return [] }
        let minimum = max(config.seedConfidence, engine.policy.rule(for: config.entity).minimumConfidence)
        var seeds: [NameSeed] = []
        var byField: [FieldRef: [Finding]]
        if let detected { byField = detected } else { byField = try detect(document) }
        // Single-word seeds of each record of a table, by field: a given-name and a family-name
        // cell are one person's name.
        var words: [Int: [(field: Int, seed: NameSeed)]] = [:]
        for (ref, findings) in byField {
            let record = document.records[ref.record]
            let text = record.fields[ref.field].value
            let value = text.utf8
            var allowed: [ByteSpan]?
            for finding in findings where finding.entity == config.entity && finding.confidence >= minimum {
                let span = finding.span
                let name = String(decoding: value.dropFirst(span.lower).prefix(span.count), as: UTF8.self)
                if allowed == nil { allowed = engine.allowedSpans(in: text) }
                if engine.isAllowListed(span, entity: config.entity, in: text, occurrences: allowed ?? []) { continue }
                // A seed needs two letters: a stray initial or "-" must not propagate.
                guard name.unicodeScalars.count(where: { $0.properties.isAlphabetic }) >= 2 else { continue }
                // The record's first line, plus the line breaks of the field before the name.
                let line = record.line + value.prefix(span.lower).count(where: { $0 == 0x0A })
                let seed = NameSeed(name: name, origin: SeedOrigin(document: document.path, line: line, rule: finding.ruleID))
                seeds.append(seed)
                if document.format != .text, span.count == value.count, !name.contains(where: \.isWhitespace) {
                    words[ref.record, default: []].append((ref.field, seed))
                }
            }
        }
        seeds += Self.joinedNames(words)
        return seeds
    }

    /// The full names of table records whose name is split over two cells (`first name`,
    /// `last name`), in both orders: each word alone may be too common to propagate (`June`,
    /// `Park`), but `June Park` and `Park June` are that person's name where they recur.
    static func joinedNames(_ words: [Int: [(field: Int, seed: NameSeed)]]) -> [NameSeed] {
        var joined: [NameSeed] = []
        for (_, cells) in words where cells.count == 2 && cells[0].field != cells[1].field {
            let ordered = cells.sorted { $0.field < $1.field }
            let (first, second) = (ordered[0].seed, ordered[1].seed)
            joined.append(NameSeed(name: first.name + " " + second.name, origin: first.origin))
            joined.append(NameSeed(name: second.name + " " + first.name, origin: first.origin))
        }
        return joined
    }
}
