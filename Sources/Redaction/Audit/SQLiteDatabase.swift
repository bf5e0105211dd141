import CSQLite

/// One open SQLite connection; closed when the value is released.
///
/// Thread model: the connection is opened with `SQLITE_OPEN_NOMUTEX` and the type is not
/// `Sendable`, so the compiler confines each connection to one isolation domain at a time.
/// SQLite's own per-call mutex (FULLMUTEX) would add a lock/unlock to every bind and step
/// on the audit hot path, yet it could not keep a transaction or an error message intact
/// across calls anyway; an owner that shares a connection (``AuditLog``) must serialize
/// whole operations itself, and then the per-call mutex protects nothing more.
public final class SQLiteDatabase {
    /// The file this connection opened.
    public let path: String
    /// Safety: the handle is valid from a successful open until deinit, and only this
    /// class and the statements it prepares (which keep it alive) pass it to SQLite.
    let handle: OpaquePointer

    /// Opens (creating if needed) the database at `path` for reading and writing.
    ///
    /// - Parameter busyTimeout: how long a write waits for another connection's lock
    ///   (two `redact run`s appending to the same log) before failing with `SQLITE_BUSY`.
    /// - Parameter readOnly: open with `SQLITE_OPEN_READONLY` and without `SQLITE_OPEN_CREATE`:
    ///   a missing file is an error, and no statement can change the database (what
    ///   `redact audit` uses, so a verifier never alters the evidence it checks).
    public init(path: String, busyTimeout: Duration = .seconds(5), readOnly: Bool = false) throws {
        self.path = path
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        // Safety: `path` is bridged to a NUL-terminated C string that lives for the call;
        // `opened` receives a handle even on most failures, which must then be closed.
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = opened.map { SQLiteError.last(on: $0, sql: nil) }
                ?? SQLiteError(extendedCode: .init(rawValue: code))
            sqlite3_close_v2(opened)
            throw SQLiteError(
                extendedCode: error.extendedCode,
                message: "\(error.message) (opening \(path))")
        }
        handle = opened
        // Safety (this and every later call taking `handle`): the handle is open until
        // deinit, and the non-Sendable class confines it to one isolation domain.
        // Extended codes tell a CHECK failure from a NOT NULL one, BUSY from BUSY_TIMEOUT.
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds = busyTimeout.components.seconds * 1000
            + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
    }

    deinit {
        // close_v2 defers the close until every statement is finalized, so release
        // order between a database and its statements never leaks or fails.
        sqlite3_close_v2(handle)
    }

    /// Runs a script of one or more `;`-separated statements, discarding any rows.
    ///
    /// For schema scripts and pragmas only: it takes no arguments, so values never
    /// travel through here. An error names the statement of the script that failed.
    public func execute(sql: String) throws {
        try sql.withCString { start in
            var cursor = start
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                // Safety: `cursor` points into the NUL-terminated copy of `sql` that
                // withCString keeps alive for this closure; SQLite sets `tail` to the
                // first byte after the compiled statement, inside the same buffer.
                let code = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                guard code == SQLITE_OK else {
                    throw SQLiteError.last(on: handle, sql: String(cString: cursor))
                }
                // A trailing comment or whitespace compiles to no statement.
                guard let statement else { break }
                defer { sqlite3_finalize(statement) }
                var step = sqlite3_step(statement)
                while step == SQLITE_ROW {
                    step = sqlite3_step(statement)
                }
                guard step == SQLITE_DONE else {
                    throw SQLiteError.last(on: handle, sql: String(cString: sqlite3_sql(statement)))
                }
                guard let tail else { break }
                cursor = tail
            }
        }
    }

    /// Compiles one statement for repeated bind / step / reset cycles.
    ///
    /// - Parameter persistent: hint that the statement is kept and reused for the life
    ///   of the connection (`SQLITE_PREPARE_PERSISTENT`), as the audit inserts are.
    public func prepare(sql: String, persistent: Bool = false) throws -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql, persistent: persistent)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so a concurrent writer waits in the busy
    /// handler at BEGIN instead of failing half-way with a lock upgrade error.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute(sql: "BEGIN IMMEDIATE")
        let result: Result
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        do {
            try execute(sql: "COMMIT")
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        return result
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open (the connection is not in autocommit mode).
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// The original error matters more than a failed ROLLBACK; and SQLite may already
    /// have rolled back by itself (after SQLITE_FULL, for instance), making ROLLBACK fail.
    private func rollbackIgnoringErrors() {
        if isInTransaction {
            _ = try? execute(sql: "ROLLBACK")
        }
    }
}

/// Explicitly not Sendable: see the thread model on ``SQLiteDatabase``.
@available(*, unavailable)
extension SQLiteDatabase: Sendable {}
