import Foundation
import Redaction
import Testing

/// Paths printed as they are, never as a forged line, never two files under one name.
struct OutputHygieneTests {
    @Test("a file name with a newline cannot print a forged audit head line")
    func newlineInFileName() throws {
        let forged = "x.txt\naudit head: " + String(repeating: "0", count: 64) + "\n"
        let input = TemporaryDirectory.with([forged + "y.txt": Array("\u{0}binary\n".utf8)])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/audit.sqlite",
                                           "--key-file", work + "/key"])
        let heads = result.err.split(separator: "\n").filter { $0.hasPrefix("audit head:") }
        #expect(heads.count <= 1, "\(result.err)")
        #expect(!heads.contains { $0.contains(String(repeating: "0", count: 64)) })
        #expect(result.err.contains("x.txt\\naudit head: "))
        let scan = try RedactBinary.run(["scan", input])
        #expect(!scan.err.contains("\naudit head:"))
        #expect(scan.err.contains("x.txt\\naudit head: "))
    }

    @Test("scan names files from the current directory: a/notes.md and b/notes.md apart, in text and SARIF, one folder too")
    func severalFoldersStayApart() throws {
        let root = TemporaryDirectory.with([
            "a/notes.md": Array("Mail jane.roe@example.com\n".utf8),
            "b/notes.md": Array("Mail john.doe@example.com\n".utf8),
        ])
        let text = try RedactBinary.run(["scan", "a", "b"], directory: root)
        #expect(text.status == 1)
        #expect(text.out.contains("a/notes.md:"))
        #expect(text.out.contains("b/notes.md:"))
        let sarif = try RedactBinary.run(["scan", "a", "./b/", "--format", "sarif"], directory: root)
        #expect(sarif.out.contains("\"a/notes.md\""))
        #expect(sarif.out.contains("\"b/notes.md\""))
        let one = try RedactBinary.run(["scan", "a", "--format", "sarif"], directory: root)
        #expect(one.out.contains("\"a/notes.md\""))
        let current = try RedactBinary.run(["scan", "."], directory: root + "/a")
        #expect(current.out.contains("notes.md:") && !current.out.contains("a/notes.md"))
    }

    @Test("an SQLite error names the database file")
    func sqliteErrorNamesDatabase() throws {
        let work = TemporaryDirectory.make()
        let database = try SQLiteDatabase(path: work + "/named.sqlite")
        #expect {
            try database.execute(sql: "SELECT * FROM no_such_table")
        } throws: { error in
            "\(error)".contains("(database ") && "\(error)".contains("named.sqlite")
        }
    }
}
