/// The sequence numbers of sequential pseudonyms, kept so that reruns reproduce them.
extension AuditLog {
    /// One value's number, as stored.
    public struct PseudonymNumber: Sendable, Equatable {
        public var entity: String
        public var valueHMAC: String
        public var number: Int

        public init(entity: String, valueHMAC: String, number: Int) {
            self.entity = entity
            self.valueHMAC = valueHMAC
            self.number = number
        }
    }

    /// Every number recorded under `keyID`, by entity and number.
    public func pseudonymNumbers(keyID: String) throws -> [PseudonymNumber] {
        try synchronized {
            let query = try database.prepare(sql: """
                SELECT entity, value_hmac, number FROM pseudonym_number WHERE key_id = ? ORDER BY entity, number
                """)
            try query.bind(keyID, at: 1)
            return try query.rows { row in
                PseudonymNumber(entity: row.string(at: 0) ?? "", valueHMAC: row.string(at: 1) ?? "", number: row.int(at: 2))
            }
        }
    }

    /// Records numbers not yet known under `keyID`, in one transaction. Numbers already
    /// recorded are left as they are (`INSERT OR IGNORE`): a number never changes once given.
    public func recordPseudonymNumbers(_ numbers: [PseudonymNumber], keyID: String, runID: Int64) throws {
        guard !numbers.isEmpty else { return }
        try synchronized {
            try database.transaction {
                let insert = try database.prepare(sql: """
                    INSERT OR IGNORE INTO pseudonym_number (key_id, entity, value_hmac, number, run_id)
                    VALUES (?, ?, ?, ?, ?)
                    """)
                for entry in numbers {
                    try insert.bind(keyID, at: 1)
                    try insert.bind(entry.entity, at: 2)
                    try insert.bind(entry.valueHMAC, at: 3)
                    try insert.bind(entry.number, at: 4)
                    try insert.bind(runID, at: 5)
                    try insert.execute()
                    insert.reset()
                }
            }
        }
    }
}
