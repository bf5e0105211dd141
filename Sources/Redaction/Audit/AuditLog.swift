import Foundation

/// The append-only audit database: one `run` row per invocation, one `document` row per
/// input file, one `decision` row per finding (kept findings too), and never a value.
///
/// Durability: WAL with `synchronous = NORMAL`: a committed document survives a crash of
/// the process; a power loss may drop the last few commits but never corrupts the file.
/// Several processes may append to the same file: each document is its own short
/// transaction, and a writer waits for another's lock as long as a large document's
/// transaction can take (``writerBusyTimeout``), not the five seconds that once made the
/// second of two large runs fail with `database is locked`.
///
/// Safety (`@unchecked Sendable`): every use of the connection and of the cached
/// statements happens inside `lock`, so one log can be shared by the tasks of a pipeline
/// driver; calls are serialized whole, transactions included.
public final class AuditLog: @unchecked Sendable {
    /// The newest schema version this build reads and writes (`PRAGMA user_version`).
    public static var schemaVersion: Int { AuditSchema.latestVersion }

    /// The database file.
    public let path: String
    /// Seals every chain entry this log writes (see ``AuditChainKey``).
    public let chainKey: AuditChainKey
    /// How long a write waits for another process's transaction. A document's transaction
    /// inserts and hashes every decision of the document: about 100k decisions a second,
    /// so ten minutes covers documents far larger than any seen; a run never gives up
    /// while another makes progress, and SQLite's IMMEDIATE transactions cannot deadlock.
    public static let writerBusyTimeout: Duration = .seconds(600)
    let lock = NSLock()
    let database: SQLiteDatabase
    private let insertDocument: SQLiteStatement
    private let insertDecision: SQLiteStatement
    private let insertOverride: SQLiteStatement

    /// Opens the log at `path`, creating it (and its directory, 0700; the file 0600) if
    /// needed, and migrating an older schema. Refuses a newer schema and any SQLite file
    /// Redact did not create.
    public init(path: String, chainKey: AuditChainKey) throws {
        self.path = path
        self.chainKey = chainKey
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
        let database = try SQLiteDatabase(path: path, busyTimeout: Self.writerBusyTimeout)
        try Self.configure(database, path: path)
        try AuditSchema.migrate(database, path: path) { fromVersion in
            try Self.attestMigration(database, path: path, fromVersion: fromVersion, key: chainKey)
        }
        self.database = database
        insertDocument = try database.prepare(sql: AuditChain.document.insertSQL, persistent: true)
        insertDecision = try database.prepare(sql: AuditChain.decision.insertSQL, persistent: true)
        insertOverride = try database.prepare(sql: AuditChain.override.insertSQL, persistent: true)
    }

