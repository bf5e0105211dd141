import Foundation
import Testing
@testable import Redaction

/// The compiled rule cache gives exactly the catalog the rule files give, and is only ever
/// a speed-up: stale, damaged, foreign or unwritable caches fall back to the files silently.
struct RuleCacheTests {
    /// A private copy of the shipped rules, so a test can edit them.
    static func copyOfRules() throws -> String {
        let directory = Fixtures.temporaryDirectory() + "/Rules"
        try FileManager.default.copyItem(atPath: Fixtures.rulesDirectory, toPath: directory)
        return directory
    }

    static func cache(build: String = "test build") -> RuleCache {
        RuleCache(directory: Fixtures.temporaryDirectory() + "/cache/redact", build: build)
    }

    static func cacheFile(_ cache: RuleCache, rules: String) throws -> String {
        cache.path(for: try RuleSources.read(directory: rules))
    }

    /// Every property a scan reads, compared rule by rule (examples are left out of both).
    static func expectSame(_ lhs: RuleCatalog, _ rhs: RuleCatalog) {
        #expect(lhs.digest == rhs.digest)
        #expect(lhs.directory == rhs.directory)
        #expect(lhs.rules.map(\.id) == rhs.rules.map(\.id))
        for (a, b) in zip(lhs.rules, rhs.rules) {
            #expect(a.entity == b.entity && a.description == b.description && a.file == b.file, "\(a.id)")
            #expect(a.pattern.source == b.pattern.source && a.pattern.needs == b.pattern.needs, "\(a.id)")
            #expect(a.pattern.captureCount == b.pattern.captureCount && a.pattern.valueGroup == b.pattern.valueGroup, "\(a.id)")
            #expect(a.pattern.allowsStartWindows == b.pattern.allowsStartWindows, "\(a.id)")
            #expect(a.confidence == b.confidence && a.validator == b.validator, "\(a.id)")
            #expect(a.context == b.context && a.unless == b.unless && a.near == b.near, "\(a.id)")
            #expect(a.requires == b.requires && a.anchors == b.anchors, "\(a.id)")
        }
        #expect(lhs.columns.entries == rhs.columns.entries)
        #expect(lhs.columns.vocabulary == rhs.columns.vocabulary)
        #expect(lhs.columns.identifier == rhs.columns.identifier && lhs.columns.documentType == rhs.columns.documentType)
        #expect(lhs.columns.typeValues == rhs.columns.typeValues && lhs.columns.notPersonal == rhs.columns.notPersonal)
        #expect(lhs.propagation == rhs.propagation)
    }

