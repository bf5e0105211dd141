import CSQLite

/// Reading the current row. Column indices are 0-based, as in SQLite; the getters are
/// valid only after ``SQLiteStatement/step()`` returned true.
///
/// Safety: every sqlite3_column_* call passes `handle`, valid until deinit. SQLite
/// returns NULL/0 for an out-of-range column instead of reading out of bounds.
extension SQLiteStatement {
    /// Number of columns in the result set.
    public var columnCount: Int {
        Int(sqlite3_column_count(handle))
    }

    /// Whether the column holds SQL NULL.
    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// The column as a 64-bit integer (0 for NULL).
    public func int64(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The column as an integer (0 for NULL).
    public func int(at column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The column as an integer, or nil for NULL.
    public func optionalInt(at column: Int32) -> Int? {
        isNull(at: column) ? nil : int(at: column)
    }

    /// The column as a double (0 for NULL).
    public func double(at column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    /// The column as text, or nil for NULL.
    ///
    /// Text written through `bind(_:at:)` from a Swift `String` is valid UTF-8; the
    /// decoding repair of invalid bytes could only ever apply to a database edited by hand.
    public func string(at column: Int32) -> String? {
        // Safety: sqlite3_column_text returns a buffer owned by the statement that stays
        // valid until the next step, reset or finalize; sqlite3_column_bytes, called after
        // it as SQLite requires, gives its length. The bytes are copied into the String.
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as bytes, or nil for NULL. A zero-length blob is an empty array.
    public func blob(at column: Int32) -> [UInt8]? {
        guard !isNull(at: column) else { return nil }
        // Safety: as for text: the buffer is owned by the statement until the next step,
        // and it is copied into the array here. A zero-length blob yields a null pointer.
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Runs the query from its first row and maps every row through `transform`.
    ///
    /// The statement is reset before and after, so a cached query can be re-bound and run
    /// again; bindings are kept.
    public func rows<Row>(_ transform: (SQLiteStatement) throws -> Row) throws -> [Row] {
        reset()
        defer { reset() }
        var result: [Row] = []
        while try step() {
            result.append(try transform(self))
        }
        return result
    }
}

extension SQLiteStatement {
    /// The column as whatever SQLite holds (integer, text, NULL; a real or blob reads as
    /// its text form, which STRICT tables never produce in the chained columns), for the
    /// hash chain, which hashes a row's columns as stored.
    func chainValue(at column: Int32) -> ChainValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .int(sqlite3_column_int64(handle, column))
        default: .text(string(at: column) ?? "")
        }
    }
}
