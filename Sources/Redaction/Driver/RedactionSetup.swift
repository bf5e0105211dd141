import Foundation

/// The loaded rules and policy a run or scan uses: compiled once, shared by all workers.
public struct RedactionSetup: Sendable {
    public var catalog: RuleCatalog
    public var policy: Policy
    /// Whether `redact:allow` lines of text documents keep their findings (`InlineAllowMarker`).
    public var inlineAllow = true
    /// Names of private persons found with strong evidence in other documents
    /// (`--names-from`, see `KnownNames`): redacted wherever they recur, as if found in the run.
    public var knownNames: Set<String> = []

    public init(catalog: RuleCatalog, policy: Policy) {
        self.catalog = catalog
        self.policy = policy
    }

    /// Loads the rules directory (for scanning: without the rules' examples, through `cache`
    /// when given) and a policy given by name (a file in `RULES/policies/NAME.yaml`) or by path.
    public static func load(rulesDirectory: String, policy: String, cache: RuleCache? = nil) throws(RuleError) -> RedactionSetup {
        let catalog = try RuleCatalog.loadForScanning(directory: rulesDirectory, cache: cache)
        let loaded = try PolicyLoader.load(path: policyPath(policy, rulesDirectory: rulesDirectory))
        try PolicyLoader.validate(loaded, against: catalog)
        return RedactionSetup(catalog: catalog, policy: loaded)
    }

    /// A policy argument that contains `/` or ends in `.yaml` is a path; otherwise a name.
    public static func policyPath(_ policy: String, rulesDirectory: String) -> String {
        if policy.contains("/") || policy.hasSuffix(".yaml") || policy.hasSuffix(".yml") { return policy }
        return ((rulesDirectory as NSString).appendingPathComponent("policies") as NSString)
            .appendingPathComponent(policy + ".yaml")
    }
}

/// Finds the rules directory when `--rules` is not given: `$REDACT_RULES`, else a `Rules`
/// folder next to the executable or in one of its parent folders (a source checkout's
/// `.build/release/redact` finds the checkout's `Rules/`), else `share/redact/Rules` beside
/// an installed `bin/redact`.
public enum RulesLocator {
    public static func locate(environment: [String: String], executablePath: String) -> String? {
        if let fromEnvironment = environment["REDACT_RULES"], !fromEnvironment.isEmpty { return fromEnvironment }
        let fileManager = FileManager.default
        var directory = (URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        for _ in 0..<8 {
            for candidate in ["Rules", "share/redact/Rules", "../share/redact/Rules"] {
                let path = ((directory as NSString).appendingPathComponent(candidate) as NSString).standardizingPath
                if fileManager.fileExists(atPath: (path as NSString).appendingPathComponent("detectors")) { return path }
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        return nil
    }
}
