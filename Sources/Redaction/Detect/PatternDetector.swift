/// Runs every pattern rule of a catalogue over one field's text.
///
/// One PCRE2 pass per rule (measured faster here than one big alternation), then context
/// and validators per match. Not `Sendable`: it owns a `PCREMatcher`; make one per worker.
public final class PatternDetector {
    public let rules: [Rule]
    private let matcher = PCREMatcher()

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// A pattern rule hit a PCRE2 limit: an error for the document, never a silent skip.
    public struct LimitError: Error, Sendable, CustomStringConvertible {
        public var ruleID: String
        public var field: FieldRef
        public var underlying: PCREError
        public var description: String { "rule \(ruleID): \(underlying)" }
    }

    /// The findings of all rules in `text`, in rule order then position.
    ///
    /// `blockers` are spans that context words may not reach across in addition to the
    /// matches themselves (the verifier passes the replacement tokens it wrote).
    public func findings(in text: String, field: FieldRef, blockers: [ByteSpan] = []) throws(LimitError) -> [Finding] {
        var text = text
        let result: Result<[Finding], LimitError> = text.withUTF8 { bytes in
            do throws(LimitError) {
                return .success(try findings(in: bytes, field: field, blockers: blockers))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct RawMatch {
        var rule: Int
        var span: ByteSpan
    }

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef, blockers: [ByteSpan]) throws(LimitError) -> [Finding] {
        var matches: [RawMatch] = []
        for (index, rule) in rules.enumerated() {
            do {
                try matcher.forEachMatch(of: rule.pattern, in: bytes) { match in
                    let span = match.value ?? match.whole
                    if !span.isEmpty { matches.append(RawMatch(rule: index, span: span)) }
                }
            } catch {
                throw LimitError(ruleID: rule.id, field: field, underlying: error)
            }
        }
        guard !matches.isEmpty else { return [] }
        let window = ContextWindow(bytes: bytes)
        // A span ending exactly where a match starts (or starting where it ends) is a
        // neighbour, not a blocker for that match, but it does block words beyond it.
        let others = Blockers(matches.map(\.span) + blockers)
        return matches.compactMap { raw in
            let rule = rules[raw.rule]
            var confidence = rule.confidence
            var evidence = Evidence(source: .pattern)
            if let context = rule.context {
                if let word = window.word(around: raw.span, context: context, blockers: others) {
                    evidence.contextWord = word
                    confidence = max(confidence, context.raises)
                }
            }
            if rule.validator != .none {
                let slice = UnsafeBufferPointer(rebasing: bytes[raw.span.lower..<raw.span.upper])
                let passed = rule.validator.accepts(Substring(decoding: slice, as: UTF8.self).utf8)
                evidence.validator = rule.validator
                evidence.validatorPassed = passed
                if !passed {
                    guard rule.validator.isChecksum else { return nil }
                    confidence = confidence.lowered
                }
            }
            return Finding(ruleID: rule.id, entity: rule.entity, field: field, span: raw.span, confidence: confidence, evidence: evidence)
        }
    }
}

extension Confidence {
    /// One level down (a failed checksum); `low` stays `low`.
    var lowered: Confidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }
}
