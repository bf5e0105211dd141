import Testing
@testable import Redaction

/// Rule files are validated at load, with the file, line and key named.
struct RuleLoaderTests {
    let valid = """
    version: 1
    id: digits
    entity: test
    pattern: '[0-9]{3}'
    examples:
      match: ['⟦123⟧']
      no_match: ['12']
    """

    @Test("a valid rule loads with its defaults")
    func loadsValid() throws {
        let rule = try RuleLoader.load(text: valid, file: "/r/digits.yaml")
        #expect(rule.id == "digits")
        #expect(rule.confidence == .medium)
        #expect(rule.validator == .none)
        #expect(rule.matchExamples.first?.spans == [ByteSpan(0, 3)])
    }

    @Test("an unknown key is rejected with its line and name")
    func unknownKey() {
        let text = valid.replacingOccurrences(of: "entity: test", with: "entity: test\nconfidense: high")
        #expect(throws: RuleError.self) { try RuleLoader.load(text: text, file: "/r/digits.yaml") }
        do {
            _ = try RuleLoader.load(text: text, file: "/r/digits.yaml")
        } catch {
            #expect(error.line == 4)
            #expect(error.key == "confidense")
            #expect(error.description.contains("/r/digits.yaml:4: confidense: unknown key"))
        }
    }

    @Test("a pattern that does not compile names the offset")
    func badPattern() {
        let text = valid.replacingOccurrences(of: "'[0-9]{3}'", with: "'([0-9]'")
        do {
            _ = try RuleLoader.load(text: text, file: "/r/digits.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "pattern")
            #expect(error.message.contains("missing closing parenthesis"))
        }
    }

    @Test("the id must equal the file name")
    func idMatchesFile() {
        #expect(throws: RuleError.self) { try RuleLoader.load(text: valid, file: "/r/other.yaml") }
    }

    @Test("an unknown confidence or validator lists the allowed values")
    func closedSets() {
        let text = valid.replacingOccurrences(of: "entity: test", with: "entity: test\nvalidator: crc32")
        do {
            _ = try RuleLoader.load(text: text, file: "/r/digits.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("calendar-date"))
        }
    }

    @Test("unbalanced example markers are rejected")
    func unbalancedMarkers() {
        let text = valid.replacingOccurrences(of: "'⟦123⟧'", with: "'⟦123'")
        #expect(throws: RuleError.self) { try RuleLoader.load(text: text, file: "/r/digits.yaml") }
    }

    @Test("loading for a scan leaves the examples unparsed, but the key is still required")
    func examplesSkippedForScanning() throws {
        let unbalanced = valid.replacingOccurrences(of: "'⟦123⟧'", with: "'⟦123'")
        let rule = try RuleLoader.load(text: unbalanced, file: "/r/digits.yaml", examples: false)
        #expect(rule.matchExamples.isEmpty && rule.noMatchExamples.isEmpty)
        let missing = valid.components(separatedBy: "\nexamples:")[0]
        #expect(throws: RuleError.self) { try RuleLoader.load(text: missing, file: "/r/digits.yaml", examples: false) }
    }

    @Test("the catalog for scanning is the full catalog without examples")
    func catalogForScanning() throws {
        let full = try RuleCatalog.load(directory: Fixtures.rulesDirectory)
        let scanning = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory)
        #expect(scanning.rules.map(\.id) == full.rules.map(\.id))
        #expect(scanning.digest == full.digest)
        #expect(scanning.rules.allSatisfy { $0.matchExamples.isEmpty && $0.noMatchExamples.isEmpty })
        #expect(full.rules.allSatisfy { !$0.matchExamples.isEmpty && !$0.noMatchExamples.isEmpty })
    }

    @Test("a match example without a marked span is rejected")
    func matchNeedsSpan() {
        let text = valid.replacingOccurrences(of: "'⟦123⟧'", with: "'123'")
        #expect(throws: RuleError.self) { try RuleLoader.load(text: text, file: "/r/digits.yaml") }
    }
}
