import Foundation
import Testing
@testable import Redaction

@Suite("JSON Lines rewrite")
struct JSONLinesRewriteTests {
    static let source = "{\"id\": 1, \"name\":\"Ann \\u00e9\\/x\", \"tags\": [\"a\\nb\"]}\r\n"
        + "\n"
        + "{ \"phone\" : 5550100 , \"z\":\"Lee\",\"a\":{\"b\":\"\\\"q\\\"\"}}\r\n"
        + "[\"untouched \\ud83d\\ude00\", 1.0e2, true, null]"

    @Test("no replacements: byte-identical, whitespace, escapes and CRLF included")
    func identity() throws {
        let document = try IngestFixtures.read(Self.source, path: "x.jsonl")
        #expect(DocumentRewriter.rewrite(document, replacing: [:]) == Array(Self.source.utf8))
    }

    @Test("a replaced number becomes a string; every other byte is kept")
    func numberBecomesString() throws {
        let document = try IngestFixtures.read(Self.source, path: "x.jsonl")
        let phone = try #require(IngestFixtures.ref(document, record: 3, path: "/phone"))
        let output = String(decoding: DocumentRewriter.rewrite(document, replacing: [phone: "[PHONE_NUMBER]"]), as: UTF8.self)
        #expect(output == Self.source.replacingFirst("5550100", with: "\"[PHONE_NUMBER]\""))
        let again = try IngestFixtures.read(output, path: "x.jsonl")
        let phoneAgain = try #require(again.records[1].fields.first { $0.path == "/phone" })
        #expect(phoneAgain.encoding == .jsonString)
        #expect(phoneAgain.value == "[PHONE_NUMBER]")
    }

    @Test("replacements are escaped as JSON; untouched lines are byte-identical")
    func escaping() throws {
        let document = try IngestFixtures.read(Self.source, path: "x.jsonl")
        let nested = try #require(IngestFixtures.ref(document, record: 3, path: "/a/b"))
        let output = DocumentRewriter.rewrite(document, replacing: [nested: "say \"hi\"\\\n\t\u{1}中"])
        // Split bytes, not Characters: "\r\n" is one Character.
        let lines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let sourceLines = Array(Self.source.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == sourceLines[0] && lines[1] == sourceLines[1] && lines[3] == sourceLines[3])
        let changed = #"{ "phone" : 5550100 , "z":"Lee","a":{"b":"say \"hi\"\\\n\t\u0001中"}}"# + "\r"
        #expect(String(decoding: lines[2], as: UTF8.self) == changed)
        let again = try IngestFixtures.read(bytes: output, path: "x.jsonl")
        #expect(again.records[1].fields.last?.value == "say \"hi\"\\\n\t\u{1}中")
    }

    @Test("JSON string encoding of control characters", arguments: [
        ("\u{0}", #""\u0000""#), ("\u{1f}", #""\u001f""#), ("\r\n", #""\r\n""#), ("\u{8}", #""\u0008""#),
        ("/", #""/""#), ("é😀", "\"é😀\""), ("\u{7f}", "\"\u{7f}\""),
    ])
    func stringEncoding(_ value: String, _ expected: String) {
        var output: [UInt8] = []
        FieldEncoding.jsonString.append(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (test helper).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
