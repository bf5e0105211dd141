import Testing
@testable import Redaction

/// The inline allow marker and finding fingerprints, on the real pipeline.
struct InlineAllowMarkerTests {
    @Test("marked lines are found by byte range, without their line break")
    func markedLines() {
        let text = "a\nb redact:allow c\nd\nredact:allow"
        #expect(InlineAllowMarker.markedLines(in: text) == [2..<18, 21..<33])
        #expect(InlineAllowMarker.markedLines(in: "no marker\n").isEmpty)
        #expect(InlineAllowMarker.covers([2..<18], ByteSpan(4, 10)))
        #expect(!InlineAllowMarker.covers([2..<18], ByteSpan(4, 20)))
    }

    @Test("run keeps a marked line's findings and verification accepts them; the rest is redacted")
    func process() throws {
        let input = "Passport no. 533380006 <!-- redact:allow -->\nPassport no. 533380007\n"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "a.md", format: .text)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(output.contains("533380006"))
        #expect(!output.contains("533380007"))
        #expect(outcome.decisions.contains { $0.verdict == .keep(.inlineAllow) })
        let strict = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy, inlineAllow: false).process(document)
        #expect(!String(decoding: try #require(strict.output), as: UTF8.self).contains("533380006"))
    }

    @Test("fingerprints ignore white space, width and case, and depend on the key, file, rule and entity")
    func fingerprints() {
        let key = ValueFingerprinter(key: Array(repeating: 7, count: 32))
        let other = ValueFingerprinter(key: Array(repeating: 8, count: 32))
        func print(_ value: String, file: String = "a.md", rule: String = "r", using: ValueFingerprinter? = nil) -> String {
            FindingFingerprint.fingerprint(entity: .phoneNumber, rule: rule, file: file, value: value, using: using ?? key)
        }
        #expect(print("138 1234 5678") == print("13812345678"))
        #expect(print("１３８１２３４５６７８") == print("13812345678"))
        #expect(print("Jane\nRoe") == print("jane roe"))
        #expect(print("13812345678") != print("13812345679"))
        #expect(print("13812345678") != print("13812345678", file: "b.md"))
        #expect(print("13812345678") != print("13812345678", rule: "s"))
        #expect(print("13812345678") != print("13812345678", using: other))
    }
}
