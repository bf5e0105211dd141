import Foundation
import Testing
@testable import Redaction

/// Object keys are fields, so personal data in a key is scanned (never rewritten).
@Suite("JSON keys")
struct JSONKeyTests {
    @Test("every object key is a field named by its object's pointer, before its value's fields")
    func keysAreFields() throws {
        let line = #"{"contacts":{"marc@example.com":"primary","13812345678":true}}"#
        let document = try IngestFixtures.read(line, path: "k.jsonl")
        let fields = try #require(document.records.first?.fields)
        #expect(fields.map(\.value) == ["contacts", "marc@example.com", "primary", "13812345678"])
        #expect(fields.map(\.path) == ["", "/contacts", "/contacts/marc@example.com", "/contacts"])
        #expect(fields.map(\.encoding) == [.jsonKey, .jsonKey, .jsonString, .jsonKey])
        #expect(IngestFixtures.text(document, fields[1].sourceRange) == #""marc@example.com""#)
        #expect(IngestFixtures.text(document, fields[3].sourceRange) == #""13812345678""#)
        // The value starts one byte after the opening quote.
        #expect(fields[3].sourceMap.sourceOffset(ofValueOffset: 0) == fields[3].sourceRange.lowerBound + 1)
    }

    @Test("keys inside arrays, nested objects and empty keys")
    func nesting() throws {
        let document = try IngestFixtures.read(#"[{"a":1},{"":{"b":[]}}]"#, path: "n.jsonl")
        let fields = try #require(document.records.first?.fields)
        #expect(fields.map(\.path) == ["/0", "/0/a", "/1", "/1/"])
        #expect(fields.map(\.value) == ["a", "1", "", "b"])
        #expect(fields.map(\.encoding) == [.jsonKey, .jsonNumber, .jsonKey, .jsonKey])
        #expect(fields[2].sourceRange.count == 2)
    }

    @Test("escaped keys decode, map offsets past each escape, and name their values escaped per RFC 6901")
    func escapedKeys() throws {
        let line = #"{"k\u00e9\"~/y":"v"}"#
        let document = try IngestFixtures.read(line, path: "e.jsonl")
        let fields = try #require(document.records.first?.fields)
        let key = fields[0]
        #expect(key.encoding == .jsonKey)
        #expect(key.value == "ké\"~/y")
        #expect(key.sourceRange == 1..<15)
        // Value: k(0) é(1..<3) "(3) ~(4) /(5) y(6); the literal opens at 1.
        #expect(key.sourceMap.sourceOffset(ofValueOffset: 0) == 2)   // k
        #expect(key.sourceMap.sourceOffset(ofValueOffset: 3) == 9)   // \" after \u00e9
        #expect(key.sourceMap.sourceOffset(ofValueOffset: 4) == 11)  // ~
        #expect(key.sourceMap.sourceOffset(ofValueOffset: 7) == 14)  // the closing quote
        #expect(fields[1].path == "/ké\"~0~1y")
    }

    /// Every value in these lines yields at least one field (no `true`, `null`, `[]`, `{}`),
    /// so the field after a key is always the first field of that key's value.
    @Test("the field after a key lies under the key's path, a slash and the escaped key", arguments: [
        #"{"a":{"b/c":{"d~e":"x","f":[{"g":1}]},"h":"y"}}"#,
        #"[{"name":"Ann"},{"name":"Bob","tags":{"x":"1"}}]"#,
    ])
    func keyPathsPrefixValuePaths(_ line: String) throws {
        let document = try IngestFixtures.read(line, path: "p.jsonl")
        let fields = try #require(document.records.first?.fields)
        #expect(fields.filter { $0.encoding == .jsonKey }.count == line.filter { $0 == ":" }.count)
        for (index, key) in fields.enumerated() where key.encoding == .jsonKey {
            let escaped = key.value.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            let own = key.path + "/" + escaped
            let next = try #require(index + 1 < fields.count ? fields[index + 1] : nil)
            #expect(next.path == own || next.path.hasPrefix(own + "/"), "\(key.value)")
        }
    }

    @Test("without replacements a document with keys is byte-identical")
    func identity() throws {
        let line = #"{ "marc@example.com" : { "13812345678": "x" } }"# + "\r\n"
        let document = try IngestFixtures.read(line, path: "i.jsonl")
        #expect(DocumentRewriter.rewrite(document, replacing: [:]) == Array(line.utf8))
    }

    @Test("a key the rewriter is asked to change anyway is written as a JSON string")
    func defensiveKeyRewrite() throws {
        let line = #"{"contacts":{"marc@example.com":"primary"}}"#
        let document = try IngestFixtures.read(line, path: "d.jsonl")
        let key = try #require(IngestFixtures.fields(of: document).first { $0.field.value == "marc@example.com" })
        let output = DocumentRewriter.rewrite(document, replacing: [key.ref: "[EMAIL \"1\"]"])
        #expect(String(decoding: output, as: UTF8.self) == #"{"contacts":{"[EMAIL \"1\"]":"primary"}}"#)
        let again = try IngestFixtures.read(bytes: output, path: "d.jsonl")
        #expect(again.records[0].fields[key.ref.field].value == "[EMAIL \"1\"]")
        #expect(again.records[0].fields[key.ref.field].encoding == .jsonKey)
    }

    @Test(".jsonKey writes like .jsonString", arguments: ["", "a\"b\\c", "line\nbreak\t\u{1}", "中文 😀"])
    func keyEncoding(_ value: String) {
        var key: [UInt8] = []
        var string: [UInt8] = []
        FieldEncoding.jsonKey.append(value, to: &key)
        FieldEncoding.jsonString.append(value, to: &string)
        #expect(key == string)
    }
}
