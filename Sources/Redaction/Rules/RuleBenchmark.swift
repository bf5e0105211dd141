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
    /// context and validators included, so the figure is what the rule costs in use.
    public static func measure(_ rules: [Rule], over texts: [String], repeats: Int = 3) -> [Timing] {
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let field = FieldRef(record: 0, field: 0)
        return rules.map { rule in
            let detector = PatternDetector(rules: [rule])
            var best = Double.infinity
            var matches = 0
            for _ in 0..<max(1, repeats) {
                var count = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for text in texts {
                    count += (try? detector.findings(in: text, field: field).count) ?? 0
                }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, elapsed)
                matches = count
            }
            return Timing(ruleID: rule.id, seconds: best, megabytesPerSecond: Double(bytes) / 1e6 / max(best, 1e-9), matches: matches)
        }
    }
}
