import Foundation
import Redaction
import Testing

@Suite("SQLite wrapper")
struct SQLiteWrapperTests {
    @Test("an error names the code, message and SQL but never a bound value")
    func errorHidesArguments() throws {
        try AuditFixtures.withDirectory { directory in
            let database = try SQLiteDatabase(path: directory + "/t.sqlite")
            try database.execute(sql: "CREATE TABLE person (passport TEXT UNIQUE) STRICT")
            let insert = try database.prepare(sql: "INSERT INTO person (passport) VALUES (?)")
            let canary = "E98765432"
            try insert.bind(canary, at: 1)
            try insert.execute()
            let error = #expect(throws: SQLiteError.self) { try insert.execute() }
            let text = error.map { String(describing: $0) } ?? ""
            #expect(error?.code == .constraint)
            #expect(error?.extendedCode.rawValue == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(text.contains("UNIQUE constraint failed: person.passport"))
            #expect(text.contains("INSERT INTO person (passport) VALUES (?)"))
            #expect(!text.contains(canary))
        }
    }

    @Test("a syntax error in a script names the failing statement")
    func scriptError() throws {
        try AuditFixtures.withDirectory { directory in
            let database = try SQLiteDatabase(path: directory + "/t.sqlite")
            let error = #expect(throws: SQLiteError.self) {
                try database.execute(sql: "CREATE TABLE a (x INTEGER); CREAT TABLE b (y INTEGER);")
            }
            #expect(error?.sql?.hasPrefix(" CREAT TABLE b") == true)
            #expect(error?.code == .error)
        }
    }

    @Test("a throwing transaction body rolls back")
    func transactionRollsBack() throws {
        struct Stop: Error {}
        try AuditFixtures.withDirectory { directory in
            let database = try SQLiteDatabase(path: directory + "/t.sqlite")
            try database.execute(sql: "CREATE TABLE t (x INTEGER) STRICT")
            #expect(throws: Stop.self) {
                try database.transaction {
                    try database.execute(sql: "INSERT INTO t VALUES (1)")
                    throw Stop()
                }
            }
            #expect(!database.isInTransaction)
            let count = try database.prepare(sql: "SELECT count(*) FROM t").rows { $0.int64(at: 0) }
            #expect(count == [0])
        }
    }

    @Test("binds and reads back every value kind, keeping empty text and blobs non-NULL")
    func valueKinds() throws {
        try AuditFixtures.withDirectory { directory in
            let database = try SQLiteDatabase(path: directory + "/t.sqlite")
            try database.execute(sql: "CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, n TEXT) STRICT")
            let insert = try database.prepare(sql: "INSERT INTO v VALUES (?, ?, ?, ?, ?)")
            try insert.bind(Int64.min, at: 1)
            try insert.bind(2.5, at: 2)
            try insert.bind("", at: 3)
            try insert.bind([UInt8](), at: 4)
            try insert.bind(String?.none, at: 5)
            try insert.execute()
            #expect(database.changes == 1)
            #expect(database.lastInsertRowID == 1)
            try insert.bind(Int64(7), at: 1)
            try insert.bind(-0.25, at: 2)
            try insert.bind("名前", at: 3)
            try insert.bind([0, 255, 10], at: 4)
            try insert.bind("x", at: 5)
            try insert.execute()
            let rows = try database.prepare(sql: "SELECT i, r, t, b, n FROM v ORDER BY rowid").rows { row in
                "\(row.int64(at: 0)) \(row.double(at: 1)) \(row.string(at: 2).debugDescription) "
                    + "\(row.blob(at: 3).debugDescription) \(row.isNull(at: 4))"
            }
            #expect(rows == [
                "\(Int64.min) 2.5 Optional(\"\") Optional([]) true",
                "7 -0.25 Optional(\"名前\") Optional([0, 255, 10]) false",
            ])
        }
    }
}
