/// A time budget for pattern matching, per document.
///
/// PCRE2's match limit bounds the work at one start position, so a rule that backtracks a
/// little at every position (`(a+)+c` over runs of `a`) stays under it everywhere and still
/// takes minutes on a large document. The budget is wall-clock, not a count of match steps:
/// PCRE2 does not report the steps a call used, and the clock read between calls (at most
/// `PCREMatcher.chunkBytes` start positions apart) costs nothing measurable. It scales with
/// the document, so a large clean document never meets it: `seconds` for every started
/// megabyte, at least `seconds`.
public struct MatchBudget: Sendable, Equatable {
    /// Seconds of matching allowed per megabyte of document (and for a smaller one).
    public var seconds: Double

    /// Ten seconds per megabyte: ordinary text is matched at tens of megabytes per second,
    /// so only a rule that backtracks at every position comes near it.
    public static let standard = MatchBudget(seconds: 10)

    public init(seconds: Double) { self.seconds = seconds }

    /// The seconds allowed for a document of `bytes` bytes.
    public func allowance(forBytes bytes: Int) -> Double {
        let megabytes = (bytes + (1 << 20) - 1) >> 20
        return seconds * Double(max(1, megabytes))
    }
}

extension PatternDetector {
    /// Starts the budget for one document of `bytes` bytes: every match call of this
    /// detector (on any of its threads) until the next start must come before the deadline,
    /// or throws a `LimitError` of kind `.timeBudget` naming the rule. No budget: no deadline.
    public func startBudget(forBytes bytes: Int) {
        var deadline = UInt64.max
        if let budget {
            let nanoseconds = budget.allowance(forBytes: bytes) * 1e9
            deadline = PCREMatcher.now() &+ (nanoseconds >= 1.8e19 ? UInt64(1.8e19) : UInt64(nanoseconds))
        }
        matcher.deadline = deadline
        for extra in extraMatchers { extra.deadline = deadline }
    }
}
