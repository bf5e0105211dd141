import Testing
@testable import Redaction

/// What verification finds in text the first rewrite left unchanged is redacted on a second
/// rewrite, once; what it finds inside a replacement still refuses the document.
struct VerificationRecoveryTests {
    /// The shipped rules plus `extra`, a rule whose match needs a replacement token next to it:
    /// a context only the first rewrite makes plain.
    func pipeline(_ extra: String) throws -> Pipeline {
        let rule = try RuleLoader.load(text: extra, file: "/r/code-before-token.yaml")
        let shipped = Fixtures.catalog
        let catalog = RuleCatalog(rules: shipped.rules + [rule], columns: shipped.columns,
                                  propagation: shipped.propagation, digest: "test", directory: shipped.directory)
        return Pipeline(catalog: catalog, policy: Fixtures.defaultPolicy)
    }

    static let beforeToken = """
        version: 1
        id: code-before-token
        entity: phone_number
        pattern: '(?<value>Z[0-9]{6})(?= \\[)'
        confidence: high
        examples: { match: ['⟦Z123456⟧ [X]'], no_match: ['Z123456 x'] }
        """

    @Test("a residue in unchanged text is redacted on a second rewrite, and its reason says verification found it")
    func residueInUnchangedText() throws {
        let text = "Reach Z123456 wei.zhang@example.com today.\n"
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "a.txt", format: .text)
        let outcome = try pipeline(Self.beforeToken).process(document)
        #expect(outcome.failure == nil)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(output == "Reach [PHONE_NUMBER] [EMAIL_ADDRESS] today.\n")
        let recovered = try #require(outcome.decisions.first { $0.finding.ruleID == "code-before-token" })
        #expect(recovered.isRedaction && recovered.finding.evidence.foundOnVerification)
        #expect(recovered.reason.contains("found when the redacted text was verified"))
        #expect(recovered.finding.evidence.json.contains(#""found_on_verification":true"#))
    }

    @Test("the original span of a residue is found past replacements of other lengths")
    func sourceSpanMapsBack() {
        let result = FieldRewriter.Result(value: "[A] x Z1 [LONGER] y", replacements: [ByteSpan(0, 3), ByteSpan(9, 17)],
                                          edits: [.init(source: 0..<10, landed: ByteSpan(0, 3)),
                                                  .init(source: 16..<18, landed: ByteSpan(9, 17))])
        #expect(result.sourceSpan(of: ByteSpan(6, 8)) == ByteSpan(13, 15))
        #expect(result.sourceSpan(of: ByteSpan(18, 19)) == ByteSpan(19, 20))
        #expect(result.sourceSpan(of: ByteSpan(2, 5)) == nil)
        #expect(result.sourceSpan(of: ByteSpan(8, 10)) == nil)
    }
}
