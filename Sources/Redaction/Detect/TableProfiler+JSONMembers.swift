/// JSON members whose meaning comes from their siblings in the same object rather than from
/// their own key: a `type`/`kind` member naming the kind of a `value` (contact arrays), and
/// `first`/`last` held together (the parts of a name).
extension TableProfiler {
    /// Keys naming the kind of a sibling member's value (`{"type":"mobile","value":"…"}`).
    static let kindKeys: Set<String> = ["type", "kind", "label", "system", "category", "channel", "medium", "use"]
    /// Keys of the member whose kind a sibling names.
    static let valueKeys: Set<String> = ["value", "number", "detail", "details", "id", "data", "contact", "handle", "address"]

    /// JSON members whose sibling names their kind: `{"type":"mobile","value":"…"}` makes the
    /// value a phone number, `{"kind":"passport","number":"…"}` a passport number.
    func pairedMembers(_ document: Document) -> [Finding] {
        var result: [Finding] = []
        // Kind words repeat from record to record (`mobile`, `email`): each is matched once.
        var known: [String: EntityKind?] = [:]
        for (recordIndex, record) in document.records.enumerated() {
            // Parent pointer → the entity its kind member names.
            var kinds: [Substring: (entity: EntityKind, path: String)] = [:]
            for field in record.fields where field.encoding != .jsonKey {
                guard let slash = field.path.lastIndex(of: "/") else { continue }
                let key = field.path[field.path.index(after: slash)...]
                guard key.utf8.count <= 8, Self.kindKeys.contains(key.lowercased()), field.value.utf8.count <= 40 else { continue }
                let entity: EntityKind?
                if let memo = known[field.value] {
                    entity = memo
                } else {
                    entity = columns.entity(forHeader: field.value) ?? columns.entity(forDocumentType: field.value)
                    if known.count < 1_000 { known[field.value] = entity }
                }
                if let entity { kinds[field.path[..<slash]] = (entity, field.path) }
            }
            addNameParts(of: record, recordIndex, to: &result)
            guard !kinds.isEmpty else { continue }
            for (fieldIndex, field) in record.fields.enumerated() where field.encoding != .jsonKey {
                guard let slash = field.path.lastIndex(of: "/"), let kind = kinds[field.path[..<slash]],
                      Self.valueKeys.contains(field.path[field.path.index(after: slash)...].lowercased()),
                      let span = ColumnDetector.contentSpan(of: field.value) else { continue }
                result.append(Finding(ruleID: ColumnDetector.ruleID(for: kind.entity), entity: kind.entity,
                                      field: FieldRef(record: recordIndex, field: fieldIndex), span: span, confidence: .high,
                                      evidence: Evidence(source: .table(header: field.path, basis: .siblingType(column: kind.path)))))
            }
        }
        return result
    }

    /// Keys that are a part of a person's name when an object holds `first` and `last` together
    /// (alone, `first` and `last` are as often a date or a position).
    static let nameParts: Set<String> = ["first", "middle", "last"]

    /// `{"first":"Kate","last":"Ashworth"}`: both keys in one object make each a part of a name.
    private func addNameParts(of record: Record, _ recordIndex: Int, to result: inout [Finding]) {
        var parts: [Substring: Set<String>] = [:]
        for field in record.fields where field.encoding != .jsonKey {
            guard let slash = field.path.lastIndex(of: "/") else { continue }
            let keyPart = field.path[field.path.index(after: slash)...]
            guard keyPart.utf8.count <= 6 else { continue }  // `middle`, the longest part key
            let key = keyPart.lowercased()
            if Self.nameParts.contains(key) { parts[field.path[..<slash], default: []].insert(key) }
        }
        for (parent, keys) in parts where keys.contains("first") && keys.contains("last") {
            for (fieldIndex, field) in record.fields.enumerated() where field.encoding != .jsonKey {
                guard let slash = field.path.lastIndex(of: "/"), field.path[..<slash] == parent,
                      Self.nameParts.contains(field.path[field.path.index(after: slash)...].lowercased()),
                      columns.entity(forPointer: field.path) == nil,
                      let span = ColumnDetector.contentSpan(of: field.value) else { continue }
                result.append(Finding(ruleID: ColumnDetector.ruleID(for: .person), entity: .person,
                                      field: FieldRef(record: recordIndex, field: fieldIndex), span: span, confidence: .high,
                                      evidence: Evidence(source: .table(header: field.path, basis: .nameParts(keys: keys.sorted())))))
            }
        }
    }
}
