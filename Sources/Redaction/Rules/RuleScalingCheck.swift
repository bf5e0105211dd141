#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Rejects rules whose matching time grows faster than the text: `rules check` runs each rule
/// on long runs of every character its pattern could repeat (each ASCII character written in
/// the pattern, and one of each class: lower, upper, digit, space, punctuation, non-ASCII),
/// at two lengths, and fails a rule whose time grows super-linearly or that hits PCRE2's
/// match limit. `(a+)+c` over a run of `a` is the example: linear rules take microseconds.
///
/// The runs stand between two copies of the rule's first match example, so its `requires:`
/// literals and `anchors:` are present and so is whatever a match needs after the run: the
/// rule is timed the way a scan runs it, through its own detector.
public enum RuleScalingCheck {
    /// One rule that does not scale linearly; names the rule and the run, never a document.
    public struct Failure: Sendable, CustomStringConvertible {
        public var file: String
        public var ruleID: String
        /// The repeated character, escaped (`a`, `\u{0A}`).
        public var run: String
        /// What was seen: the times at both lengths, or the limit hit.
        public var detail: String

        public var description: String {
            "\(file): rule \(ruleID): matching time grows super-linearly on a run of '\(run)' (\(detail)); a rule must take time linear in the text"
        }
    }

    /// The two run lengths, in characters: a linear rule takes `long / short` times as long
    /// on the longer run, a quadratic one that squared.
    static let short = 1024
    static let long = 8192
    /// A rule whose long run takes less than this passes without a second look: the check
    /// stays fast, and times below it are too noisy on a loaded machine to compare.
    static let floorSeconds = 0.003
    /// Longer/shorter time above which growth counts as super-linear (linear: 8, quadratic: 64).
    static let maximumRatio = 24.0

    /// The characters whose runs `rule` is timed on.
    static func runCharacters(of rule: Rule) -> [Character] {
        var seen = Set<Character>()
        var characters: [Character] = []
        for character in "aA0 .-é" + rule.pattern.source.filter({ $0.isASCII && !$0.isWhitespace && $0 != "\\" })
        where seen.insert(character).inserted {
            characters.append(character)
        }
        return characters
    }

    /// The failures of `rules`, in their order, checked on `workers` threads (each times
    /// on its own CPU clock, so threads do not disturb each other's figures).
    public static func check(_ rules: [Rule], workers: Int) -> [Failure] {
        ParallelMap.map(rules, workers: workers, makeState: {}) { _, rule in check(rule) }.compactMap { $0 }
    }

    /// The failure of `rule`, or nil when it scales linearly on every run.
    public static func check(_ rule: Rule) -> Failure? {
        let detector = PatternDetector(rules: [rule])
        detector.budget = nil
        // The example before the run meets `requires:` and `anchors:`; after it, it puts the
        // characters a match needs beyond the run (the `c` of `(a+)+c`) behind every start,
        // so PCRE2's required-character check cannot dismiss the run unread.
        let example = rule.matchExamples.first?.text ?? ""
        for character in runCharacters(of: rule) {
            let run = String(character).unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
            // Best of `tries`: one for the first look at the long run (most rules are far
            // below the floor), two for any time that is compared.
            func seconds(_ length: Int, tries: Int = 2) -> Double? {
                let text = example + " " + String(repeating: character, count: length) + " " + example
                var best = Double.infinity
                for _ in 0..<tries {
                    let start = threadSeconds()
                    guard (try? detector.findings(in: text, field: FieldRef(record: 0, field: 0))) != nil else { return nil }
                    best = min(best, threadSeconds() - start)
                }
                return best
            }
            guard var longTime = seconds(long, tries: 1) else {
                return Failure(file: rule.file, ruleID: rule.id, run: run, detail: "\(long) characters hit the match limit")
            }
            guard longTime >= floorSeconds else { continue }
            longTime = min(longTime, seconds(long, tries: 3) ?? longTime)
            guard longTime >= floorSeconds else { continue }
            guard let shortTime = seconds(short, tries: 3) else {
                return Failure(file: rule.file, ruleID: rule.id, run: run, detail: "\(short) characters hit the match limit")
            }
            if longTime > maximumRatio * max(shortTime, floorSeconds / maximumRatio) {
                return Failure(file: rule.file, ruleID: rule.id, run: run,
                               detail: "\(short) characters: \(milliseconds(shortTime)), \(long): \(milliseconds(longTime))")
            }
        }
        return nil
    }

    /// CPU seconds of the calling thread (the detector matches on it): unlike the wall
    /// clock, not stretched when other work preempts the check, as in a parallel test run.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
