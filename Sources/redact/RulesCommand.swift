import ArgumentParser
import Foundation
import Redaction

/// `redact rules …`: work with rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check rule files.",
        discussion: """
        Examples:
          redact rules check              # the rules redact uses (see Rules/README.md)
          redact rules check my-rules/    # a rules directory of your own
        """,
        subcommands: [Check.self]
    )

    /// `redact rules check [DIR]`: load every rule and run its examples.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load every rule and run its match / no_match examples.",
            discussion: """
            Each example also runs after a multibyte prefix, inside a quoted CSV cell and
            inside a JSON string. Failures name the file, line, rule and variant.

            Examples:
              redact rules check
              redact rules check my-rules/
            """
        )

        @Argument(help: ArgumentHelp("Rules directory (default: the one redact uses).", valueName: "DIR"))
        var directory: String?

        func run() throws {
            let path = try CommonOptions.rulesDirectory(explicit: directory)
            let catalog = try RuleCatalog.load(directory: path)
            let checker = RuleExampleChecker()
            var failures = 0
            var examples = 0
            for rule in catalog.rules {
                examples += rule.matchExamples.count + rule.noMatchExamples.count
                for failure in checker.check(rule) {
                    failures += 1
                    Console.out("FAIL \(failure)")
                }
            }
            let variants = RuleExampleChecker.Variant.allCases.count
            Console.out("\(catalog.rules.count) rules, \(examples) examples × \(variants) variants: "
                        + (failures == 0 ? "all passed" : "\(failures) failed"))
            if failures > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
