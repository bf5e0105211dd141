import Foundation

/// The loaded rules and policy a run or scan uses: compiled once, shared by all workers.
public struct RedactionSetup: Sendable {
    public var catalog: RuleCatalog
    public var policy: Policy
    /// Whether `redact:allow` lines of text documents keep their findings (`InlineAllowMarker`).
    public var inlineAllow = true
    /// The time budget for pattern matching per document (`--match-budget`); nil: none.
    public var matchBudget: MatchBudget? = .standard
    /// Names of private persons found with strong evidence in other documents
    /// (`--names-from`, see `KnownNames`): redacted wherever they recur, as if found in the run.
    public var knownNames: Set<String> = []
    /// Where each known name was first found, when known (`KnownNames.harvestSeeds`).
    public var knownNameOrigins: [String: SeedOrigin] = [:]

    /// The known names as propagation seeds, with their origins where known.
    public var knownSeeds: [NameSeed] {
        knownNames.map { NameSeed(name: $0, origin: knownNameOrigins[$0]) }
    }

    public init(catalog: RuleCatalog, policy: Policy) {
        self.catalog = catalog
        self.policy = policy
    }

    /// Loads the rules directory (for scanning: without the rules' examples, through `cache`
    /// when given) and a policy given by name (a file in `RULES/policies/NAME.yaml`) or by path.
    /// Rules compiled from their files are saved to `cache` only when the policy loads and
    /// validates too: a command that fails here writes nothing, not even a cache entry.
    public static func load(rulesDirectory: String, policy: String, cache: RuleCache? = nil) throws(RuleError) -> RedactionSetup {
        let sources = try RuleSources.read(directory: rulesDirectory)
        let rules = try RuleCatalog.loadForScanning(sources, cache: cache)
        let loaded = try PolicyLoader.load(path: policyPath(policy, rulesDirectory: rulesDirectory))
        try PolicyLoader.validate(loaded, against: rules.catalog)
        if !rules.fromCache { cache?.store(rules.catalog, for: sources) }
        return RedactionSetup(catalog: rules.catalog, policy: loaded)
    }

    /// A policy argument that contains `/` or ends in `.yaml` is a path; otherwise a name.
    public static func policyPath(_ policy: String, rulesDirectory: String) -> String {
        if policy.contains("/") || policy.hasSuffix(".yaml") || policy.hasSuffix(".yml") { return policy }
        return ((rulesDirectory as NSString).appendingPathComponent("policies") as NSString)
            .appendingPathComponent(policy + ".yaml")
    }
}
