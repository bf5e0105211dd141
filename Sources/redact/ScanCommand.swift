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
        Exit status: 0 no finding the policy would redact, 1 findings, 2 any error (even when
        findings were also found), 64 usage error. Reports never contain the matched values.

        Examples:
          redact scan Samples
          redact scan article.md --format jsonl
          redact scan exports/ --format jsonl --show-kept     # also list what was kept, and why
          cat article.md | redact scan -

        JSON Lines: one object per line; "type" is "finding", "kept" (with --show-kept),
        "error" or "summary" (last). start/end are Unicode code point offsets into the file,
        byte_start/byte_end UTF-8 byte offsets, line/column 1-based.
        """
    )

    @Argument(help: ArgumentHelp("Files or directories to scan; '-' reads standard input.", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|jsonl"))
    var format: ScanFormat = .text

    @Flag(name: .customLong("show-kept"), help: "Also report findings the policy keeps, with the reason.")
    var showKept = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if inputs.contains("-"), inputs != ["-"] {
            throw ValidationError("'-' (standard input) cannot be combined with other inputs")
        }
    }

    func run() throws {
        let setup = try common.loadSetup()
        let printer = ScanPrinter(format: format, showKept: showKept)
        defer { Console.flush() }
        var summary = RunSummary()
        if inputs == ["-"] {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            let file = StandardInputScanner.scan(bytes, format: common.stdinFormat, setup: setup)
            summary.add(file)
            printer.print(file)
        } else {
            var runner = BatchRunner(setup: setup, workers: common.workerCount, fingerprinter: nil)
            runner.locateKept = showKept
            try runner.run(InputWalker.walk(inputs), outputDirectory: nil) { file in
                    // Standard output is gone (a closed pipe): stop rather than scan on unheard.
                    if Console.outputFailed != nil { throw ExitCode(ExitStatus.error) }
                    summary.add(file)
                    printer.print(file)
                }
        }
        printer.finish(summary)
        Console.flush()
        if let failure = Console.outputFailed {
            Console.error("redact: error: cannot write standard output: \(failure)")
            throw ExitCode(ExitStatus.error)
        }
        if summary.errors > 0 { throw ExitCode(ExitStatus.error) }
        if summary.redactions > 0 { throw ExitCode(ExitStatus.findings) }
    }
}

/// The formats `scan` prints.
enum ScanFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
}
