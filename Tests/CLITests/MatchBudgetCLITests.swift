import Foundation
import Testing

/// `--match-budget` and the scaling check of `rules check`, through the real executable.
struct MatchBudgetCLITests {
    /// A copy of the shipped rules plus `(a+)+c`, which backtracks a little at every position.
    static func rulesWithBacktrackingRule() throws -> String {
        let rules = TemporaryDirectory.make() + "/Rules"
        try FileManager.default.copyItem(atPath: RedactBinary.repositoryRoot + "/Rules", toPath: rules)
        let rule = """
            version: 1
            id: nested-plus
            entity: email_address
            pattern: '(a+)+c'
            examples:
              match: ['⟦aac⟧', 'x ⟦ac⟧', '⟦aaac⟧ y']
              no_match: ['aa', 'c', 'b']
            """
        try rule.write(toFile: rules + "/detectors/nested-plus.yaml", atomically: true, encoding: .utf8)
        return rules
    }

    @Test("a document over the time budget is an error naming rule and file; nothing is written for it, the run goes on")
    func runStopsSlowDocument() throws {
        let rules = try Self.rulesWithBacktrackingRule()
        let slow = String(repeating: String(repeating: "a", count: 17) + " ", count: 100_000 / 18) + "c\n"
        let input = TemporaryDirectory.with(["slow.txt": Array(slow.utf8), "fine.txt": Array("nothing to see\n".utf8)])
        let work = TemporaryDirectory.make()
        let started = Date()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--rules", rules, "--match-budget", "0.2",
                                           "--audit", work + "/audit.sqlite", "--key-file", work + "/key"],
                                          environment: ["REDACT_NO_CACHE": "1"])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 2)
        #expect(result.err.contains("slow.txt"))
        #expect(result.err.contains("rule nested-plus"))
        #expect(result.err.contains("time budget"))
        #expect(!FileManager.default.fileExists(atPath: work + "/out/slow.txt"))
        #expect(FileManager.default.fileExists(atPath: work + "/out/fine.txt"))
    }

    @Test("rules check rejects a rule whose time grows super-linearly, by name, and passes the shipped rules")
    func rulesCheckScaling() throws {
        let rules = try Self.rulesWithBacktrackingRule()
        let bad = try RedactBinary.run(["rules", "check", rules])
        #expect(bad.status == 1)
        #expect(bad.out.contains("rule nested-plus: matching time grows super-linearly"))
        #expect(bad.out.contains("1 super-linear"))
        let shipped = try RedactBinary.run(["rules", "check", RedactBinary.repositoryRoot + "/Rules"])
        #expect(shipped.status == 0, "\(shipped.out)")
        #expect(shipped.out.contains("all linear"))
    }

    @Test("--match-budget must be a positive number")
    func budgetValidated() throws {
        #expect(try RedactBinary.run(["scan", "Samples", "--match-budget", "0"]).status == 64)
    }
}
