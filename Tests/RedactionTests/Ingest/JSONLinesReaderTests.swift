import Testing
@testable import Redaction

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    @Test("string and number leaves are fields named by JSON Pointer")
    func pointers() throws {
        let line = #"{"name":"Ann","contacts":[{"phone":"555-0100"},{"phone":5550101}],"ok":true,"n":null,"a/b":{"c~d":"x"},"e":[]}"#
        let document = try IngestFixtures.read(line, path: "p.jsonl")
        let fields = try #require(document.records.first?.fields).filter { $0.encoding != .jsonKey }
        #expect(fields.map(\.path) == ["/name", "/contacts/0/phone", "/contacts/1/phone", "/a~1b/c~0d"])
        #expect(fields.map(\.value) == ["Ann", "555-0100", "5550101", "x"])
        #expect(fields.map(\.encoding) == [.jsonString, .jsonString, .jsonNumber, .jsonString])
        #expect(IngestFixtures.text(document, fields[1].sourceRange) == #""555-0100""#)
    }

    @Test("a top-level scalar or array is a record too")
    func topLevel() throws {
        let document = try IngestFixtures.read("\"Ann Lee\"\n[1, \"x\"]\n42\n{}\n", path: "t.jsonl")
        #expect(document.records.map(\.number) == [1, 2, 3, 4])
        #expect(document.records[0].fields.map(\.path) == [""])
        #expect(document.records[1].fields.map(\.path) == ["/0", "/1"])
        #expect(document.records[2].fields.map(\.value) == ["42"])
        #expect(document.records[3].fields.isEmpty)
    }

    @Test("simple escapes decode, with an anchor after each")
    func simpleEscapes() throws {
        let document = try IngestFixtures.read(#"{"s":"a\"b\\c\/d\b\f\n\r\te"}"#, path: "e.jsonl")
        let field = try #require(document.records.first?.fields.last)
        #expect(field.value == "a\"b\\c/d\u{8}\u{c}\n\r\te")
        // The literal opens at 5; every escape is 2 source bytes for 1 value byte.
        #expect(field.sourceMap.sourceOffset(ofValueOffset: 0) == 6)
        #expect(field.sourceMap.sourceOffset(ofValueOffset: 2) == 9)    // b
        #expect(field.sourceMap.sourceOffset(ofValueOffset: 12) == 26)  // e
    }

    @Test("\\u escapes, including a surrogate pair, map value offsets exactly")
    func unicodeEscapes() throws {
        let document = try IngestFixtures.read(#"{"k":"x\u4e2dy\ud83d\ude00!"}"#, path: "u.jsonl")
        let field = try #require(document.records.first?.fields.last)
        #expect(field.value == "x中y😀!")
        let map = field.sourceMap
        // Value: x(0) 中(1..<4) y(4) 😀(5..<9) !(9); source literal opens at 5.
        #expect(map.sourceOffset(ofValueOffset: 0) == 6)
        #expect(map.sourceOffset(ofValueOffset: 1) == 7)    // start of \u4e2d
        #expect(map.sourceOffset(ofValueOffset: 4) == 13)   // y
        #expect(map.sourceOffset(ofValueOffset: 5) == 14)   // start of \ud83d
        #expect(map.sourceOffset(ofValueOffset: 9) == 26)   // !
        #expect(map.sourceOffset(ofValueOffset: 10) == 27)  // end: the closing quote
        #expect(field.sourceRange == 5..<28)
    }

    @Test("raw non-ASCII text needs no anchors")
    func rawUnicode() throws {
        let document = try IngestFixtures.read(#"{"地址":"北京市 😀"}"#, path: "r.jsonl")
        let field = try #require(document.records.first?.fields.last)
        #expect(field.path == "/地址")
        #expect(field.sourceMap.anchors.count == 1)
    }

    @Test("numbers follow the JSON grammar", arguments: ["0", "-0", "12", "-1.5e3", "2E+10", "1.25e-2"])
    func validNumbers(_ literal: String) throws {
        let document = try IngestFixtures.read("[\(literal)]", path: "n.jsonl")
        #expect(document.records.first?.fields.first?.value == literal)
    }

    @Test("blank lines and CRLF: record number = line number")
    func lines() throws {
        let document = try IngestFixtures.read("{\"a\":\"x\"}\r\n\r\n  \n{\"b\":1}\r\n", path: "l.jsonl")
        #expect(document.records.map(\.number) == [1, 4])
        #expect(document.records.map(\.line) == [1, 4])
        #expect(document.records[1].fields.last?.sourceRange == 21..<22)
    }

    @Test("512 levels of nesting parse; 513 are an error, not a crash")
    func depth() throws {
        let deep = String(repeating: "[", count: 512) + "1" + String(repeating: "]", count: 512)
        #expect(try IngestFixtures.read(deep, path: "d.jsonl").records.first?.fields.first?.value == "1")
        let tooDeep = String(repeating: "[", count: 100_000)
        let error = IngestFixtures.error(reading: tooDeep, path: "d.jsonl")
        #expect(error?.kind == .malformedJSON(.tooDeep))
        #expect(error?.location == FileLocation(offset: 512, line: 1))
    }
}
