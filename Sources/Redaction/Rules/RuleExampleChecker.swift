/// Runs every rule's own examples, as `redact rules check` and the test suite do.
///
/// Each example runs as written and in derived forms that catch offset and encoding bugs:
/// after a line of multibyte text (a line, so that rules anchored at a line start still apply), inside a quoted CSV cell, and inside a JSON string with
/// escapes. A match example passes when the rule finds exactly the marked spans at its
/// example threshold or above; a no-match example when it finds nothing at that level.
///
/// Examples run with every rule of the catalogue loaded, as in a real scan, so that
/// `near:` evidence (a name next to a passport number) and context windows that stop at
/// other findings behave as they will in use; only the checked rule's findings count.
public final class RuleExampleChecker {
    /// One example that did not behave as its rule file says.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var ruleID: String
        public var line: Int?
        public var variant: String
        public var expected: [ByteSpan]
        public var found: [ByteSpan]

        public var description: String {
            let place = file + (line.map { ":\($0)" } ?? "")
            return "\(place): rule \(ruleID), \(variant) example: expected spans \(expected), found \(found)"
        }
    }

    /// The derived forms each example is also checked in.
    public enum Variant: String, CaseIterable, Sendable {
        case plain
        case multibytePrefix = "multibyte-prefix"
        case csvCell = "csv-cell"
        case jsonString = "json-string"
    }

    private let detector: PatternDetector

    /// A checker running examples against `rules` (the whole catalogue).
    public init(rules: [Rule]) {
        detector = PatternDetector(rules: rules)
    }

    /// All failures of `rule`'s examples; empty when every example passes.
    public func check(_ rule: Rule) -> [Failure] {
        let detector = detector.rules.contains(where: { $0 === rule }) ? detector : PatternDetector(rules: [rule])
        var failures: [Failure] = []
        let all = rule.matchExamples.map { ($0, true) } + rule.noMatchExamples.map { ($0, false) }
        for (example, isMatch) in all {
            for variant in Variant.allCases {
                let expected = isMatch ? example.spans : []
                let found = spans(of: example, variant: variant, detector: detector, rule: rule)
                if found != expected {
                    failures.append(Failure(file: rule.file, ruleID: rule.id, line: example.line, variant: variant.rawValue,
                                            expected: expected, found: found))
                }
            }
        }
        return failures + anchorFailures(rule)
    }

    /// For a rule with `anchors:`, its promise: searching only the windows finds exactly what
    /// searching everywhere finds, on each example, after a multibyte line, and on all the
    /// rule's examples joined into one text.
    func anchorFailures(_ rule: Rule) -> [Failure] {
        guard rule.anchors != nil else { return [] }
        let windowed = PatternDetector(rules: [rule], searchingAnchorWindows: true)
        let everywhere = PatternDetector(rules: [rule], searchingAnchorWindows: false)
        let examples = rule.matchExamples + rule.noMatchExamples
        var texts = examples.flatMap { [($0.text, $0.line), ("é中文👩‍💻 \n" + $0.text, $0.line)] }
        texts.append((examples.map(\.text).joined(separator: "\n"), nil))
        var failures: [Failure] = []
        for (text, line) in texts {
            let field = FieldRef(record: 0, field: 0)
            let inWindows = (try? windowed.findings(in: text, field: field)) ?? []
            let all = (try? everywhere.findings(in: text, field: field)) ?? []
            if inWindows != all {
                failures.append(Failure(file: rule.file, ruleID: rule.id, line: line, variant: "anchors",
                                        expected: all.map(\.span), found: inWindows.map(\.span)))
            }
        }
        return failures
    }

    /// Spans `rule` reports at or above its example threshold, in the example's own offsets.
    func spans(of example: RuleExample, variant: Variant, detector: PatternDetector, rule: Rule) -> [ByteSpan] {
        let threshold = rule.exampleThreshold
        func found(in text: String, detector: PatternDetector, threshold: Confidence) -> [ByteSpan] {
            self.found(in: text, detector: detector, rule: rule, threshold: threshold)
        }
        switch variant {
        case .plain:
            return found(in: example.text, detector: detector, threshold: threshold)
        case .multibytePrefix:
            let prefix = "é中文👩‍💻 \n"
            let shifted = example.prefixed(with: prefix)
            let shift = prefix.utf8.count
            return found(in: shifted.text, detector: detector, threshold: threshold).map { ByteSpan($0.lower - shift, $0.upper - shift) }
        case .csvCell:
            let cell = "\"" + example.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return viaDocument(Array("note,id\n\(cell),1\n".utf8), format: .csv, detector: detector, rule: rule)
        case .jsonString:
            return viaDocument(Array("{\"note\":\(JSONText.quote(example.text))}\n".utf8), format: .jsonLines,
                               detector: detector, rule: rule)
        }
    }

    private func found(in text: String, detector: PatternDetector, rule: Rule, threshold: Confidence) -> [ByteSpan] {
        let findings = (try? detector.findings(in: text, field: FieldRef(record: 0, field: 0))) ?? []
        return Array(Set(findings.filter { $0.ruleID == rule.id && $0.confidence >= threshold }.map(\.span))).sorted()
    }

    /// Reads the example through the real reader, so the field value must decode back to
    /// the example text exactly; a sentinel span `-1..<-1` when the reader refused it.
    private func viaDocument(_ bytes: [UInt8], format: DocumentFormat, detector: PatternDetector, rule: Rule) -> [ByteSpan] {
        guard let document = try? DocumentReader.read(bytes: bytes, displayPath: "example", format: format),
              let record = document.records.last,
              let field = record.fields.first(where: { if case .jsonKey = $0.encoding { false } else { true } })
        else { return [ByteSpan(-1, -1)] }
        return found(in: field.value, detector: detector, rule: rule, threshold: rule.exampleThreshold)
    }
}
