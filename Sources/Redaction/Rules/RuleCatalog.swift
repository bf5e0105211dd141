import Foundation

/// Every rule Redact runs: the detector rules of `detectors/*.yaml` and the column map of
/// `columns.yaml`, loaded from one rules directory and compiled once.
public struct RuleCatalog: Sendable {
    public var rules: [Rule]
    public var columns: ColumnMap
    /// Name propagation settings; nil when the rules directory has no `propagation.yaml`.
    public var propagation: PropagationConfig?
    /// SHA-256 over the names and bytes of every file loaded, in order: recorded in the audit
    /// log so a run can be tied to the exact rules it used.
    public var digest: String
    public var directory: String
    /// The word lists of `lexicons/` (empty when the directory has none). Not written to the
    /// rule cache: they are the files' bytes as read, which the cache check reads anyway.
    public var lexicons = Lexicons()

    public init(rules: [Rule], columns: ColumnMap, propagation: PropagationConfig? = nil, digest: String, directory: String) {
        self.rules = rules
        self.columns = columns
        self.propagation = propagation
        self.digest = digest
        self.directory = directory
    }

    /// Loads `directory/detectors/*.yaml` (sorted by name), `directory/columns.yaml` and,
    /// when present, `directory/propagation.yaml`, with every rule's examples: what
    /// `redact rules check` and tests use. Always from the files, never from a cache.
    public static func load(directory: String) throws(RuleError) -> RuleCatalog {
        try compile(try RuleSources.read(directory: directory), examples: true)
    }

    /// Loads the same files for a scan or run: without the rules' examples, and through
    /// `cache` when given. A cached catalog is used only when it was built by this very
    /// executable from exactly the bytes read now; anything else (no entry, another rules
    /// version, a damaged file) loads from the files and refreshes the cache, silently.
    public static func loadForScanning(directory: String, cache: RuleCache? = nil) throws(RuleError) -> RuleCatalog {
        let sources = try RuleSources.read(directory: directory)
        let loaded = try loadForScanning(sources, cache: cache)
        if !loaded.fromCache { cache?.store(loaded.catalog, for: sources) }
        return loaded.catalog
    }

    /// The catalog for `sources` from `cache`, else compiled from the files; saving a
    /// compiled one is left to the caller (`RedactionSetup` saves it only once the policy
    /// has loaded too, so a command that fails at load leaves nothing behind).
    static func loadForScanning(_ sources: RuleSources, cache: RuleCache?) throws(RuleError) -> (catalog: RuleCatalog, fromCache: Bool) {
        if let cached = cache?.catalog(for: sources) { return (cached, true) }
        return (try compile(sources, examples: false), false)
    }

    /// Parses and compiles every file of `sources`.
    static func compile(_ sources: RuleSources, examples: Bool) throws(RuleError) -> RuleCatalog {
        var files: [(path: String, text: String)] = []
        for file in sources.detectors {
            files.append((file.path, try RuleSources.text(of: file)))
        }
        // Parsing the YAML and compiling the patterns is most of a hook's start-up (~35 ms for
        // 70 rules on one core): spread it over the cores. The first error in file order wins,
        // as in a sequential load.
        let loaded = ParallelMap.map(files, workers: ProcessInfo.processInfo.activeProcessorCount,
                                     makeState: { () }) { _, file -> Result<Rule, RuleError> in
            do throws(RuleError) {
                return .success(try RuleLoader.load(text: file.text, file: file.path, examples: examples))
            } catch {
                return .failure(error)
            }
        }
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for (file, result) in zip(files, loaded) {
            let rule = try result.get()
            if let other = seen[rule.id] { throw RuleError(file: file.path, key: "id", message: "duplicate rule id, also in \(other)") }
            seen[rule.id] = file.path
            rules.append(rule)
        }
        let columns = try ColumnMap.load(text: try RuleSources.text(of: sources.columns), file: sources.columns.path)
        let propagation = try sources.propagation.map { (file) throws(RuleError) in
            try PropagationConfig.load(text: try RuleSources.text(of: file), file: file.path)
        }
        var catalog = RuleCatalog(rules: rules, columns: columns, propagation: propagation, digest: sources.digest(),
                                  directory: sources.directory)
        catalog.lexicons = Lexicons(files: sources.lexicons)
        return catalog
    }
}
