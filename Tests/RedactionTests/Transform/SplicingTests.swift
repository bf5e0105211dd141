import Testing
@testable import Redaction

/// No two replacements are ever spliced into each other: for overlapping, nested, equal and
/// adjacent findings under every operator, each replacement lands whole, in order, and every
/// byte outside the redacted spans survives.
struct SplicingTests {
    /// Operators under test, each as the policy for every entity of the table.
    static let operators: [(String, String)] = [
        ("label", "{ operator: label }"),
        ("label template", "{ operator: label, template: '<{entity}-{n}>' }"),
        ("remove", "{ operator: remove }"),
        ("mask", "{ operator: mask, keep_first: 1, keep_last: 2, mask_char: '•' }"),
        ("mask keeping separators", "{ operator: mask, keep_last: 2, keep_separators: true }"),
        ("pseudonymize hash", "{ operator: pseudonymize, length: 6 }"),
        ("pseudonymize sequential", "{ operator: pseudonymize, style: sequential }"),
        ("generalize", "{ operator: generalize, to: year }"),
        ("keep", "{ operator: keep }"),
    ]

    /// Layouts of findings over `value` (byte offsets), all of the same entity.
    static let value = "ab 1975-03-04 cd 1980-12-31 ef 王小明 gh"
    static let layouts: [(String, [(Int, Int)])] = [
        ("disjoint", [(3, 13), (17, 27)]),
        ("adjacent", [(3, 13), (13, 16)]),
        ("adjacent without a gap at both ends", [(0, 3), (3, 13), (13, 17)]),
        ("overlapping", [(3, 10), (8, 13)]),
        ("nested", [(3, 13), (5, 9)]),
        ("equal", [(3, 13), (3, 13)]),
        ("chain", [(3, 13), (12, 20), (19, 27)]),
        ("multibyte adjacent", [(31, 34), (34, 40)]),
        ("whole field", [(0, 43)]),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var op: String
        var yaml: String
        var layout: String
        var spans: [ByteSpan]
        var testDescription: String { "\(op), \(layout)" }
    }

    static let cases: [Case] = operators.flatMap { op in
        layouts.map { layout in
            Case(op: op.0, yaml: op.1, layout: layout.0, spans: layout.1.map { ByteSpan($0.0, $0.1) })
        }
    }

    @Test("every replacement lands whole and every other byte survives", arguments: cases)
    func neverSpliced(_ testCase: Case) throws {
        let value = Self.value
        #expect(value.utf8.count == 43)
        let policy = try TransformFixtures.policy("defaults: { min_confidence: low }\nentities:\n  date_of_birth: \(testCase.yaml)\n")
        let findings = testCase.spans.enumerated().map { index, span in
            TransformFixtures.finding(span.lower, span.upper, .dateOfBirth, rule: "rule-\(index)")
        }
        let decisions = PolicyEngine(policy: policy).decide(findings, in: value)
        #expect(decisions.count == findings.count, "every finding gets exactly one decision")
        let context = TransformFixtures.context()
        let result = FieldRewriter.apply(decisions, to: value, context: context)
        let redactions = decisions.filter(\.isRedaction).sorted { $0.redactedSpan! < $1.redactedSpan! }
        if case .keep = policy.rule(for: .dateOfBirth).operator {
            #expect(redactions.isEmpty)
            #expect(result.value == value)
            return
        }
        #expect(result.replacements.count == redactions.count)
        // Landed spans are in order and never overlap.
        for (left, right) in zip(result.replacements, result.replacements.dropFirst()) {
            #expect(left.upper <= right.lower)
        }
        let output = Array(result.value.utf8)
        let input = Array(value.utf8)
        let isRemove = if case .remove = policy.rule(for: .dateOfBirth).operator { true } else { false }
        var inputCursor = 0
        var outputCursor = 0
        for (decision, landed) in zip(redactions, result.replacements) {
            let span = decision.redactedSpan!
            guard case .redact(let op) = decision.verdict else { continue }
            // The replacement is exactly the operator's output for the redacted text, whole.
            let expected = op.replacement(for: Substring(decoding: input[span.lower..<span.upper], as: UTF8.self),
                                          entity: decision.finding.entity, context: context)
            #expect(String(decoding: output[landed.lower..<landed.upper], as: UTF8.self) == expected)
            // The bytes between replacements are the original's (spaces aside, for remove).
            let before = String(decoding: input[inputCursor..<span.lower], as: UTF8.self)
            let written = String(decoding: output[outputCursor..<landed.lower], as: UTF8.self)
            if isRemove {
                #expect(written.filter { $0 != " " } == before.filter { $0 != " " })
            } else {
                #expect(written == before)
            }
            inputCursor = span.upper
            outputCursor = landed.upper
        }
        let rest = String(decoding: input[inputCursor...], as: UTF8.self)
        let written = String(decoding: output[outputCursor...], as: UTF8.self)
        if isRemove {
            #expect(written.filter { $0 != " " } == rest.filter { $0 != " " })
            #expect(!result.value.contains("  "))
            #expect(!result.value.hasPrefix(" ") && !result.value.hasSuffix(" "))
        } else {
            #expect(written == rest)
        }
    }

    @Test("findings of different entities and operators side by side stay whole")
    func mixedOperators() throws {
        let policy = try TransformFixtures.policy("""
        defaults: { min_confidence: low }
        entities:
          person: { operator: pseudonymize }
          phone_number: { operator: mask, keep_last: 2 }
          email_address: { operator: remove }
          date_of_birth: { operator: generalize, to: decade }
          passport_number: { operator: label, template: '{entity}#{n}' }
        """)
        let value = "Wang Lei13812345678a@b.co1975-03-04E12345678"
        let findings = [
            TransformFixtures.finding(0, 8, .person),
            TransformFixtures.finding(8, 19, .phoneNumber),
            TransformFixtures.finding(19, 25, .emailAddress),
            TransformFixtures.finding(25, 35, .dateOfBirth),
            TransformFixtures.finding(35, 44, .passportNumber),
        ]
        let context = TransformFixtures.context()
        let result = FieldRewriter.apply(PolicyEngine(policy: policy).decide(findings, in: value), to: value, context: context)
        let token = Operator.pseudonymize(.hash(length: 4)).replacement(for: "Wang Lei", entity: .person, context: context)
        #expect(result.value == token + "*********781970sPASSPORT_NUMBER#1")
    }
}
