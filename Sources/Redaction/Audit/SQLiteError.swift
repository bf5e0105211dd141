import CSQLite

/// A failed SQLite call: the result code, SQLite's message and the SQL being run.
///
/// The bound arguments are deliberately absent. They may hold personal data (a path, a
/// reason written by a reviewer), and errors end up in terminals, CI logs and bug
/// reports. The SQL text comes from `sqlite3_sql`, which returns the statement with its
/// `?` placeholders, never `sqlite3_expanded_sql`.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended result code (`SQLITE_CONSTRAINT_CHECK`, `SQLITE_BUSY_TIMEOUT`, …).
    public var extendedCode: ResultCode
    /// The message from `sqlite3_errmsg`, or `sqlite3_errstr` when no connection exists.
    public var message: String
    /// The statement being prepared or run, with its placeholders; nil for connection-level
    /// failures such as opening the file.
    public var sql: String?
    /// The database file the error concerns (`sqlite3_db_filename`), when the connection
    /// knows one: "database or disk is full" must say which database.
    public var database: String?

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …): the low byte of
    /// the extended code.
    public var code: ResultCode { extendedCode.primary }

    public init(extendedCode: ResultCode, message: String? = nil, sql: String? = nil, database: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message ?? extendedCode.explanation
        self.sql = sql
        self.database = database
    }

    public var description: String {
        var text = "SQLite error \(code.rawValue)"
        if extendedCode != code {
            text += " (extended \(extendedCode.rawValue))"
        }
        text += ": \(message)"
        if let database { text += " (database \(database))" }
        if let sql {
            text += " — while executing `\(sql.trimmingSpaces)`"
        }
        return text
    }
}

extension SQLiteError {
    /// An SQLite result code, primary or extended. An open set, as in SQLite itself:
    /// the constants below are the ones Redact reacts to; any other code is still carried.
    public struct ResultCode: RawRepresentable, Hashable, Sendable {
        public var rawValue: Int32

        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The primary code of an extended code (SQLite keeps it in the low byte).
        public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

        /// SQLite's English explanation of the code, independent of any connection.
        public var explanation: String {
            // Safety: sqlite3_errstr returns a pointer to a static, NUL-terminated string
            // owned by SQLite, valid for the life of the process.
            String(cString: sqlite3_errstr(rawValue))
        }

        public static let error = ResultCode(rawValue: SQLITE_ERROR)
        public static let busy = ResultCode(rawValue: SQLITE_BUSY)
        public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
        public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
        public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
        public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
        public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
    }
}

extension SQLiteError {
    /// Builds the error for the most recent failure on `connection`.
    ///
    /// Must be called before any other call on the same connection, which would replace
    /// the message; the connection's owner serializes access, so nothing interleaves.
    static func last(on connection: OpaquePointer, sql: String?) -> SQLiteError {
        // Safety: `connection` is an open handle owned by the calling SQLiteDatabase;
        // sqlite3_errmsg returns a string owned by SQLite that stays valid until the next
        // call on this connection, and String(cString:) copies it immediately.
        let extended = sqlite3_extended_errcode(connection)
        let message = String(cString: sqlite3_errmsg(connection))
        // Safety: sqlite3_db_filename returns NULL or a string owned by the connection,
        // valid while it is open; String(cString:) copies it. Empty for a temporary database.
        let file = sqlite3_db_filename(connection, "main").map { String(cString: $0) }
        return SQLiteError(extendedCode: ResultCode(rawValue: extended), message: message, sql: sql,
                           database: file?.isEmpty == false ? file : nil)
    }
}

extension String {
    /// The SQL without surrounding whitespace and newlines, for one-line messages.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
