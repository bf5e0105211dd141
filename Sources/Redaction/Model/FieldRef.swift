/// Addresses one field of a document: indexes into `Document.records` and `Record.fields`.
public struct FieldRef: Hashable, Comparable, Sendable {
    public var record: Int
    public var field: Int

    public init(record: Int, field: Int) {
        self.record = record
        self.field = field
    }

    public static func < (lhs: FieldRef, rhs: FieldRef) -> Bool {
        (lhs.record, lhs.field) < (rhs.record, rhs.field)
    }
}
