import Foundation
import Testing
@testable import Redaction

@Suite("Text reader and rewrite")
struct TextReaderTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let body = "Name: 王小明\r\nPhone: 555-0100\r\nAddress: 1 Fake St\r\n"

    @Test("one record, one field; the BOM stays out of the value")
    func bomAndCRLF() throws {
        let document = try IngestFixtures.read(bytes: Self.bom + Array(Self.body.utf8), path: "note.txt")
        #expect(document.format == .text)
        #expect(document.records.count == 1)
        let record = try #require(document.records.first)
        #expect(record.number == 1 && record.line == 1)
        let field = try #require(record.fields.first)
        #expect(field.path == "" && field.encoding == .verbatim)
        #expect(field.value == Self.body)
        #expect(field.sourceRange == 3..<document.bytes.count)
        #expect(field.sourceMap.sourceOffset(ofValueOffset: 0) == 3)
    }

    @Test("rewrite without replacements is byte-identical")
    func identity() throws {
        let bytes = Self.bom + Array(Self.body.utf8)
        let document = try IngestFixtures.read(bytes: bytes, path: "note.txt")
        #expect(DocumentRewriter.rewrite(document, replacing: [:]) == bytes)
    }

    @Test("a replacement changes only the redacted span; BOM and CRLF survive")
    func replacement() throws {
        let bytes = Self.bom + Array(Self.body.utf8)
        let document = try IngestFixtures.read(bytes: bytes, path: "note.txt")
        let redacted = Self.body.replacingOccurrences(of: "555-0100", with: "[PHONE_NUMBER]")
        let output = DocumentRewriter.rewrite(document, replacing: [FieldRef(record: 0, field: 0): redacted])
        #expect(output == Self.bom + Array(redacted.utf8))
        #expect(output.starts(with: bytes.prefix(while: { $0 != UInt8(ascii: "5") })))
    }

    @Test("an empty file is one empty field")
    func empty() throws {
        let document = try IngestFixtures.read("", path: "empty.txt")
        #expect(document.records.first?.fields.first?.value == "")
        #expect(document.records.first?.fields.first?.sourceRange == 0..<0)
    }
}
