import Foundation

/// Measures how long each rule's pattern takes over some text, so a rule author can see
/// what a new rule costs before adding it (`redact rules bench FILE…`).
public enum RuleBenchmark {
    /// One rule's cost.
    public struct Timing: Sendable {
        public var ruleID: String
        public var seconds: Double
        /// Megabytes (10^6 bytes) of text per second for this rule alone.
        public var megabytesPerSecond: Double
        public var matches: Int
    }

    /// Runs every rule alone over every text `repeats` times and keeps each rule's best time.
    /// A rule runs as it does in a scan: pre-checks, `requires:`, `anchors:` windows,
    /// context and validators included. The per-field work every rule shares (reading the
    /// field's bytes once for the pre-checks: `sharedSeconds`) is measured alone and taken
    /// out of each rule's time, since a scan does it once per field, not once per rule. An
    /// anchored rule's literal search is still counted in its own time, though a scan does
    /// one search for all anchored rules.
    public static func measure(_ rules: [Rule], over texts: [String], repeats: Int = 3) -> (timings: [Timing], sharedSeconds: Double) {
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let field = FieldRef(record: 0, field: 0)
        func best(_ detector: PatternDetector) -> (seconds: Double, matches: Int) {
            var best = Double.infinity
            var matches = 0
            for _ in 0..<max(1, repeats) {
                var count = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for text in texts {
                    count += (try? detector.findings(in: text, field: field).count) ?? 0
                }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                matches = count
            }
            return (best, matches)
        }
        let shared = best(PatternDetector(rules: [])).seconds
        let timings = rules.map { rule in
            let (seconds, matches) = best(PatternDetector(rules: [rule]))
            let own = max(0, seconds - shared)
            return Timing(ruleID: rule.id, seconds: own, megabytesPerSecond: Double(bytes) / 1e6 / max(own, 1e-9), matches: matches)
        }
        return (timings, shared)
    }
}
