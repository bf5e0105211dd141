import Testing
@testable import Redaction

@Suite("JSON Lines errors")
struct JSONLinesErrorTests {
    typealias Problem = IngestError.JSONSyntaxProblem

    /// Line 2 of each input is malformed; the offset is in the file, not the line.
    @Test("a malformed line names its line, file offset and reason", arguments: [
        (#"{"a":1,}"#, Problem.expectedKey, 7),
        (#"{"a" 1}"#, .expectedColon, 5),
        (#"{"a":1 "b":2}"#, .expectedCommaOrBrace, 7),
        (#"[1 2]"#, .expectedCommaOrBracket, 3),
        (#"[1,]"#, .expectedValue, 3),
        (#"{"a":}"#, .expectedValue, 5),
        (#"{"a":1} x"#, .trailingCharacters, 8),
        (#"{"a":"Jane"#, .unterminatedString, 5),
        (#"{"a":tru}"#, .invalidLiteral, 5),
        (#"{"a":nul"#, .invalidLiteral, 5),
        ("{\"a\":\"Ja\tne\"}", .controlCharacterInString, 8),
        (#"{"a":"J\xne"}"#, .invalidEscape, 7),
        (#"{"a":"\u12G4"}"#, .invalidEscape, 6),
        (#"{"a":"\ud83d"}"#, .loneSurrogate, 6),
        (#"{"a":"\ud83dx"}"#, .loneSurrogate, 6),
        (#"{"a":"\ud83d\u0041"}"#, .loneSurrogate, 6),
        (#"{"a":"\ude00"}"#, .loneSurrogate, 6),
        (#"{"a":01}"#, .invalidNumber, 5),
        (#"{"a":1.}"#, .invalidNumber, 5),
        (#"{"a":-}"#, .invalidNumber, 5),
        (#"{"a":1e}"#, .invalidNumber, 5),
        (#"{"a":.5}"#, .expectedValue, 5),
        (#"{"a":+1}"#, .expectedValue, 5),
        (#"{1:2}"#, .expectedKey, 1),
        (#"{"a":1"#, .expectedCommaOrBrace, 6),
    ])
    func malformed(_ line: String, _ problem: Problem, _ offsetInLine: Int) {
        let first = "{\"ok\":\"555-0100\"}\r\n"
        let error = IngestFixtures.error(reading: first + line + "\n{}\n", path: "bad.jsonl")
        #expect(error?.kind == .malformedJSON(problem))
        #expect(error?.location == FileLocation(offset: first.utf8.count + offsetInLine, line: 2))
    }

    @Test("error text names file, line, offset and reason, and no content")
    func description() {
        let error = IngestFixtures.error(reading: "{\"name\":\"Jane Roe\" \"phone\":\"555-0100\"}\n", path: "people.jsonl")
        #expect(error?.description == "people.jsonl:1: byte 19: malformed JSON: expected ',' or '}'")
    }

    @Test("no error message carries file content", arguments: [
        ("{\"name\":\"Jane Roe 555-0100\n", "a.jsonl"),
        ("name\n\"Jane Roe 555-0100\n", "a.csv"),
        ("name\nJane \"Roe\" 555-0100\n", "a.csv"),
        ("{\"p\":\"Jane\\qRoe 555-0100\"}\n", "a.jsonl"),
    ])
    func privacyCanary(_ text: String, _ path: String) throws {
        let error = try #require(IngestFixtures.error(reading: text, path: path))
        for secret in ["Jane", "Roe", "555-0100"] {
            #expect(!error.description.contains(secret))
            #expect(!String(describing: error.kind).contains(secret))
        }
    }
}