    /// Records the start of a run (status `running`) and returns its id.
    public func beginRun(_ run: AuditRun) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let argv = String(decoding: try encoder.encode(run.argv), as: UTF8.self)
        return try synchronized {
            try database.transaction {
                var tip = try ChainTip.read(database, path: path)
                let insert = try database.prepare(sql: AuditChain.run.insertSQL)
                let id = try tip.nextID(for: AuditChain.run, in: database)
                try append(AuditChain.run, statement: insert, id: id, values: [
                    .text(run.toolVersion), .text(run.command), .text(argv), .text(run.rulesDigest),
                    .text(run.policyDigest), .text(run.policyName), .text(run.keyID),
                    .text(AuditTimestamp.string(from: run.startedAt)), ChainValue(run.manifest), ChainValue(run.review),
                ], tip: &tip)
                try database.execute(sql: "UPDATE run SET status = 'running', pid = \(getpid()) WHERE id = \(id)")
                try tip.write(database)
                return id
            }
        }
    }

    /// Stores `content` once under its SHA-256 (rerunning with the same rules adds nothing)
    /// and returns the digest. Blobs are content-addressed, so `verify` checks each against
    /// its key instead of chaining it.
    @discardableResult
    public func storeBlob(_ content: String, kind: String) throws -> String {
        let digest = ValueFingerprinter.sha256(Array(content.utf8))
        try synchronized {
            let insert = try database.prepare(sql: "INSERT OR IGNORE INTO blob (sha256, kind, content) VALUES (?, ?, ?)")
            try insert.bind(digest, at: 1)
            try insert.bind(kind, at: 2)
            try insert.bind(content, at: 3)
            try insert.execute()
        }
        return digest
    }

    /// Appends one document and all of its decisions in a single transaction, and returns
    /// the document's id. If any row is refused, nothing of the document is kept.
    /// `overrides` are reviewer overrides by index into `decisions`.
    /// `stagedPath`: the temporary file that holds the document's output until it is renamed
    /// into place; kept (unchained) so that recovery after a crash can finish the rename.
    /// `publications`: marks of earlier documents, written first in the same transaction
    /// (one commit per document instead of two).
    @discardableResult
    public func append(document: AuditDocument, decisions: [AuditDecision], overrides: [Int: AuditOverride] = [:],
                       runID: Int64, stagedPath: String? = nil, publications: [Publication] = []) throws -> Int64 {
        try synchronized {
            try database.transaction {
                var tip = try ChainTip.read(database, path: path)
                _ = try writePublications(publications, tip: &tip)
                let documentID = try tip.nextID(for: AuditChain.document, in: database)
                try append(AuditChain.document, statement: insertDocument, id: documentID,
                           values: Self.values(document, runID: runID), tip: &tip)
                if let stagedPath {
                    let update = try database.prepare(sql: "UPDATE document SET staged_path = ? WHERE id = ?")
                    try update.bind(stagedPath, at: 1)
                    try update.bind(documentID, at: 2)
                    try update.execute()
                }
                var decisionID = try tip.nextID(for: AuditChain.decision, in: database)
                var decisionIDs: [Int64] = []
                decisionIDs.reserveCapacity(decisions.count)
                for decision in decisions {
                    guard Self.isHexHMAC(decision.valueHMAC) else {
                        throw AuditError.invalidHMAC(
                            document: document.path, record: decision.record, rule: decision.rule,
                            byteStart: decision.byteStart)
                    }
                    try append(AuditChain.decision, statement: insertDecision, id: decisionID,
                               values: Self.values(decision, documentID: documentID), tip: &tip)
                    decisionIDs.append(decisionID)
                    decisionID += 1
                }
                if !overrides.isEmpty {
                    var overrideID = try tip.nextID(for: AuditChain.override, in: database)
                    for index in overrides.keys.sorted() {
                        let entry = overrides[index]!
                        try append(AuditChain.override, statement: insertOverride, id: overrideID, values: [
                            .int(runID), .int(decisionIDs[index]), .text(entry.action), .text(entry.reviewer),
                            .text(entry.reason), .text(entry.source), .text(entry.target),
                        ], tip: &tip)
                        overrideID += 1
                    }
                }
                try tip.write(database)
                return documentID
            }
        }
    }

    /// Records how a run ended (`status` is `ok`, `errors` or `aborted`) as a `run_end`
    /// chain entry, and returns its hash: the run's head, to be kept outside the database.
    @discardableResult
    public func finishRun(
        id: Int64, endedAt: Date, status: String, documents: Int, decisions: Int, errors: Int, onlyIfRunning: Bool = false
    ) throws -> String {
        try synchronized {
            try database.transaction {
                let ended = AuditTimestamp.string(from: endedAt)
                let update = try database.prepare(sql: """
                    UPDATE run SET ended_at = ?, status = ?, documents = ?, decisions = ?, errors = ?
                    WHERE id = ?\(onlyIfRunning ? " AND status = 'running'" : "")
                    """)
                try update.bind(ended, at: 1)
                try update.bind(status, at: 2)
                try update.bind(documents, at: 3)
                try update.bind(decisions, at: 4)
                try update.bind(errors, at: 5)
                try update.bind(id, at: 6)
                try update.execute()
                guard database.changes == 1 else {
                    throw AuditError.unknownRun(path: path, id: id)
                }
                var tip = try ChainTip.read(database, path: path)
                let endID = try tip.nextID(for: AuditChain.runEnd, in: database)
                let head = try append(AuditChain.runEnd, statement: try database.prepare(sql: AuditChain.runEnd.insertSQL),
                                      id: endID, values: [.int(id), .text(ended), .text(status), .int(Int64(documents)),
                                                          .int(Int64(decisions)), .int(Int64(errors))], tip: &tip)
                try tip.write(database)
                return head
            }
        }
    }

    /// Inserts one chain entry and advances `tip`; returns the entry's hash.
    @discardableResult
    func append(_ table: AuditChain.Table, statement: SQLiteStatement, id: Int64, values: [ChainValue],
                tip: inout ChainTip) throws -> String {
        try Self.appendEntry(table, statement: statement, id: id, values: values, tip: &tip, key: chainKey)
    }

    /// The same, for use before the log is fully open (the migration's attestation).
    @discardableResult
    static func appendEntry(_ table: AuditChain.Table, statement: SQLiteStatement, id: Int64, values: [ChainValue],
                            tip: inout ChainTip, key: AuditChainKey) throws -> String {
        let seq = tip.seq + 1
        let hash = AuditChain.hash(table: table.name, id: id, seq: seq, prevHash: tip.head, values: values, key: key)
        let last = Int32(values.count) + 2
        try statement.bind(id, at: 1)
        try statement.bind(seq, at: last)
        try statement.bind(tip.head, at: last + 1)
        try statement.bind(hash, at: last + 2)
        try statement.execute(binding: values, from: 2)
        tip.seq = seq
        tip.head = hash
        return hash
    }

    static func values(_ document: AuditDocument, runID: Int64) -> [ChainValue] {
        [.int(runID), .text(document.path), .text(document.format), .text(document.inputSHA256),
         ChainValue(document.outputSHA256), ChainValue(document.outputPath), .text(document.status),
         ChainValue(document.error), .int(Int64(document.records)), .int(Int64(document.bytes))]
    }

    static func values(_ decision: AuditDecision, documentID: Int64) -> [ChainValue] {
        [.int(documentID), .int(Int64(decision.record)), .text(decision.field), .int(Int64(decision.start)),
         .int(Int64(decision.end)), .int(Int64(decision.byteStart)), .int(Int64(decision.byteEnd)),
         ChainValue(decision.line), ChainValue(decision.column), ChainValue(decision.outputStart),
         ChainValue(decision.outputEnd), .text(decision.rule), .text(decision.entity), .text(decision.confidence),
         .text(decision.verdict), .text(decision.reason), ChainValue(decision.operator), .text(decision.valueHMAC),
         .text(decision.evidence)]
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
