import Testing
@testable import Redaction

@Suite("CSV rewrite")
struct CSVRewriteTests {
    static let source = "name,note,phone\r\n\"Lee, Ann\",\"said \"\"hi\"\"\",555-0100\r\nBob,plain,\"555-0101\"\r\n"

    @Test("no replacements: byte-identical, quoting and CRLF included")
    func identity() throws {
        let document = try IngestFixtures.read(Self.source, path: "p.csv")
        #expect(DocumentRewriter.rewrite(document, replacing: [:]) == Array(Self.source.utf8))
    }

    @Test("replaced cells keep their quoting, or gain quotes when they need them")
    func replacements() throws {
        let document = try IngestFixtures.read(Self.source, path: "p.csv")
        let output = DocumentRewriter.rewrite(document, replacing: [
            try #require(IngestFixtures.ref(document, record: 1, path: "phone")): "[PHONE]",
            try #require(IngestFixtures.ref(document, record: 2, path: "name")): "Doe, \"J\"",
            try #require(IngestFixtures.ref(document, record: 2, path: "phone")): "X",
        ])
        let expected = "name,note,phone\r\n\"Lee, Ann\",\"said \"\"hi\"\"\",[PHONE]\r\n\"Doe, \"\"J\"\"\",plain,\"X\"\r\n"
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test("a bare cell is quoted only for the delimiter, a quote, CR or LF", arguments: [
        ("a,b", ";", "a,b"),
        ("a;b", ";", "\"a;b\""),
        ("two\nlines", ",", "\"two\nlines\""),
        ("cr\rhere", ",", "\"cr\rhere\""),
        ("5'10\"", ",", "\"5'10\"\"\""),
        ("", ",", ""),
        ("中文 😀", ",", "中文 😀"),
    ])
    func quotingRule(_ value: String, _ delimiter: Character, _ expected: String) {
        var output: [UInt8] = []
        FieldEncoding.csv(quoted: false, delimiter: delimiter.asciiValue!).append(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test("an emptied single-cell row is quoted so it stays a record")
    func emptiedSingleCell() throws {
        let document = try IngestFixtures.read("email\nann@example.com\nbob@example.com\n", path: "e.csv")
        let output = DocumentRewriter.rewrite(document, replacing: [FieldRef(record: 1, field: 0): ""])
        #expect(String(decoding: output, as: UTF8.self) == "email\n\"\"\nbob@example.com\n")
        #expect(try IngestFixtures.read(bytes: output, path: "e.csv").records.count == 3)
    }

    @Test("re-reading a rewrite yields the replacements at the same places", arguments: [
        "x", "Doe, J", "two\r\nlines", "say \"no\"", "",
    ])
    func reread(_ replacement: String) throws {
        let document = try IngestFixtures.read(Self.source, path: "p.csv")
        var replacing: [FieldRef: String] = [:]
        for (ref, _) in IngestFixtures.fields(of: document) where ref.record > 0 { replacing[ref] = replacement }
        let output = DocumentRewriter.rewrite(document, replacing: replacing)
        let again = try IngestFixtures.read(bytes: output, path: "p.csv")
        #expect(again.header == document.header)
        #expect(again.records.map(\.number) == document.records.map(\.number))
        for record in again.records.dropFirst() {
            #expect(record.fields.map(\.value) == Array(repeating: replacement, count: 3))
            #expect(record.fields.map(\.path) == ["name", "note", "phone"])
        }
    }
}
