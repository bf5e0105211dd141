/// A table seen column by column: each column's header (a CSV header cell, or a JSON key
/// path with array indices folded) and where its cells sit in the document. The table
/// profiler reads values through it; a streaming reader could build the same view from a
/// sample of rows.
public struct Table: Sendable {
    /// One column: its header as written and its cells, in row order.
    public struct Column: Sendable {
        public var header: String
        public var cells: [FieldRef]
    }

    public var columns: [Column]

    /// The columns of a CSV/TSV document (data rows only), or of a JSON Lines document whose
    /// records share keys (each leaf path with its array indices dropped is one column).
    /// Nil for text documents.
    public init?(_ document: Document) {
        guard document.format != .text else { return nil }
        var index: [String: Int] = [:]
        var columns: [Column] = []
        for (recordIndex, record) in document.records.enumerated() where record.number > 0 {
            for (fieldIndex, field) in record.fields.enumerated() where field.encoding != .jsonKey {
                let header = document.format == .csv ? field.path : Self.columnPath(field.path)
                let column: Int
                if let known = index[header] {
                    column = known
                } else {
                    column = columns.count
                    index[header] = column
                    columns.append(Column(header: header, cells: []))
                }
                columns[column].cells.append(FieldRef(record: recordIndex, field: fieldIndex))
            }
        }
        self.columns = columns
    }

    /// The cell of the column headed `header` in the same record as `ref`, if any (the first,
    /// when a JSON array holds several).
    static func cell(headed header: String, besides ref: FieldRef, in document: Document) -> FieldRef? {
        let fields = document.records[ref.record].fields
        let isCSV = document.format == .csv
        for (index, field) in fields.enumerated() where field.encoding != .jsonKey {
            if (isCSV ? field.path : columnPath(field.path)) == header { return FieldRef(record: ref.record, field: index) }
        }
        return nil
    }

    /// `/contacts/0/phone` → `/contacts/*/phone`: the members of an array of objects form one column.
    static func columnPath(_ pointer: String) -> String {
        guard pointer.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return pointer }
        return pointer.split(separator: "/", omittingEmptySubsequences: false)
            .map { !$0.isEmpty && $0.allSatisfy(\.isNumber) ? "*" : String($0) }
            .joined(separator: "/")
    }
}
