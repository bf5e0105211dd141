import ArgumentParser
import Foundation
import Redaction

/// Options every command that reads documents shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rules directory (detectors/, columns.yaml, policies/).", valueName: "DIR"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("Policy name in RULES/policies/ (publish, review, data-desk, …) or a policy file path.", valueName: "NAME|PATH"))
    var policy: String = CommonOptions.defaultPolicy

    @Option(name: .long, help: ArgumentHelp("Worker threads (default: number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(name: .customLong("stdin-format"), help: ArgumentHelp("Format of standard input for INPUT '-'.", valueName: "text|csv|jsonl"))
    var stdinFormat: DocumentFormat = .text

    @Option(name: .customLong("names-from"), help: ArgumentHelp(
        "Also redact the names found with strong evidence in these files or folders (the source documents of an article checked alone). Repeatable.",
        valueName: "PATH"))
    var namesFrom: [String] = []

    @Flag(name: .customLong("inline-allow"), inversion: .prefixedNo, help: ArgumentHelp(
        "Whether lines of text files marked redact:allow keep their findings. Default: only for scan --staged and scans of files git tracks in a work tree (the marker is the repository's own word); never for run and serve, whose documents may come from anyone."))
    var inlineAllow: Bool?

    @Flag(name: .customLong("skip-unsupported"), help: "Report files Redact cannot read (binary, NUL bytes, UTF-16/32) as skipped instead of failing (exit 2).")
    var skipUnsupported = false

    @Option(name: .customLong("match-budget"), help: ArgumentHelp(
        "Seconds of pattern matching allowed per megabyte of each document (default 10); a document that needs more is an error (exit 2) naming the rule, and nothing is written for it.",
        valueName: "SECONDS"))
    var matchBudget: Double?

    static let defaultPolicy = "publish"

    var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let matchBudget, !(matchBudget > 0 && matchBudget.isFinite) {
            throw ValidationError("--match-budget must be a positive number of seconds")
        }
    }

    /// What `loadSetup` loads: the rules directory, the policy, and the rule cache (nil when
    /// `REDACT_NO_CACHE` is set; read-only unless `writingCache`).
    static func setupKey(rules: String?, policy: String, writingCache: Bool) throws -> SetupPrefetch.Key {
        var cache = RuleCache.standard(environment: ProcessInfo.processInfo.environment, toolVersion: Redact.version)
        cache?.isReadOnly = !writingCache
        return SetupPrefetch.Key(rulesDirectory: try rulesDirectory(explicit: rules), policy: policy, cache: cache)
    }

    /// The rules directory: `--rules`, else `RulesLocator`'s search.
    func rulesDirectory() throws -> String {
        try Self.rulesDirectory(explicit: rules)
    }

    static func rulesDirectory(explicit: String?) throws -> String {
        if let explicit { return explicit }
        // The running executable itself where /proc says which it is (the locator resolves the
        // link), else how it was invoked.
        let executable = FileManager.default.fileExists(atPath: "/proc/self/exe")
            ? "/proc/self/exe" : CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
        guard let found = RulesLocator.locate(environment: ProcessInfo.processInfo.environment, executablePath: executable) else {
            throw CLIError("cannot find the rules directory: pass --rules DIR or set REDACT_RULES")
        }
        return found
    }

    /// Loads rules (through the compiled rule cache unless `REDACT_NO_CACHE` is set; only
    /// read, never written, when `writingCache` is false) and policy; any error here happens
    /// before a document is touched.
    func loadSetup(writingCache: Bool = true) throws -> RedactionSetup {
        let key = try Self.setupKey(rules: rules, policy: policy, writingCache: writingCache)
        var setup = try StartupPrefetch.shared?.take(key)
            ?? RedactionSetup.load(rulesDirectory: key.rulesDirectory, policy: key.policy, cache: key.cache)
        setup.inlineAllow = inlineAllow ?? false
        if let matchBudget { setup.matchBudget = MatchBudget(seconds: matchBudget) }
        if !namesFrom.isEmpty {
            setup.knownNameOrigins = try KnownNames.harvestSeeds(from: namesFrom, setup: setup, workers: workerCount)
            setup.knownNames = Set(setup.knownNameOrigins.keys)
        }
        return setup
    }
}

extension DocumentFormat: ExpressibleByArgument {}

/// An error the CLI reports in its own words (exit 2).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
