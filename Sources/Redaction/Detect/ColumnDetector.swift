/// Reports whole cells whose column header or JSON key denotes an entity (`护照号码`,
/// `Date of Birth`, `/contact/phone`). Structure is strong evidence: such a cell is reported
/// at high confidence whatever its format, which is how a passport number in an unusual
/// national format is still caught.
public struct ColumnDetector: Sendable {
    public let columns: ColumnMap

    public init(columns: ColumnMap) {
        self.columns = columns
    }

    /// Rule id used for findings of a column, e.g. `column:passport_number`.
    public static func ruleID(for entity: EntityKind) -> String { "column:\(entity.rawValue)" }

    /// Findings for every mapped field of `document` (CSV data rows and JSON leaves).
    public func findings(in document: Document) -> [Finding] {
        guard document.format != .text else { return [] }
        var result: [Finding] = []
        var cache: [String: EntityKind?] = [:]
        for (recordIndex, record) in document.records.enumerated() where record.number > 0 {
            // A JSON key's path names the object holding it, not the key: a key is never
            // the value of a mapped column (`street` in `{"address":{"street":…}}`).
            for (fieldIndex, field) in record.fields.enumerated() where field.encoding != .jsonKey {
                let entity: EntityKind?
                if let cached = cache[field.path] {
                    entity = cached
                } else {
                    entity = document.format == .csv
                        ? columns.entity(forHeader: field.path) : columns.entity(forPointer: field.path)
                    cache[field.path] = entity
                }
                guard let entity, let span = Self.contentSpan(of: field.value) else { continue }
                result.append(Finding(
                    ruleID: Self.ruleID(for: entity),
                    entity: entity,
                    field: FieldRef(record: recordIndex, field: fieldIndex),
                    span: span,
                    confidence: .high,
                    evidence: Evidence(source: .column(header: field.path))
                ))
            }
        }
        return result
    }

    /// The value without surrounding whitespace; nil when nothing in it is a letter or digit
    /// (an empty cell or a dash placeholder holds nothing to redact).
    static func contentSpan(of value: String) -> ByteSpan? {
        let utf8 = value.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
              let last = utf8.lastIndex(where: { !isSpace($0) }) else { return nil }
        let lower = utf8.distance(from: utf8.startIndex, to: first)
        let upper = utf8.distance(from: utf8.startIndex, to: last) + 1
        // An ASCII letter or digit settles it without the (slow) Unicode property look-up.
        let hasContent = utf8.contains(where: WordList.isWordByte)
            || value.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return hasContent ? ByteSpan(lower, upper) : nil
    }
}
