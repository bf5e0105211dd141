import ArgumentParser
import Foundation
import Redaction

/// The `redact` command line: thin commands over the `Redaction` library.
///
/// Exit codes are a contract for hooks: 0 clean, 1 findings (scan), 2 any error,
/// 64 usage. ArgumentParser would exit 1 for a thrown error, which a hook would read as
/// "PII found"; `main()` maps every error to 2 instead.
@main
struct Redact: ParsableCommand {
    static let version = "0.1.0"
    /// Where SARIF consumers send readers for the tool (`tool.driver.informationUri`): none
    /// until Redact has a public home; SARIF makes the member optional, and a made-up address
    /// would send reviewers nowhere.
    static let informationURI: String? = nil

    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Remove personal data from documents before publication, and log every decision.",
        discussion: """
        Examples:
          redact run Samples --out redacted          # redacted copies in redacted/, decisions in the audit log
          redact scan Samples --format jsonl         # report findings, write nothing; exit 1 if any
          cat draft.md | redact run - > clean.md     # filter stdin to stdout
          redact scan --staged --format sarif        # a pre-commit hook / CI: the git index, SARIF 2.1.0
          redact baseline create . --reason "..." --out .redact-baseline.json
          redact serve --port 8750                   # POST /v1/scan, /v1/redact; GET /healthz
          redact rules check                         # run every rule's own examples
          redact policy show review                  # the effective policy, defaults applied
          redact audit verify --head HASH            # the audit log's hash chain (exit 1 if tampered)

        Exit status: 0 nothing found / success, 1 findings at or above --fail-on (scan), 2 error
        (even when findings were also found), 64 usage error.
        """,
        version: version,
        subcommands: [RunCommand.self, ScanCommand.self, BaselineCommand.self, ServeCommand.self, AuditCommand.self,
                      ReportCommand.self, RulesCommand.self, PolicyCommand.self]
    )

    /// `redact` alone is a usage error (64), not help with exit 0: a mis-invoked hook must
    /// not read as a clean scan.
    func run() throws {
        Console.errorText(Redact.helpMessage())
        throw ExitCode(ExitStatus.usage)
    }

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // Loads the likely rules and policy on the idle core while the arguments are parsed.
        _ = StartupPrefetch.shared
        do {
            var command = try parseAsRoot()
            try command.run()
            Console.flush()
        } catch let code as ExitCode {
            Console.flush()
            Foundation.exit(code.rawValue)
        } catch {
            Console.flush()
            let code = exitCode(for: error)
            // Help, version and usage errors keep ArgumentParser's wording and codes (0 / 64).
            if code == .success || code == .validationFailure {
                exit(withError: error)
            }
            Console.error("redact: error: \(error)")
            Foundation.exit(ExitStatus.error)
        }
    }
}

/// The exit codes `redact` uses.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
    static let usage: Int32 = 64
}
