/// Reports whole cells whose column header or JSON key denotes an entity (`护照号码`,
/// `Date of Birth`, `/contact/phone`). Structure is strong evidence: such a cell is reported
/// at high confidence whatever its format, which is how a passport number in an unusual
/// national format is still caught.
///
/// Not `Sendable`: it remembers what each header and pointer it has met maps to, so that a
/// path is looked up in the column map once per worker rather than once per document (a
/// look-up normalises the path and tries every header name of `columns.yaml`). One per
/// pipeline.
public final class ColumnDetector {
    public let columns: ColumnMap
    /// What each CSV header, and each JSON Pointer, seen so far maps to.
    private var headers: [String: Mapping?] = [:]
    private var pointers: [String: Mapping?] = [:]

    /// An entity a path denotes, with the rule id of its findings.
    private struct Mapping {
        let entity: EntityKind
        let ruleID: String
    }

    /// Distinct paths remembered per format; past this the memo starts over, so JSON
    /// Pointers with ever new array indices cannot grow it without bound.
    private static let memoLimit = 10_000

    public init(columns: ColumnMap) {
        self.columns = columns
    }

    /// Rule id used for findings of a column, e.g. `column:passport_number`.
    public static func ruleID(for entity: EntityKind) -> String { "column:\(entity.rawValue)" }

    /// Findings for every mapped field of `document` (CSV data rows and JSON leaves).
    public func findings(in document: Document) -> [Finding] {
        guard document.format != .text else { return [] }
        let isCSV = document.format == .csv
        var result: [Finding] = []
        // The last path met at each field index, with its mapping: the rows of a CSV file, and
        // JSON Lines records of one shape, repeat a path at the same index, and comparing it
        // with the previous one is cheaper than hashing it.
        var previous: [(path: String, mapping: Mapping?)] = []
        for (recordIndex, record) in document.records.enumerated() where record.number > 0 {
            let fields = record.fields
            // A JSON key's path names the object holding it, not the key: a key is never
            // the value of a mapped column (`street` in `{"address":{"street":…}}`).
            for fieldIndex in fields.indices where fields[fieldIndex].encoding != .jsonKey {
                let path = fields[fieldIndex].path
                let mapping: Mapping?
                if fieldIndex < previous.count && previous[fieldIndex].path == path {
                    mapping = previous[fieldIndex].mapping
                } else {
                    mapping = isCSV ? header(path) : pointer(path)
                    while previous.count <= fieldIndex { previous.append(("", nil)) }
                    previous[fieldIndex] = (path, mapping)
                }
                guard let mapping, let span = Self.contentSpan(of: fields[fieldIndex].value) else { continue }
                result.append(Finding(
                    ruleID: mapping.ruleID,
                    entity: mapping.entity,
                    field: FieldRef(record: recordIndex, field: fieldIndex),
                    span: span,
                    confidence: .high,
                    evidence: Evidence(source: .column(header: path))
                ))
            }
        }
        return result
    }

    private func header(_ path: String) -> Mapping? {
        if let known = headers[path] { return known }
        if headers.count >= Self.memoLimit { headers.removeAll() }
        let mapping = columns.entity(forHeader: path).map { Mapping(entity: $0, ruleID: Self.ruleID(for: $0)) }
        headers[path] = .some(mapping)
        return mapping
    }

    private func pointer(_ path: String) -> Mapping? {
        if let known = pointers[path] { return known }
        if pointers.count >= Self.memoLimit { pointers.removeAll() }
        let mapping = columns.entity(forPointer: path).map { Mapping(entity: $0, ruleID: Self.ruleID(for: $0)) }
        pointers[path] = .some(mapping)
        return mapping
    }

    /// The value without surrounding whitespace; nil when nothing in it is a letter or digit
    /// (an empty cell or a dash placeholder holds nothing to redact).
    static func contentSpan(of value: String) -> ByteSpan? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var value = value
        let (lower, upper, hasWordByte) = value.withUTF8 { bytes in
            var lower = 0
            while lower < bytes.count && isSpace(bytes[lower]) { lower += 1 }
            var upper = bytes.count
            while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
            return (lower, upper, bytes.contains(where: WordList.isWordByte))
        }
        guard lower < upper else { return nil }
        // An ASCII letter or digit settles it without the (slow) Unicode property look-up.
        let hasContent = hasWordByte
            || value.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return hasContent ? ByteSpan(lower, upper) : nil
    }
}
