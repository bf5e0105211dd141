import Foundation
import Testing
@testable import Redaction

/// The time budget per document: the match limit bounds one start position, the budget the
/// whole document, and searching in chunks under a deadline finds exactly what one call does.
struct MatchBudgetTests {
    /// `(a+)+c` over runs of 17 `a` and a space: under the match limit at every position,
    /// seconds per 10 kB in all.
    static let backtracking = """
        version: 1
        id: nested-plus
        entity: test
        pattern: '(a+)+c'
        examples:
          match: ['⟦aac⟧', 'x ⟦ac⟧', '⟦aaac⟧ y']
          no_match: ['aa', 'c', 'b']
        """

    static func adversarial(bytes: Int) -> String {
        String(repeating: String(repeating: "a", count: 17) + " ", count: bytes / 18) + "c"
    }

    @Test("a rule that backtracks at every position is stopped by the budget, naming the rule")
    func budgetStopsBacktracking() throws {
        let rule = try RuleLoader.load(text: Self.backtracking, file: "/x/nested-plus.yaml")
        let detector = PatternDetector(rules: [rule])
        detector.budget = MatchBudget(seconds: 0.2)
        let text = Self.adversarial(bytes: 100_000)
        detector.startBudget(forBytes: text.utf8.count)
        let started = Date()
        var caught: PatternDetector.LimitError?
        do { _ = try detector.findings(in: text, field: FieldRef(record: 0, field: 0)) } catch { caught = error }
        let elapsed = Date().timeIntervalSince(started)
        #expect(caught?.ruleID == "nested-plus")
        #expect(caught?.underlying.kind == .timeBudget)
        #expect(caught?.description.contains("time budget") == true)
        // One chunk's work beyond the budget at most (≈1 s for this rule on a slow debug build).
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test("the budget is per document: a fresh start gives a fresh allowance")
    func budgetRestartsPerDocument() throws {
        let rule = try RuleLoader.load(text: Self.backtracking, file: "/x/nested-plus.yaml")
        let detector = PatternDetector(rules: [rule])
        detector.budget = MatchBudget(seconds: 0.05)
        detector.startBudget(forBytes: 10)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(throws: PatternDetector.LimitError.self) { try detector.findings(in: "aac", field: FieldRef(record: 0, field: 0)) }
        detector.startBudget(forBytes: 10)
        #expect(try detector.findings(in: "aac", field: FieldRef(record: 0, field: 0)).map(\.span) == [ByteSpan(0, 3)])
    }

    @Test("the allowance grows with each started megabyte")
    func allowanceScales() {
        let budget = MatchBudget(seconds: 10)
        #expect(budget.allowance(forBytes: 0) == 10)
        #expect(budget.allowance(forBytes: 1 << 20) == 10)
        #expect(budget.allowance(forBytes: (1 << 20) + 1) == 20)
        #expect(budget.allowance(forBytes: 8 << 20) == 80)
    }

    @Test("restored bytecode keeps the offset limit the budget's chunks need")
    func restoredKeepsOffsetLimit() throws {
        let pattern = try PCREPattern("[0-9]+")
        #expect(pattern.allowsOffsetLimit)
        let bytes = try #require(pattern.serializedCode())
        let restored = try PCREPattern(serializedCode: bytes, source: pattern.source, startWindows: false)
        #expect(restored.allowsOffsetLimit)
    }

    @Test("searching in chunks under a deadline finds exactly the whole-subject matches")
    func chunksChangeNothing() throws {
        // Matches straddle the 4 kB chunk boundaries, multibyte characters sit on them, and a
        // lookbehind reads across them.
        var text = ""
        var index = 0
        while text.utf8.count < 3 * PCREMatcher.chunkBytes + 500 {
            text += index % 3 == 0 ? "é中 " : "tel 555-\(1000 + index) "
            index += 1
        }
        for source in ["(?<=tel )[0-9]{3}-[0-9]{4}", "[0-9]+", "中", "x*", "(?=5)"] {
            let pattern = try PCREPattern(source)
            let untimed = try PCREPatternTests.matches(of: pattern, in: text)
            let timed = PCREMatcher()
            timed.deadline = PCREMatcher.now() + 60_000_000_000
            #expect(try PCREPatternTests.matches(of: pattern, in: text, matcher: timed) == untimed, "\(source)")
        }
    }
}
