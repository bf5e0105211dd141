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
          redact rules bench article.md   # what each rule's pattern costs, slowest first
        """,
        subcommands: [Check.self, Bench.self]
    )

    /// `redact rules` alone is a usage error (64), like `redact` alone.
    func run() throws {
        Console.errorText(RulesCommand.helpMessage())
        throw ExitCode(ExitStatus.usage)
    }

    /// `redact rules check [DIR]`: load every rule and run its examples.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
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
            let checker = RuleExampleChecker(rules: catalog.rules)
            var failures = 0
            var examples = 0
            for rule in catalog.rules {
                examples += rule.matchExamples.count + rule.noMatchExamples.count
                for failure in checker.check(rule) {
                    failures += 1
                    Console.out("FAIL \(failure)")
                }
            }
            // Lexicons are looked up by binary search: one out of byte order would miss entries silently.
            var lexiconFailures = 0
            var lexiconEntries = 0
            var lexiconCount = 0
            for (name, keyPath) in Lexicons.files where !catalog.lexicons[keyPath: keyPath].isEmpty {
                let lexicon = catalog.lexicons[keyPath: keyPath]
                lexiconCount += 1
                lexiconEntries += lexicon.count
                if !lexicon.isSorted {
                    lexiconFailures += 1
                    Console.out("FAIL lexicons/\(name): entries are not unique and in byte order (LC_ALL=C sort -u)")
                }
            }
            if lexiconCount > 0 { Console.out("\(lexiconCount) lexicons, \(lexiconEntries) entries") }
            // Each rule on long runs of the characters it repeats: time must grow linearly.
            let slowRules = RuleScalingCheck.check(catalog.rules, workers: ProcessInfo.processInfo.activeProcessorCount)
            for failure in slowRules { Console.out("FAIL \(failure)") }
            let slow = slowRules.count
            let variants = RuleExampleChecker.Variant.allCases.count
            Console.out("\(catalog.rules.count) rules, \(examples) examples × \(variants) variants: "
                        + (failures == 0 ? "all passed" : "\(failures) failed"))
            // columns.yaml's own examples: headers that must, or must not, have a meaning.
            let headerFailures = catalog.columns.exampleFailures()
            for failure in headerFailures { Console.out("FAIL \(failure)") }
            Console.out("scaling: \(catalog.rules.count) rules on runs of the characters they repeat: "
                        + (slow == 0 ? "all linear" : "\(slow) super-linear"))
            failures += slow
            Console.out("column map: \(catalog.columns.examples.count) header examples: "
                        + (headerFailures.isEmpty ? "all passed" : "\(headerFailures.count) failed"))
            failures += headerFailures.count
            if failures + lexiconFailures > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }

    /// `redact rules bench FILE…`: time each rule's pattern alone over the files' text.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Time each rule's pattern alone over some text, slowest first.",
            discussion: """
            Reads each FILE as UTF-8 text (whole file, no CSV/JSON parsing), runs every rule's
            pattern alone over it (best of 3), and prints seconds, MB/s and match counts.

            Examples:
              redact rules bench Samples/news-draft-en.md Samples/daily-report-zh.txt
              redact rules bench big.txt --rules my-rules/
            """
        )

        @Argument(help: ArgumentHelp("UTF-8 text files to run the patterns over.", valueName: "FILE"))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Rules directory.", valueName: "DIR"))
        var rules: String?

        func run() throws {
            let catalog = try RuleCatalog.load(directory: try CommonOptions.rulesDirectory(explicit: rules))
            var texts: [String] = []
            for file in files {
                let document = try DocumentReader.read(filePath: file, format: .text)
                texts.append(document.records.first?.fields.first?.value ?? "")
            }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count }
            let (measured, shared) = RuleBenchmark.measure(catalog.rules, over: texts)
            let timings = measured.sorted { $0.seconds > $1.seconds }
            Console.out("rule                                   seconds      MB/s   matches   (\(bytes) bytes)")
            for timing in timings {
                let name = timing.ruleID.padding(toLength: 36, withPad: " ", startingAt: 0)
                Console.out("\(name) \(String(format: "%9.4f %9.1f %9d", timing.seconds, timing.megabytesPerSecond, timing.matches))")
            }
            let total = timings.reduce(0) { $0 + $1.seconds } + shared
            Console.out("shared per-field work (once per field, not per rule): \(String(format: "%.4f s", shared))")
            Console.out("all rules: \(String(format: "%.4f s, %.1f MB/s", total, Double(bytes) / 1e6 / max(total, 1e-9)))")
        }
    }
}
