import CSQLite

/// `SQLITE_TRANSIENT` is a function-pointer cast macro that does not import into Swift.
/// It tells SQLite to copy the bytes before the bind call returns, which is what lets us
/// bind from a buffer that only lives for the duration of a closure.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// `SQLITE_STATIC` (0), likewise not imported: SQLite reads the bytes where they are, so
/// they must stay valid until the binding is replaced or cleared.
private let staticDestructor = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// A compiled SQL statement; finalized when the value is released.
///
/// Values reach SQL only through the `bind` methods: placeholder indices are 1-based, as in
/// SQLite. A statement keeps its ``SQLiteDatabase`` alive and shares its thread model.
public final class SQLiteStatement {
    /// The connection this statement was compiled on; kept alive by this reference.
    public let database: SQLiteDatabase
    /// Safety: valid from a successful prepare until deinit; used only with `database`'s
    /// handle, under the same single-isolation-domain rule as the connection.
    let handle: OpaquePointer

    init(database: SQLiteDatabase, sql: String, persistent: Bool) throws {
        self.database = database
        var compiled: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        // Safety: `sql` is bridged to a NUL-terminated C string for the duration of the call;
        // the tail pointer is not requested, so nothing points into it afterwards.
        let code = sqlite3_prepare_v3(database.handle, sql, -1, flags, &compiled, nil)
        guard code == SQLITE_OK else {
            throw SQLiteError.last(on: database.handle, sql: sql)
        }
        guard let compiled else {
            throw SQLiteError(extendedCode: .misuse, message: "no SQL statement to prepare", sql: sql)
        }
        handle = compiled
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The statement's SQL text, placeholders included and values never substituted.
    public var sql: String {
        // Safety: sqlite3_sql returns a string owned by the statement; copied at once.
        String(cString: sqlite3_sql(handle))
    }

    // MARK: Binding

    /// Binds a 64-bit integer to the 1-based placeholder `index`.
    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds an integer to the 1-based placeholder `index`.
    public func bind(_ value: Int, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// Binds a double to the 1-based placeholder `index`.
    public func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds UTF-8 text to the 1-based placeholder `index`; SQLite copies it.
    public func bind(_ value: String, at index: Int32) throws {
        let length = value.utf8.count
        // Safety: withCString yields a non-null pointer (also for "") to `length` UTF-8 bytes
        // plus a NUL, valid inside the closure; SQLITE_TRANSIENT makes SQLite copy them
        // before returning. The explicit length keeps embedded NULs.
        let code = value.withCString { text in
            sqlite3_bind_text64(
                handle, index, text, sqlite3_uint64(length), transientDestructor, UInt8(SQLITE_UTF8))
        }
        try check(code)
    }

    /// Binds a blob to the 1-based placeholder `index`; SQLite copies it.
    public func bind(_ value: [UInt8], at index: Int32) throws {
        // An empty array may have no base address, and a null pointer would bind NULL.
        guard !value.isEmpty else {
            try check(sqlite3_bind_zeroblob(handle, index, 0))
            return
        }
        // Safety: the buffer is non-empty so its base address is non-null; it is valid
        // inside the closure and SQLITE_TRANSIENT makes SQLite copy it before returning.
        let code = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob64(
                handle, index, bytes.baseAddress, sqlite3_uint64(bytes.count), transientDestructor)
        }
        try check(code)
    }

    /// Binds SQL NULL to the 1-based placeholder `index`.
    public func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: String?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: Int?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Sets every placeholder back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Running

    /// Advances the statement: true when a row is available, false when it is done.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError.last(on: database.handle, sql: sql)
        }
    }

    /// Runs a statement that returns no rows we want (INSERT, UPDATE, DDL), then resets it
    /// so it can be bound and run again. Bindings are kept.
    public func execute() throws {
        defer { reset() }
        while try step() {}
    }

    /// Binds `values` to the placeholders from `first` on, in order, runs the statement as
    /// `execute()` does, and clears all bindings. For inserting many rows: SQLite reads each
    /// text where the string keeps it instead of copying it first (SQLITE_TRANSIENT cost
    /// ~500 instructions a text, and an audit decision has ten).
    func execute(binding values: [ChainValue], from first: Int32) throws {
        do {
            try bind(values, from: 0, at: first)
        } catch {
            // A bind or the step failed: the texts bound so far point into closures that have
            // returned. Nothing has read them since; clear them before anything can.
            sqlite3_clear_bindings(handle)
            throw error
        }
    }

    /// Binds `values[offset...]`, each text from inside its own `withUTF8`, which is still
    /// open when the statement runs at the end of the recursion.
    private func bind(_ values: [ChainValue], from offset: Int, at first: Int32) throws {
        guard offset < values.count else {
            // Safety: every text bound SQLITE_STATIC is inside a `withUTF8` closure that is
            // still running; the bindings are cleared before any of them returns, so SQLite
            // never reads a text after its pointer stops being valid.
            defer { sqlite3_clear_bindings(handle) }
            try execute()
            return
        }
        let index = first + Int32(offset)
        switch values[offset] {
        case .null:
            try check(sqlite3_bind_null(handle, index))
        case .int(let number):
            try check(sqlite3_bind_int64(handle, index, number))
        case .text(let text) where text.isEmpty:
            try bind(text, at: index)  // copied: an empty buffer may have no address to point at
        case .text(var text):
            try text.withUTF8 { bytes in
                let code = UnsafeRawPointer(bytes.baseAddress!).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(bytes.count), staticDestructor, UInt8(SQLITE_UTF8))
                }
                try check(code)
                try bind(values, from: offset + 1, at: first)
            }
            return
        }
        try bind(values, from: offset + 1, at: first)
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    ///
    /// Errors are not rethrown here: sqlite3_reset repeats the code of a failed step,
    /// which ``step()`` has already reported.
    public func reset() {
        sqlite3_reset(handle)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError.last(on: database.handle, sql: sql)
        }
    }
}

/// Explicitly not Sendable: a statement belongs to its connection's isolation domain.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
