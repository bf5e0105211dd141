import Foundation
import Testing
@testable import Redaction

@Suite("JSON text building")
struct JSONTextTests {
    @Test("strings are escaped exactly as JSON requires, non-ASCII stays UTF-8")
    func escaping() throws {
        let tricky = "a\"b\\c\nd\re\tf\u{01}g\u{1F}护照 ✓"
        let quoted = JSONText.quote(tricky)
        #expect(quoted == #""a\"b\\c\nd\re\tf\u0001g\u001f护照 ✓""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == tricky)
        #expect(JSONText.quote("") == "\"\"")
    }

    @Test("objects keep member order and print integers in decimal")
    func objects() throws {
        var object = JSONText.ObjectBuilder()
        object.add("type", "finding")
        object.add("zero", 0)
        object.add("negative", -42)
        object.add("big", Int.max)
        object.add("small", Int.min)
        object.add("flag", false)
        object.add("score", 0.5)
        let text = object.finished()
        #expect(text == #"{"type":"finding","zero":0,"negative":-42,"big":9223372036854775807,"small":-9223372036854775808,"flag":false,"score":0.5}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
        #expect(JSONText.ObjectBuilder().finished() == "{}")
    }
}
