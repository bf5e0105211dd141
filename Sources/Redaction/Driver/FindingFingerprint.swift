import Foundation

/// Keyed fingerprints of findings, for baselines (`Baseline`) and SARIF
/// `partialFingerprints`: HMAC-SHA256 under the run's key of the entity, the rule, the
/// file's path and the normalised value — no line or offset, so a fingerprint survives
/// lines moving around it. Keyed for the same reason as `value_hmac`: a birthday or a
/// 9-digit number hashed without a key could be recovered by trying every value.
public enum FindingFingerprint {
    /// Bumped when what goes into a fingerprint changes (old baselines then read as stale).
    public static let version = "redact-finding-v1"

    /// The fingerprint of `value` found by `rule` as `entity` in `file`.
    public static func fingerprint(entity: EntityKind, rule: String, file: String, value: some StringProtocol,
                                   using fingerprinter: ValueFingerprinter) -> String {
        var input: [UInt8] = []
        for part in [version, entity.rawValue, rule, file] {
            input.append(contentsOf: part.utf8)
            input.append(0)
        }
        input.append(contentsOf: normalise(value).utf8)
        return fingerprinter.fingerprint(input)
    }

    /// The value as compared: compatibility-composed (full-width digits become ASCII),
    /// lower-cased, without white space — so `138 1234 5678` and `13812345678`, or a name
    /// re-wrapped across a line break, give the same fingerprint.
    static func normalise(_ value: some StringProtocol) -> String {
        let folded = String(value).precomposedStringWithCompatibilityMapping.lowercased()
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !scalar.properties.isWhitespace { result.append(scalar) }
        return String(result)
    }

    /// Fingerprints of each decision's value in `document`, parallel to `decisions`.
    static func fingerprints(of decisions: [LocatedDecision], file: String, in document: Document,
                             using fingerprinter: ValueFingerprinter) -> [String] {
        decisions.map { located in
            let finding = located.decision.finding
            let utf8 = document.records[finding.field.record].fields[finding.field.field].value.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: finding.span.lower)
            let end = utf8.index(start, offsetBy: finding.span.count)
            return fingerprint(entity: finding.entity, rule: finding.ruleID, file: file,
                               value: Substring(utf8[start..<end]), using: fingerprinter)
        }
    }
}
