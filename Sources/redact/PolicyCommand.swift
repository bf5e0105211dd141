import ArgumentParser
import Foundation
import Redaction

/// `redact policy …`: inspect policies.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Inspect redaction policies.",
        discussion: """
        Examples:
          redact policy list                          # the policies in RULES/policies/
          redact policy show                          # the default policy (publish), defaults applied
          redact policy show review
          redact policy show my-policy.yaml --rules my-rules/
        """,
        subcommands: [Show.self, List.self]
    )

    /// `redact policy` alone is a usage error (64), like `redact` alone.
    func run() throws {
        Console.errorText(PolicyCommand.helpMessage())
        throw ExitCode(ExitStatus.usage)
    }

    /// `redact policy show [NAME|PATH]`: the effective policy.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the effective policy after defaults are applied.",
            discussion: """
            Loads the policy as `run` would (a malformed policy is an error naming file, line and
            key; exit 2) and prints: every entity the rules can report, with its operator,
            options and minimum confidence; the field rules in the order they are tried; the
            allow list (terms and patterns: public names) and the deny list (counts and sources
            only: its terms may be personal data); and the order in which decisions are made.
            """
        )

        @Argument(help: ArgumentHelp("Policy name in RULES/policies/ or a policy file path (default: publish).", valueName: "NAME|PATH"))
        var policy: String = "publish"

        @Option(name: .long, help: ArgumentHelp("Rules directory.", valueName: "DIR"))
        var rules: String?

        func run() throws {
            let directory = try CommonOptions.rulesDirectory(explicit: rules)
            let setup = try RedactionSetup.load(rulesDirectory: directory, policy: policy)
            for line in PolicyDescription(setup: setup).lines() { Console.out(line) }
        }
    }

    /// `redact policy list`: the policies shipped in the rules directory.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the policies in RULES/policies/ with their descriptions."
        )

        @Option(name: .long, help: ArgumentHelp("Rules directory.", valueName: "DIR"))
        var rules: String?

        func run() throws {
            let directory = (try CommonOptions.rulesDirectory(explicit: rules) as NSString).appendingPathComponent("policies")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            var failed = false
            for name in names {
                let stem = (name as NSString).deletingPathExtension
                do {
                    let policy = try PolicyLoader.load(path: (directory as NSString).appendingPathComponent(name))
                    let alias = policy.name != stem ? " (same as \(policy.name))" : ""
                    Console.out("\(stem.padding(toLength: 12, withPad: " ", startingAt: 0)) \(policy.description ?? "")\(alias)")
                } catch {
                    failed = true
                    Console.error("redact: error: \(error)")
                }
            }
            if failed { throw ExitCode(ExitStatus.error) }
        }
    }
}
