/// Applying ``AuditSchema/migrations`` to an open database.
extension AuditSchema {
    /// Brings the database up to ``latestVersion``, or refuses it.
    ///
    /// All pending migrations run in one IMMEDIATE transaction: a crash leaves the old
    /// version intact, and two processes opening a fresh log at once cannot both migrate
    /// (the second waits for the write lock, then finds the work done).
    ///
    /// `attest` runs inside the same transaction when a log that already existed (version 1
    /// or later) was brought to version 4 or later: it writes the keyed `chain_migration`
    /// entry, so a crash never leaves a migrated log without it.
    static func migrate(_ database: SQLiteDatabase, path: String,
                        attest: (_ fromVersion: Int64) throws -> Void = { _ in }) throws {
        let found = try integerPragma("user_version", on: database)
        try checkCanOpen(database, version: found, path: path)
        guard found < latestVersion else { return }
        try database.transaction {
            let current = try integerPragma("user_version", on: database)
            try checkCanOpen(database, version: current, path: path)
            for migration in migrations where migration.version > current {
                try database.execute(sql: migration.sql)
                let reached = try integerPragma("user_version", on: database)
                guard reached == migration.version else {
                    throw AuditError.migrationIncomplete(
                        path: path, version: migration.version, reached: Int(reached))
                }
            }
            if current >= 1 && current < 4 { try attest(current) }
        }
    }

    /// Refuses a newer schema, and any database Redact did not create: version 0 must be
    /// an empty file; a versioned one must carry Redact's application id.
    static func checkCanOpen(_ database: SQLiteDatabase, version: Int64, path: String) throws {
        if version > latestVersion {
            throw AuditError.newerSchema(path: path, found: Int(version), supported: latestVersion)
        }
        if version == 0 {
            let objects = try database.prepare(sql: "SELECT count(*) FROM sqlite_schema")
                .rows { $0.int64(at: 0) }.first ?? 0
            if objects > 0 { throw AuditError.notAnAuditLog(path: path) }
        } else if try integerPragma("application_id", on: database) != applicationID {
            throw AuditError.notAnAuditLog(path: path)
        }
    }

    /// Reads a pragma that returns a single integer. `name` is always one of our string
    /// literals, never input.
    static func integerPragma(_ name: StaticString, on database: SQLiteDatabase) throws -> Int64 {
        try database.prepare(sql: "PRAGMA \(name)").rows { $0.int64(at: 0) }.first ?? 0
    }
}
