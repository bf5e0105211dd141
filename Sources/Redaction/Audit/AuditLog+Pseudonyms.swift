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

    /// Records numbers not yet known under `keyID`, in one transaction, each as a chain entry.
    /// Numbers already recorded are left as they are: a number never changes once given.
    public func recordPseudonymNumbers(_ numbers: [PseudonymNumber], keyID: String, runID: Int64) throws {
        guard !numbers.isEmpty else { return }
        try synchronized {
            try database.transaction {
                let known = try database.prepare(sql: """
                    SELECT 1 FROM pseudonym_number
                    WHERE key_id = ?1 AND ((entity = ?2 AND value_hmac = ?3) OR (entity = ?2 AND number = ?4))
                    """)
                let insert = try database.prepare(sql: AuditChain.pseudonym.insertSQL)
                var tip = try ChainTip.read(database, path: path)
                var id = try tip.nextID(for: AuditChain.pseudonym, in: database)
                for entry in numbers {
                    try known.bind(keyID, at: 1)
                    try known.bind(entry.entity, at: 2)
                    try known.bind(entry.valueHMAC, at: 3)
                    try known.bind(entry.number, at: 4)
                    let exists = try known.step()
                    known.reset()
                    if exists { continue }
                    try append(AuditChain.pseudonym, statement: insert, id: id, values: [
                        .text(keyID), .text(entry.entity), .text(entry.valueHMAC), .int(Int64(entry.number)), .int(runID),
                    ], tip: &tip)
                    insert.reset()
                    id += 1
                }
                try tip.write(database)
            }
        }
    }
}
