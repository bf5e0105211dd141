import Testing
@testable import Redaction

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("the delimiter is the most frequent of , ; tab outside quotes", arguments: [
        ("name,phone,city\nAnn,1,X\n", ","),
        ("name;phone;city\nAnn;1;X\n", ";"),
        ("name\tphone\tcity\nAnn\t1\tX\n", "\t"),
        ("\"a;b;c;d\",phone\nx,y\n", ","),
        ("single\nvalue\n", ","),
        ("\n\na;b,c;d\n", ";"),
        ("a,b;c\n", ","),
    ])
    func delimiter(_ text: String, _ expected: Character) throws {
        let document = try IngestFixtures.read(text, path: "d.csv")
        let field = try #require(document.records.first?.fields.first)
        guard case .csv(_, let delimiter) = field.encoding else {
            Issue.record("not a CSV field")
            return
        }
        #expect(delimiter == expected.asciiValue)
    }

    @Test(".tsv forces tab even when commas dominate")
    func tsvForcesTab() throws {
        let document = try IngestFixtures.read("a,b,c\td\n1,2,3\t4\n", path: "x.tsv")
        #expect(document.header == ["a,b,c", "d"])
        #expect(document.records[1].fields.map(\.value) == ["1,2,3", "4"])
    }

    @Test("the header is record 0 with #N paths; data cells are named by trimmed header")
    func header() throws {
        let document = try IngestFixtures.read(" Name ,,Phone\nAnn Lee,x,555-0100,extra\n", path: "p.csv")
        #expect(document.header == ["Name", "", "Phone"])
        let header = document.records[0]
        #expect(header.number == 0 && header.line == 1)
        #expect(header.fields.map(\.path) == ["#1", "#2", "#3"])
        #expect(header.fields.map(\.value) == [" Name ", "", "Phone"])
        let row = document.records[1]
        #expect(row.number == 1 && row.line == 2)
        #expect(row.fields.map(\.path) == ["Name", "#2", "Phone", "#4"])
        #expect(row.fields.map(\.value) == ["Ann Lee", "x", "555-0100", "extra"])
    }

    @Test("quoted delimiters and quoted CRLF line breaks stay inside the cell")
    func quotedContent() throws {
        let text = "name,note\r\n\"Lee, Ann\",\"line one\r\nline two\"\r\nBob,\"a;b\"\r\n"
        let document = try IngestFixtures.read(text, path: "q.csv")
        #expect(document.records.count == 3)
        #expect(document.records[1].fields.map(\.value) == ["Lee, Ann", "line one\r\nline two"])
        #expect(document.records[1].line == 2)
        #expect(document.records[2].line == 4)
        #expect(document.records[2].number == 2)
        let note = document.records[1].fields[1]
        #expect(note.encoding == .csv(quoted: true, delimiter: UInt8(ascii: ",")))
        #expect(IngestFixtures.text(document, note.sourceRange) == "\"line one\r\nline two\"")
    }

    @Test("\"\" escapes decode to one quote and the source map jumps past both")
    func escapes() throws {
        let text = "say\n\"a \"\"b\"\" c\"\n"
        let document = try IngestFixtures.read(text, path: "e.csv")
        let field = document.records[1].fields[0]
        #expect(field.value == "a \"b\" c")
        // Source: `"a ""b"" c"` starts at 4; the value starts at 5.
        #expect(field.sourceRange == 4..<15)
        let map = field.sourceMap
        #expect(map.sourceOffset(ofValueOffset: 0) == 5)   // a
        #expect(map.sourceOffset(ofValueOffset: 3) == 9)   // b, after `""`
        #expect(map.sourceOffset(ofValueOffset: 5) == 12)  // space, after the second `""`
        #expect(map.sourceOffset(ofValueOffset: 7) == 14)  // end of value: the closing quote
    }

    @Test("blank lines and the final newline are not records; a missing final newline is fine")
    func lines() throws {
        let document = try IngestFixtures.read("a,b\n\n1,2\r\n\r\n3,4", path: "l.csv")
        #expect(document.records.map(\.number) == [0, 1, 2])
        #expect(document.records.map(\.line) == [1, 3, 5])
        #expect(document.records[2].fields.map(\.value) == ["3", "4"])
        #expect(try IngestFixtures.read("", path: "empty.csv").records.isEmpty)
        #expect(try IngestFixtures.read("a,b\n", path: "h.csv").records.count == 1)
    }

    @Test("ragged rows and empty cells")
    func ragged() throws {
        let document = try IngestFixtures.read("a,b,c\n1\n1,,\n\"\"\n", path: "r.csv")
        #expect(document.records[1].fields.map(\.value) == ["1"])
        #expect(document.records[2].fields.map(\.value) == ["1", "", ""])
        #expect(document.records[3].fields.map(\.value) == [""])
        #expect(document.records[2].fields[2].sourceRange == 11..<11)
    }

    @Test("an unterminated quote is an error at the opening quote's line and offset")
    func unterminated() throws {
        let error = IngestFixtures.error(reading: "name,note\nAnn,\"open\n555-0100,x\n", path: "u.csv")
        #expect(error?.kind == .csvUnterminatedQuote)
        #expect(error?.location == FileLocation(offset: 14, line: 2))
    }

    @Test("a stray quote and text after a closing quote are errors with their place", arguments: [
        ("a,b\n1,x\"y\n", IngestError.Kind.csvStrayQuote, 7, 2),
        ("a,b\n\"x\"y,1\n", .csvGarbageAfterQuote, 7, 2),
        ("a,b\n1, \"x\"\n", .csvStrayQuote, 7, 2),
        ("a,b\r\n1,2\r\n\"x\" ,1\r\n", .csvGarbageAfterQuote, 13, 3),
    ])
    func strictQuotes(_ text: String, _ kind: IngestError.Kind, _ offset: Int, _ line: Int) {
        let error = IngestFixtures.error(reading: text, path: "s.csv")
        #expect(error?.kind == kind)
        #expect(error?.location == FileLocation(offset: offset, line: line))
    }

    @Test("a BOM is kept out of the first header name")
    func bom() throws {
        let document = try IngestFixtures.read(bytes: [0xEF, 0xBB, 0xBF] + Array("name,phone\nAnn,1\n".utf8), path: "b.csv")
        #expect(document.header == ["name", "phone"])
        #expect(document.records[0].fields[0].sourceRange == 3..<7)
    }
}
