import Foundation
import Testing
@testable import Redaction

/// The first pass of name propagation and the match budget: a document's detection runs once.
struct NameHarvestBudgetTests {
    @Test("a detection over budget in the first pass is kept for the second to report, not run again")
    func budgetFailureIsCarried() throws {
        let slowRule = try RuleLoader.load(text: """
            version: 1
            id: nested-plus
            entity: email_address
            pattern: '(a+)+c'
            examples: { match: ['⟦aac⟧'], no_match: ['b'] }
            """, file: "/r/nested-plus.yaml")
        let shipped = Fixtures.catalog
        let catalog = RuleCatalog(rules: shipped.rules + [slowRule], columns: shipped.columns,
                                  propagation: shipped.propagation, digest: "test", directory: shipped.directory)
        var setup = RedactionSetup(catalog: catalog, policy: Fixtures.defaultPolicy)
        setup.matchBudget = MatchBudget(seconds: 0.05)
        let slow = String(repeating: String(repeating: "a", count: 17) + " ", count: 400_000 / 18) + "c\n"
        let fine = "Ms. Alice Vandermeer, passport number QZ7001234\n"
        let inputs = [("slow.txt", slow), ("fine.txt", fine)].map { name, text in
            WorkItem(input: .success(InputFile(path: "/in/" + name, relativePath: name, contents: Array(text.utf8))),
                     collides: false)
        }
        var items = inputs
        let runner = BatchRunner(setup: setup, workers: 1, fingerprinter: nil)
        _ = runner.harvestNames(&items)
        #expect(items[0].detectionFailure?.description.contains("time budget") == true)
        #expect(items[0].detected == nil)
        #expect(items[1].detectionFailure == nil)
        #expect(items[1].detected != nil)
        // The second pass reports the kept failure for the file without matching again.
        let processor = FileProcessor(pipeline: Pipeline(catalog: catalog, policy: Fixtures.defaultPolicy),
                                      fingerprinter: nil, previews: false, locateKept: false,
                                      findingFingerprinter: nil, skipUnsupported: false)
        let result = processor.process(items[0].input, outputDirectory: nil, detectionFailure: items[0].detectionFailure)
        guard case .failed(let message) = result.status else { Issue.record("not failed: \(result.status)"); return }
        #expect(message.contains("slow.txt") && message.contains("time budget"))
    }
}
