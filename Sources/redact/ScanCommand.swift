import ArgumentParser
import Foundation
import Redaction

/// `redact scan`: report findings, write nothing. Built for hooks: the exit status alone
/// says clean (0), findings (1) or broken (2).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Report personal data in INPUT files without writing anything.",
        discussion: """
        Exit status: 0 no failing finding, 1 findings at or above --fail-on (and, with
        --fail-on-entity, of those entities), 2 any error (even when findings were also
        found: an unreadable file, a rule error, a match limit, git failing under --staged),
        64 usage error. Reports never contain the matched values.

        --fail-on LEVEL: the lowest confidence of a finding the policy would redact that
        fails the scan (low = any, the default; never = report only). --fail-on-entity LIST
        narrows it to these entities. Kept findings (policy, inline allow marker, baseline)
        never fail a scan.

        Formats: text (file:line:column), jsonl (one object per line, "type" is "finding",
        "kept" with --show-kept, "error", "skipped", "stale_baseline", "summary" last), json
        (one document: findings, errors, skipped, stale_baseline, summary), sarif (SARIF
        2.1.0 for code scanning; columns in Unicode code points).

        A line of a text file containing redact:allow keeps its findings (reported as kept,
        reason "inline allow marker"); --no-inline-allow ignores the marker.

        --baseline FILE (from `redact baseline create`) keeps the findings it lists, with
        their reasons, and reports entries that no longer match (stale). Its fingerprints
        are keyed: the scan needs the same HMAC key (--key-file, $REDACT_KEY_FILE or the
        default key file).

        Examples:
          redact scan Samples
          redact scan article.md --format jsonl
          redact scan --staged --fail-on medium              # in a git pre-commit hook
          redact scan . --format sarif > redact.sarif         # for GitHub code scanning
          redact scan exports/ --baseline .redact-baseline.json --fail-on-entity passport_number,national_id
          cat article.md | redact scan -
        """
    )

    @OptionGroup var source: ScanSource

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|jsonl|json|sarif"))
    var format: ScanFormat = .text

    @Flag(name: .customLong("show-kept"), help: "Also report findings the policy keeps, with the reason.")
    var showKept = false

    @OptionGroup var gate: ScanGate

    @Option(name: .long, help: ArgumentHelp("Baseline of accepted findings (redact baseline create).", valueName: "FILE"))
    var baseline: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var setup = try common.loadSetup()
        if common.inlineAllow == nil { setup.inlineAllow = source.isInsideRepository }
        try gate.check(against: setup.catalog)
        let fingerprinter = try loadFingerprinter()
        var matcher: BaselineMatcher?
        if let baseline, let fingerprinter {
            matcher = BaselineMatcher(try Baseline.load(path: baseline, keyID: fingerprinter.keyID))
        }
        var printer = ScanPrinter(format: format, showKept: showKept, catalog: setup.catalog)
        defer { Console.flush() }
        var summary = RunSummary()
        var failing = 0
        do {
            try source.scan(setup: setup, common: common, locateKept: showKept, fingerprinter: fingerprinter) { result in
                var file = result
                matcher?.apply(to: &file)
                summary.add(file)
                failing += gate.failing(in: file)
                printer.print(file)
            }
        } catch let error as StagedFilesError {
            // Reported in the chosen format too, so a SARIF upload shows the hook broke.
            printer.error(error.description)
            printer.finish(summary, failing: failing, stale: nil)
            Console.flush()
            throw error
        }
        printer.finish(summary, failing: failing, stale: matcher?.stale)
        Console.flush()
        if let failure = Console.outputFailed {
            Console.error("redact: error: cannot write standard output: \(failure)")
            throw ExitCode(ExitStatus.error)
        }
        if summary.errors > 0 { throw ExitCode(ExitStatus.error) }
        if failing > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// The key for finding fingerprints: required with `--baseline` (it must exist: a new
    /// key would match nothing), used when present for SARIF, never created by a scan.
    private func loadFingerprinter() throws -> ValueFingerprinter? {
        guard baseline != nil || format == .sarif else { return nil }
        let path = try source.keyPath()
        guard let key = try HMACKeyFile.load(at: path) else {
            if baseline != nil {
                throw CLIError("--baseline: no HMAC key at \(path); use the key the baseline was made with (--key-file)")
            }
            return nil
        }
        return ValueFingerprinter(key: key)
    }
}

/// The formats `scan` prints.
enum ScanFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
    case json
    case sarif
}
