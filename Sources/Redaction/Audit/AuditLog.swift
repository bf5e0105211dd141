import Foundation

/// The append-only audit database: one `run` row per invocation, one `document` row per
/// input file, one `decision` row per finding (kept findings too), and never a value.
///
/// Durability: WAL with `synchronous = NORMAL`: a committed document survives a crash of
/// the process; a power loss may drop the last few commits but never corrupts the file.
/// Several processes may append to the same file; writers wait up to five seconds for
/// each other's lock.
///
/// Safety (`@unchecked Sendable`): every use of the connection and of the cached
/// statements happens inside `lock`, so one log can be shared by the tasks of a pipeline
/// driver; calls are serialized whole, transactions included.
public final class AuditLog: @unchecked Sendable {
    /// The newest schema version this build reads and writes (`PRAGMA user_version`).
    public static var schemaVersion: Int { AuditSchema.latestVersion }

    /// The database file.
    public let path: String
    let lock = NSLock()
    let database: SQLiteDatabase
    private let insertDocument: SQLiteStatement
    private let insertDecision: SQLiteStatement

    /// Opens the log at `path`, creating it (and its directory, 0700; the file 0600) if
    /// needed, and migrating an older schema. Refuses a newer schema and any SQLite file
    /// Redact did not create.
    public init(path: String) throws {
        self.path = path
        do {
            try PrivateFiles.createDirectories(PrivateFiles.parentDirectory(of: path))
        } catch {
            throw AuditError.cannotCreateDirectory(path: error.path, errno: error.code)
        }
        do {
            try PrivateFiles.createFileIfMissing(path)
        } catch {
            throw AuditError.cannotCreateFile(path: error.path, errno: error.code)
        }
        let database = try SQLiteDatabase(path: path)
        try Self.configure(database, path: path)
        try AuditSchema.migrate(database, path: path)
        self.database = database
        insertDocument = try database.prepare(sql: """
            INSERT INTO document (run_id, path, format, input_sha256, output_sha256,
                                  output_path, status, error, records, bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, persistent: true)
        insertDecision = try database.prepare(sql: """
            INSERT INTO decision (document_id, record, field, start, "end", byte_start, byte_end,
                                  rule, entity, confidence, verdict, reason, operator,
                                  value_hmac, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, persistent: true)
    }

    /// Records the start of a run (status `running`) and returns its id.
    public func beginRun(_ run: AuditRun) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let argv = String(decoding: try encoder.encode(run.argv), as: UTF8.self)
        return try synchronized {
            let insert = try database.prepare(sql: """
                INSERT INTO run (tool_version, command, argv, rules_digest, policy_digest,
                                 policy_name, key_id, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')
                """)
            try insert.bind(run.toolVersion, at: 1)
            try insert.bind(run.command, at: 2)
            try insert.bind(argv, at: 3)
            try insert.bind(run.rulesDigest, at: 4)
            try insert.bind(run.policyDigest, at: 5)
            try insert.bind(run.policyName, at: 6)
            try insert.bind(run.keyID, at: 7)
            try insert.bind(AuditTimestamp.string(from: run.startedAt), at: 8)
            try insert.execute()
            return database.lastInsertRowID
        }
    }

    /// Appends one document and all of its decisions in a single transaction, and returns
    /// the document's id. If any row is refused, nothing of the document is kept.
    @discardableResult
    public func append(document: AuditDocument, decisions: [AuditDecision], runID: Int64) throws -> Int64 {
        try synchronized {
            // Drop the copies of the last document's texts once it is written.
            defer {
                insertDocument.clearBindings()
                insertDecision.clearBindings()
            }
            return try database.transaction {
                try bind(document, runID: runID)
                try insertDocument.execute()
                let documentID = database.lastInsertRowID
                for decision in decisions {
                    guard Self.isHexHMAC(decision.valueHMAC) else {
                        throw AuditError.invalidHMAC(
                            document: document.path, record: decision.record, rule: decision.rule,
                            byteStart: decision.byteStart)
                    }
                    try bind(decision, documentID: documentID)
                    try insertDecision.execute()
                }
                return documentID
            }
        }
    }

