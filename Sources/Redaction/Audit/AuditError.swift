/// Why the audit log could not be opened, migrated, written or read, apart from SQLite
/// failures themselves (``SQLiteError``).
///
/// Each case names the database file and, where relevant, the table, column or row id;
/// none carries a recorded value.
public enum AuditError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's `user_version` is newer than this build understands; an older Redact
    /// must not write rows a newer one would misread.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file is an SQLite database, but not one created by Redact.
    case notAnAuditLog(path: String)
    /// A pragma did not take effect, e.g. WAL refused by the file system.
    case pragmaNotApplied(path: String, pragma: String, result: String)
    /// A migration script did not leave `user_version` at its own version.
    case migrationIncomplete(path: String, version: Int, reached: Int)
    /// The directory for the database could not be created.
    case cannotCreateDirectory(path: String, errno: Int32)
    /// The database file could not be created with private permissions.
    case cannotCreateFile(path: String, errno: Int32)
    /// A decision's `valueHMAC` is not 64 lowercase hex digits: possibly the raw value,
    /// which must never be stored. Names the document, record, rule and byte offset only.
    case invalidHMAC(document: String, record: Int, rule: String, byteStart: Int)
    /// `finishRun` named a run that does not exist.
    case unknownRun(path: String, id: Int64)
    /// A stored row does not read back as what Redact writes (a hand-edited database).
    case unreadableRow(path: String, table: String, column: String, id: Int64)
    /// `redact audit` was pointed at a file that does not exist (it never creates one).
    case noLog(path: String)
    /// The file's schema is older than this build reads; `redact audit migrate` (or the next
    /// `redact run` writing to it) upgrades it. Read-only commands do not migrate.
    case olderSchema(path: String, found: Int, supported: Int)
    /// No row with this id.
    case noSuchRow(path: String, table: String, id: Int64)

    public var description: String {
        switch self {
        case let .newerSchema(path, found, supported):
            return "\(path): audit log schema version \(found) is newer than this Redact supports "
                + "(\(supported)); use a newer Redact or another audit log"
        case let .notAnAuditLog(path):
            return "\(path): an SQLite database that is not a Redact audit log; refusing to modify it"
        case let .pragmaNotApplied(path, pragma, result):
            return "\(path): PRAGMA \(pragma) did not take effect (got \(result))"
        case let .migrationIncomplete(path, version, reached):
            return "\(path): migration to schema version \(version) ended at version \(reached)"
        case let .cannotCreateDirectory(path, code):
            return "\(path): cannot create directory: \(PrivateFiles.describe(errno: code))"
        case let .cannotCreateFile(path, code):
            return "\(path): cannot create audit log: \(PrivateFiles.describe(errno: code))"
        case let .invalidHMAC(document, record, rule, byteStart):
            return "\(document): record \(record), rule \(rule), byte \(byteStart): value_hmac is not "
                + "64 lowercase hex digits; refusing to record the decision"
        case let .unknownRun(path, id):
            return "\(path): no run with id \(id)"
        case let .unreadableRow(path, table, column, id):
            return "\(path): \(table) row \(id) has an unreadable \(column)"
        case let .noLog(path):
            return "\(path): no audit log here (pass --audit PATH or set REDACT_AUDIT)"
        case let .olderSchema(path, found, supported):
            return "\(path): audit log schema version \(found) is older than this Redact's (\(supported)); "
                + "upgrade it with `redact audit migrate --audit \(path)` and the runs' HMAC key (--key-file; a backup first is wise)"
        case let .noSuchRow(path, table, id):
            return "\(path): no \(table) with id \(id)"
        }
    }
}
