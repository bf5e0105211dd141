import Foundation

/// Log, then publish: a document's row (with its staged output's hash) is committed before
/// the output is renamed into place, and a chained `publication` mark follows the rename.
extension AuditLog {
    /// What became of a staged output.
    public enum PublicationOutcome: String, Sendable {
        /// Renamed into place.
        case published
        /// Never appeared (the rename failed, or a crash lost the staged file): the row's
        /// output is not on disk.
        case withdrawn
    }

    /// One document's publication mark, waiting to be written.
    public struct Publication: Sendable, Equatable {
        public var documentID: Int64
        public var outcome: PublicationOutcome

        public init(documentID: Int64, outcome: PublicationOutcome) {
            self.documentID = documentID
            self.outcome = outcome
        }
    }

    /// Adds the document's publication mark (a chain entry) and forgets its staged path.
    /// Returns false when the document already has one (another process recovered it).
    @discardableResult
    public func markPublication(documentID: Int64, outcome: PublicationOutcome) throws -> Bool {
        try markPublications([Publication(documentID: documentID, outcome: outcome)]) == 1
    }

    /// Adds several marks in one transaction; returns how many were new.
    @discardableResult
    public func markPublications(_ marks: [Publication]) throws -> Int {
        guard !marks.isEmpty else { return 0 }
        return try synchronized {
            try database.transaction {
                var tip = try ChainTip.read(database, path: path)
                let written = try writePublications(marks, tip: &tip)
                try tip.write(database)
                return written
            }
        }
    }

    /// Writes marks inside the caller's transaction, skipping documents that have one.
    func writePublications(_ marks: [Publication], tip: inout ChainTip) throws -> Int {
        guard !marks.isEmpty else { return 0 }
        let existing = try database.prepare(sql: "SELECT count(*) FROM publication WHERE document_id = ?")
        let insert = try database.prepare(sql: AuditChain.publication.insertSQL)
        let clear = try database.prepare(sql: "UPDATE document SET staged_path = NULL WHERE id = ?")
        let at = AuditTimestamp.string(from: Date())
        var id = try tip.nextID(for: AuditChain.publication, in: database)
        var written = 0
        for mark in marks {
            try existing.bind(mark.documentID, at: 1)
            let known = try existing.rows { $0.int(at: 0) }.first ?? 0
            guard known == 0 else { continue }
            try append(AuditChain.publication, statement: insert, id: id,
                       values: [.int(mark.documentID), .text(mark.outcome.rawValue), .text(at)], tip: &tip)
            try clear.bind(mark.documentID, at: 1)
            try clear.execute()
            id += 1
            written += 1
        }
        return written
    }

    /// Writes the keyed `chain_migration` entry for a log that existed before schema 4,
    /// inside the migration's transaction (see ``AuditChain/migration``).
    static func attestMigration(_ database: SQLiteDatabase, path: String, fromVersion: Int64, key: AuditChainKey) throws {
        let state = try database.prepare(sql: """
            SELECT prechain_runs, prechain_documents, prechain_decisions, prechain_pseudonyms, keyed_from
            FROM chain_state WHERE id = 1
            """).rows { ($0.int64(at: 0), $0.int64(at: 1), $0.int64(at: 2), $0.int64(at: 3), $0.int64(at: 4)) }
        guard let (runs, documents, decisions, pseudonyms, keyedFrom) = state.first else {
            throw AuditError.unreadableRow(path: path, table: "chain_state", column: "seq", id: 1)
        }
        var tip = try ChainTip.read(database, path: path)
        let digest = try pseudonymDigest(database, upTo: pseudonyms)
        let id = try tip.nextID(for: AuditChain.migration, in: database)
        try appendEntry(AuditChain.migration, statement: try database.prepare(sql: AuditChain.migration.insertSQL), id: id,
                        values: [.text(key.keyID), .int(fromVersion), .int(runs), .int(documents), .int(decisions),
                                 .int(pseudonyms), .text(digest), .int(keyedFrom - 1), .text(tip.head)],
                        tip: &tip, key: key)
        try tip.write(database)
    }

    /// SHA-256 over the pseudonym numbers written before the chain covered them (rowid up to
    /// `bound`), so that changing one after the migration is detected.
    static func pseudonymDigest(_ database: SQLiteDatabase, upTo bound: Int64) throws -> String {
        let rows = try database.prepare(sql: """
            SELECT rowid, key_id, entity, value_hmac, number, run_id FROM pseudonym_number WHERE rowid <= \(bound) ORDER BY rowid
            """).rows { row in
            (0..<6).map { row.string(at: Int32($0)) ?? "" }.joined(separator: "\t")
        }
        return ValueFingerprinter.sha256(Array(rows.joined(separator: "\n").utf8))
    }
}
