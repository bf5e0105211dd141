import Foundation
import Testing
@testable import Redaction

/// A prefetched setup is exactly the setup a direct load gives, and only for the key it was
/// started with: any other key, or a load that fails, leaves the caller to load itself.
struct SetupPrefetchTests {
    /// A key with a fresh, private cache folder.
    static func key(rules: String = Fixtures.rulesDirectory, policy: String = "publish") -> SetupPrefetch.Key {
        SetupPrefetch.Key(rulesDirectory: rules, policy: policy, cache: RuleCacheTests.cache())
    }

    @Test("the setup taken with the prefetch's own key is the one a direct load gives")
    func takesTheSameSetup() throws {
        let key = Self.key()
        let prefetch = SetupPrefetch(key: key)
        let taken = try #require(prefetch.take(key))
        let loaded = try RedactionSetup.load(rulesDirectory: key.rulesDirectory, policy: key.policy, cache: key.cache)
        RuleCacheTests.expectSame(taken.catalog, loaded.catalog)
        #expect(taken.policy.name == loaded.policy.name)
        #expect(taken.policy.digest == loaded.policy.digest)
    }

    @Test("another policy, rules directory or cache gets nothing")
    func otherKeysGetNothing() {
        let key = Self.key()
        let prefetch = SetupPrefetch(key: key)
        var otherPolicy = key
        otherPolicy.policy = "review"
        #expect(prefetch.take(otherPolicy) == nil)
        var otherRules = key
        otherRules.rulesDirectory += "/"
        #expect(prefetch.take(otherRules) == nil)
        var readOnly = key
        readOnly.cache?.isReadOnly = true
        #expect(prefetch.take(readOnly) == nil)
        var uncached = key
        uncached.cache = nil
        #expect(prefetch.take(uncached) == nil)
        // Asking with other keys leaves the prefetched setup for its own.
        #expect(prefetch.take(key) != nil)
    }

    @Test("a load that fails gives nothing, so the caller's own load reports the error")
    func failedLoadGivesNothing() {
        let missing = Self.key(rules: Fixtures.temporaryDirectory() + "/no-rules-here")
        #expect(SetupPrefetch(key: missing).take(missing) == nil)
        let badPolicy = Self.key(policy: "no-such-policy")
        #expect(SetupPrefetch(key: badPolicy).take(badPolicy) == nil)
        #expect(throws: RuleError.self) {
            try RedactionSetup.load(rulesDirectory: badPolicy.rulesDirectory, policy: badPolicy.policy, cache: badPolicy.cache)
        }
    }

    @Test("the patterns it compiles ahead find what patterns compiled on first use find")
    func warmedPatternsMatch() throws {
        let key = Self.key()
        let prefetch = SetupPrefetch(key: key)
        let taken = try #require(prefetch.take(key))
        let text = try String(contentsOfFile: Fixtures.root + "/Samples/news-draft-en.md", encoding: .utf8)
        let loaded = try RedactionSetup.load(rulesDirectory: key.rulesDirectory, policy: key.policy, cache: nil)
        let field = FieldRef(record: 0, field: 0)
        let warmed = try PatternDetector(rules: taken.catalog.rules).findings(in: text, field: field)
        let fresh = try PatternDetector(rules: loaded.catalog.rules).findings(in: text, field: field)
        #expect(!warmed.isEmpty)
        #expect(warmed == fresh)
    }
}