    @Test("a catalog read back from the cache is the catalog the files give")
    func roundTrip() throws {
        let cache = Self.cache()
        let fromFiles = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        let sources = try RuleSources.read(directory: Fixtures.rulesDirectory)
        let fromCache = try #require(cache.catalog(for: sources))
        Self.expectSame(fromFiles, fromCache)
        Self.expectSame(try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache), fromFiles)
        Self.expectSame(fromFiles, try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory))
        #expect(fromCache.rules.allSatisfy { $0.matchExamples.isEmpty && $0.noMatchExamples.isEmpty })
    }

    @Test("restored patterns find exactly what freshly compiled ones find")
    func restoredPatternsMatch() throws {
        let cache = Self.cache()
        let fromFiles = try RuleCatalog.load(directory: Fixtures.rulesDirectory)
        _ = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        let fromCache = try #require(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)))
        let matcher = PCREMatcher()
        for (fresh, restored) in zip(fromFiles.rules, fromCache.rules) {
            for example in fresh.matchExamples + fresh.noMatchExamples {
                var text = example.text
                var expected: [PCREMatcher.Match] = []
                var found: [PCREMatcher.Match] = []
                try text.withUTF8 { bytes in
                    try matcher.forEachMatch(of: fresh.pattern, in: bytes) { expected.append($0) }
                    try matcher.forEachMatch(of: restored.pattern, in: bytes) { found.append($0) }
                }
                #expect(found == expected, "\(fresh.id) line \(example.line ?? 0)")
            }
        }
    }

    @Test("the cache folder is private (0700) and its file too (0600)")
    func privateFiles() throws {
        let cache = Self.cache()
        _ = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        let file = try Self.cacheFile(cache, rules: Fixtures.rulesDirectory)
        let fileMode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: cache.directory)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test("an edited, added or removed rule file is loaded from the files, and the cache refreshed")
    func editedRules() throws {
        let rules = try Self.copyOfRules()
        let cache = Self.cache()
        let before = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        let email = rules + "/detectors/email-address.yaml"
        let text = try String(contentsOfFile: email, encoding: .utf8)
        try text.replacingOccurrences(of: "entity: email_address", with: "entity: contact_email")
            .write(toFile: email, atomically: true, encoding: .utf8)
        let edited = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        #expect(edited.rules.first { $0.id == "email-address" }?.entity == EntityKind("contact_email"))
        #expect(edited.digest != before.digest)
        Self.expectSame(edited, try RuleCatalog.loadForScanning(directory: rules))
        #expect(cache.catalog(for: try RuleSources.read(directory: rules)) != nil)

        try FileManager.default.removeItem(atPath: rules + "/detectors/us-ssn.yaml")
        let removed = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        #expect(removed.rules.count == before.rules.count - 1)
        try FileManager.default.copyItem(atPath: Fixtures.rulesDirectory + "/detectors/us-ssn.yaml",
                                         toPath: rules + "/detectors/us-ssn.yaml")
        #expect(try RuleCatalog.loadForScanning(directory: rules, cache: cache).rules.count == before.rules.count)
    }

    @Test("an edited lexicon changes the digest and is used at once; the cache entry then refreshes")
    func editedLexicon() throws {
        let rules = try Self.copyOfRules()
        let cache = Self.cache()
        let before = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        #expect(!before.lexicons.givenNames.contains("Zzyzxquux"))
        let path = rules + "/lexicons/given-names.txt"
        // Entries are sorted by their UTF-8 bytes (the lookup is a binary search).
        let entries = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let sorted = (entries + ["zzyzxquux"]).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        try (sorted.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(cache.catalog(for: try RuleSources.read(directory: rules)) == nil)
        let edited = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        #expect(edited.lexicons.givenNames.contains("Zzyzxquux"))
        #expect(edited.digest != before.digest)
        let cached = try #require(cache.catalog(for: try RuleSources.read(directory: rules)))
        #expect(cached.digest == edited.digest)
        #expect(cached.lexicons.givenNames.contains("Zzyzxquux"))
    }

    @Test("a rule error is reported even when an older cache entry exists")
    func brokenRuleIsAnError() throws {
        let rules = try Self.copyOfRules()
        let cache = Self.cache()
        _ = try RuleCatalog.loadForScanning(directory: rules, cache: cache)
        try "version: 1\nid: us-ssn\n".write(toFile: rules + "/detectors/us-ssn.yaml", atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) { try RuleCatalog.loadForScanning(directory: rules, cache: cache) }
    }

    @Test("a damaged or truncated cache file is ignored and rewritten", arguments: ["flip", "truncate", "empty", "garbage"])
    func damagedFile(damage: String) throws {
        let cache = Self.cache()
        let expected = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        let file = try Self.cacheFile(cache, rules: Fixtures.rulesDirectory)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x10
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes = Array("not a cache file at all".utf8)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)) == nil)
        Self.expectSame(try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache), expected)
        #expect(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)) != nil)
    }

    @Test("a flipped bit anywhere in the file is caught", arguments: [0, 9, 17, 30, 200, 5_000, 50_000, -1])
    func anyFlippedBit(position: Int) throws {
        let sources = try RuleSources.read(directory: Fixtures.rulesDirectory)
        let writer = RuleCacheFile.Writer(build: "test build")
        var bytes = try RuleCacheFile.encode(try RuleCatalog.compile(sources, examples: false), sources: sources, writer: writer)
        #expect(throws: Never.self) { try RuleCacheFile.decode(bytes, sources: sources, writer: writer) }
        bytes[position >= 0 ? position : bytes.count - 1] ^= 0x01
        #expect(throws: CacheFormatError.self) { try RuleCacheFile.decode(bytes, sources: sources, writer: writer) }
    }

    @Test("an entry written by another build or another PCRE2 is not used")
    func otherBuild() throws {
        let sources = try RuleSources.read(directory: Fixtures.rulesDirectory)
        let bytes = try RuleCacheFile.encode(try RuleCatalog.compile(sources, examples: false), sources: sources,
                                             writer: RuleCacheFile.Writer(build: "build A"))
        #expect(throws: CacheFormatError.self) {
            try RuleCacheFile.decode(bytes, sources: sources, writer: RuleCacheFile.Writer(build: "build B"))
        }
        #expect(throws: CacheFormatError.self) {
            try RuleCacheFile.decode(bytes, sources: sources, writer: RuleCacheFile.Writer(build: "build A", pcre2: "10.0 1970-01-01"))
        }
    }

    @Test("the same rules named by another path are not served another directory's entry")
    func otherDirectoryString() throws {
        let sources = try RuleSources.read(directory: Fixtures.rulesDirectory)
        let writer = RuleCacheFile.Writer(build: "test build")
        let bytes = try RuleCacheFile.encode(try RuleCatalog.compile(sources, examples: false), sources: sources, writer: writer)
        let copy = try RuleSources.read(directory: try Self.copyOfRules())
        #expect(throws: CacheFormatError.self) { try RuleCacheFile.decode(bytes, sources: copy, writer: writer) }
    }

    @Test("an unwritable cache folder changes nothing but speed")
    func unwritableFolder() throws {
        let blocker = Fixtures.temporaryDirectory() + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        // A folder below a regular file can never be created, whoever runs the test (root too).
        let cache = RuleCache(directory: blocker + "/redact", build: "test build")
        let loaded = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        Self.expectSame(loaded, try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory))
        #expect(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)) == nil)
    }

    @Test("a setup whose policy does not load leaves no cache entry; one that loads leaves one")
    func onlyCompleteSetupsAreCached() throws {
        let cache = Self.cache()
        let policy = Fixtures.temporaryDirectory() + "/bad.yaml"
        try "version: 1\nentities:\n  person: { operator: blur }\n".write(toFile: policy, atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) {
            try RedactionSetup.load(rulesDirectory: Fixtures.rulesDirectory, policy: policy, cache: cache)
        }
        #expect(!FileManager.default.fileExists(atPath: cache.directory))
        _ = try RedactionSetup.load(rulesDirectory: Fixtures.rulesDirectory, policy: "publish", cache: cache)
        #expect(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)) != nil)
    }

    @Test("a read-only cache is read but never written")
    func readOnly() throws {
        var cache = Self.cache()
        cache.isReadOnly = true
        _ = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        #expect(!FileManager.default.fileExists(atPath: cache.directory))
        cache.isReadOnly = false
        let written = try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache)
        cache.isReadOnly = true
        Self.expectSame(try RuleCatalog.loadForScanning(directory: Fixtures.rulesDirectory, cache: cache), written)
        #expect(cache.catalog(for: try RuleSources.read(directory: Fixtures.rulesDirectory)) != nil)
    }

    @Test("REDACT_NO_CACHE turns the cache off; it lives in XDG_CACHE_HOME or ~/.cache")
    func standardLocation() {
        #expect(RuleCache.standard(environment: ["HOME": "/home/a"], toolVersion: "1")?.directory == "/home/a/.cache/redact")
        #expect(RuleCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/c"], toolVersion: "1")?.directory == "/c/redact")
        // A relative XDG_CACHE_HOME is ignored, as the XDG specification asks.
        #expect(RuleCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "c"], toolVersion: "1")?.directory == "/home/a/.cache/redact")
        #expect(RuleCache.standard(environment: ["HOME": "/home/a", "REDACT_NO_CACHE": "1"], toolVersion: "1") == nil)
        #expect(RuleCache.standard(environment: ["HOME": "/home/a", "REDACT_NO_CACHE": "0"], toolVersion: "1") != nil)
        #expect(RuleCache.standard(environment: [:], toolVersion: "1") == nil)
        #expect(RuleCache.standard(environment: ["HOME": "/h"], toolVersion: "1")?.build
            != RuleCache.standard(environment: ["HOME": "/h"], toolVersion: "2")?.build)
    }
}