    /// Records how a run ended. `status` is `ok` or `errors`.
    public func finishRun(
        id: Int64, endedAt: Date, status: String, documents: Int, decisions: Int, errors: Int
    ) throws {
        try synchronized {
            let update = try database.prepare(sql: """
                UPDATE run SET ended_at = ?, status = ?, documents = ?, decisions = ?, errors = ?
                WHERE id = ?
                """)
            try update.bind(AuditTimestamp.string(from: endedAt), at: 1)
            try update.bind(status, at: 2)
            try update.bind(documents, at: 3)
            try update.bind(decisions, at: 4)
            try update.bind(errors, at: 5)
            try update.bind(id, at: 6)
            try update.execute()
            guard database.changes == 1 else {
                throw AuditError.unknownRun(path: path, id: id)
            }
        }
    }

    /// Whether `text` is an HMAC-SHA256 in lowercase hex, as the `value_hmac` column requires.
    static func isHexHMAC(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }

    /// Runs `body` with exclusive use of the connection.
    func synchronized<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func bind(_ document: AuditDocument, runID: Int64) throws {
        let insert = insertDocument
        try insert.bind(runID, at: 1)
        try insert.bind(document.path, at: 2)
        try insert.bind(document.format, at: 3)
        try insert.bind(document.inputSHA256, at: 4)
        try insert.bind(document.outputSHA256, at: 5)
        try insert.bind(document.outputPath, at: 6)
        try insert.bind(document.status, at: 7)
        try insert.bind(document.error, at: 8)
        try insert.bind(document.records, at: 9)
        try insert.bind(document.bytes, at: 10)
    }

    private func bind(_ decision: AuditDecision, documentID: Int64) throws {
        let insert = insertDecision
        try insert.bind(documentID, at: 1)
        try insert.bind(decision.record, at: 2)
        try insert.bind(decision.field, at: 3)
        try insert.bind(decision.start, at: 4)
        try insert.bind(decision.end, at: 5)
        try insert.bind(decision.byteStart, at: 6)
        try insert.bind(decision.byteEnd, at: 7)
        try insert.bind(decision.rule, at: 8)
        try insert.bind(decision.entity, at: 9)
        try insert.bind(decision.confidence, at: 10)
        try insert.bind(decision.verdict, at: 11)
        try insert.bind(decision.reason, at: 12)
        try insert.bind(decision.operator, at: 13)
        try insert.bind(decision.valueHMAC, at: 14)
        try insert.bind(decision.evidence, at: 15)
    }

    /// WAL lets readers (a `redact audit` in another terminal) run while a run appends,
    /// and makes each per-document commit cheap. Checked, because SQLite silently keeps
    /// the old mode where WAL is impossible (some network file systems).
    ///
    /// Cache and checkpoint sizes: the `value_hmac` index receives random keys, so each
    /// document's commit dirties about one index page per decision. A 32 MB cache (default
    /// 2 MB) avoids spilling those pages mid-transaction, and checkpointing every 10,000
    /// pages (~40 MB of WAL, default 1,000) copies a page rewritten by several documents
    /// back to the database once. Together: about 2x the insert rate, measured.
    private static func configure(_ database: SQLiteDatabase, path: String) throws {
        let mode = try database.prepare(sql: "PRAGMA journal_mode = WAL")
            .rows { $0.string(at: 0) ?? "" }.first ?? ""
        guard mode.lowercased() == "wal" else {
            throw AuditError.pragmaNotApplied(path: path, pragma: "journal_mode = WAL", result: mode)
        }
        try database.execute(sql: """
            PRAGMA foreign_keys = ON;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -32000;
            PRAGMA wal_autocheckpoint = 10000;
            """)
        let foreignKeys = try AuditSchema.integerPragma("foreign_keys", on: database)
        guard foreignKeys == 1 else {
            throw AuditError.pragmaNotApplied(path: path, pragma: "foreign_keys = ON", result: String(foreignKeys))
        }
    }
}
