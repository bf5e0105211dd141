import Foundation
@testable import Redaction

/// Shared helpers for the operator tests.
enum TransformFixtures {
    static let key = Array(repeating: UInt8(7), count: 32)
    static let otherKey = Array(repeating: UInt8(9), count: 32)
    static let fingerprinter = ValueFingerprinter(key: key)

    /// 2024-06-15 12:00 UTC: the same calendar day in every time zone within ±11 hours.
    static let referenceDate = Date(timeIntervalSince1970: 1_718_452_800)

    /// A context with the test key and a fresh book.
    static func context(key: [UInt8] = key, book: (any PseudonymBook)? = InMemoryPseudonymBook()) -> OperatorContext {
        OperatorContext(fingerprinter: ValueFingerprinter(key: key), book: book, referenceDate: referenceDate)
    }

    static func finding(_ lower: Int, _ upper: Int, _ entity: EntityKind = .phoneNumber, rule: String = "r",
                        confidence: Confidence = .high) -> Finding {
        Finding(ruleID: rule, entity: entity, field: FieldRef(record: 0, field: 0), span: ByteSpan(lower, upper),
                confidence: confidence, evidence: Evidence(source: .pattern))
    }

    /// A redaction of `text`'s first occurrence in `value` (byte offsets).
    static func redaction(of text: String, in value: String, _ op: Operator, _ entity: EntityKind = .phoneNumber) -> Decision {
        let range = value.range(of: text)!
        let lower = value.utf8.distance(from: value.startIndex, to: range.lowerBound)
        let finding = finding(lower, lower + text.utf8.count, entity)
        return Decision(finding: finding, verdict: .redact(op), redactedSpan: finding.span)
    }

    static func policy(_ yaml: String, file: String = "/p/test.yaml") throws(RuleError) -> Policy {
        try PolicyLoader.load(text: "version: 1\n" + yaml, file: file)
    }
}
