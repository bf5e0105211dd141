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
    /// Row index (a record of the document) → column index → cell.
    public var rows: [Int: [Int: FieldRef]]

    /// The columns of a CSV/TSV document (data rows only), or of a JSON Lines document whose
    /// records share keys (each leaf path with its array indices dropped is one column).
    /// Nil for text documents.
    public init?(_ document: Document) {
        guard document.format != .text else { return nil }
        var index: [String: Int] = [:]
        var columns: [Column] = []
        var rows: [Int: [Int: FieldRef]] = [:]
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
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                columns[column].cells.append(ref)
                // A JSON array of objects puts several cells of one column in one record; the
                // row keeps the first (a sibling type is looked up per object, not per row).
                if rows[recordIndex]?[column] == nil { rows[recordIndex, default: [:]][column] = ref }
            }
        }
        self.columns = columns
        self.rows = rows
    }

    /// `/contacts/0/phone` → `/contacts/*/phone`: the members of an array of objects form one column.
    static func columnPath(_ pointer: String) -> String {
        guard pointer.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return pointer }
        return pointer.split(separator: "/", omittingEmptySubsequences: false)
            .map { !$0.isEmpty && $0.allSatisfy(\.isNumber) ? "*" : String($0) }
            .joined(separator: "/")
    }
}
