import ArgumentParser
import Foundation
import Redaction

/// `redact run`: write redacted copies and record every decision in the audit log.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write redacted copies of INPUT files and log every decision.",
        discussion: """
        Each file under an INPUT directory is written to DIR/<path relative to INPUT>; a file
        argument is written to DIR/<its name>. Writes are atomic. A file that cannot be read,
        parsed or fully redacted gets no output, the others go on, and the exit status is 2.

        Examples:
          redact run Samples --out redacted
          redact run leaks/ --out public/ --policy Rules/policies/publish.yaml --audit review.sqlite
          redact run - < draft.md > draft.redacted.md
          redact run - --stdin-format csv < list.csv > list.redacted.csv
          redact run Samples --dry-run --policy data-desk    # what would change; writes nothing

        Defaults: audit database ${XDG_STATE_HOME:-~/.local/state}/redact/audit.sqlite (or
        $REDACT_AUDIT); HMAC key ${XDG_CONFIG_HOME:-~/.config}/redact/hmac.key (or
        $REDACT_KEY_FILE), created with mode 0600 on first use.

        --dry-run prints, per file, each redaction it would make (line:column, entity, rule,
        operator, the value masked to its first and last character) and writes nothing: no
        output files, no audit rows, no key file. --out is then optional.
        """
    )

    @Argument(help: ArgumentHelp("Files or directories to redact; '-' reads standard input and writes standard output.", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Directory for the redacted copies (required unless INPUT is '-' or --dry-run is given).", valueName: "DIR"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Audit database (SQLite).", valueName: "PATH"))
    var audit: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp("HMAC key for value fingerprints.", valueName: "PATH"))
    var keyFile: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would change in each file (values masked); write nothing: no outputs, no audit rows, no key.")
    var dryRun = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if inputs.contains("-") {
            guard inputs == ["-"] else { throw ValidationError("'-' (standard input) cannot be combined with other inputs") }
            guard out == nil else { throw ValidationError("--out cannot be used with '-': the result goes to standard output") }
        } else if let out {
            try OutputGuard.check(output: out, inputs: inputs)
        } else if !dryRun {
            throw ValidationError("--out DIR is required")
        }
    }

    func run() throws {
        let setup = try common.loadSetup()
        if dryRun {
            let summary = try DryRun(setup: setup, workers: common.workerCount, outputDirectory: out,
                                     stdinFormat: common.stdinFormat).run(inputs)
            Console.flush()
            if summary.errors > 0 { throw ExitCode(ExitStatus.error) }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let locations = try DefaultLocations(keyFileFlag: keyFile, auditFlag: audit, environment: environment)
        let key = try HMACKeyFile.loadOrCreate(at: locations.keyFile)
        let fingerprinter = ValueFingerprinter(key: key)
        let auditPath = locations.auditDatabase
        let session = try AuditSession(path: auditPath, setup: setup, keyID: fingerprinter.keyID,
                                       argv: CommandLine.arguments, toolVersion: Redact.version)
        var summary = RunSummary()
        // Pseudonym numbers given by earlier runs under this key, so reruns reproduce them.
        let book = try session.pseudonymBook(keyID: fingerprinter.keyID)
        let context = OperatorContext(fingerprinter: fingerprinter, book: book, referenceDate: Date())
        do {
            if inputs == ["-"] {
                try filterStandardInput(setup: setup, fingerprinter: fingerprinter, context: context, session: session,
                                        summary: &summary)
            } else {
                var runner = BatchRunner(setup: setup, workers: common.workerCount, fingerprinter: fingerprinter)
                runner.context = context
                try runner.run(InputWalker.walk(inputs), outputDirectory: out) { file in
                    let published = try session.publish(file)
                    summary.add(published)
                    Console.error(summary.line(for: published))
                }
            }
        } catch {
            // The run row must not stay "running": close it as aborted, then report.
            try? session.finish(documents: summary.files, decisions: summary.redactions + summary.kept,
                                errors: summary.errors + 1, aborted: true)
            throw error
        }
        try session.recordPseudonyms(book, keyID: fingerprinter.keyID)
        try session.finish(documents: summary.files, decisions: summary.redactions + summary.kept, errors: summary.errors)
        Console.error(summary.closing(auditPath: auditPath, runID: session.runID))
        if summary.errors > 0 { throw ExitCode(ExitStatus.error) }
    }

    /// `run -`: the redacted text goes to standard output first, and the audit records
    /// whether it got there: a filter whose output was lost (a full disk, a closed pipe)
    /// is a failed document and exit 2, never a clean run.
    private func filterStandardInput(setup: RedactionSetup, fingerprinter: ValueFingerprinter, context: OperatorContext,
                                     session: AuditSession, summary: inout RunSummary) throws {
        let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        var (file, output) = StandardInputRedactor.redact(bytes, format: common.stdinFormat, setup: setup, fingerprinter: fingerprinter,
                                                          context: context)
        if let output, !Console.outBytes(output) {
            file.status = .failed(message: "-: cannot write standard output: \(Console.outputFailed ?? "write failed")")
            file.outputSHA256 = nil
            file.outputPath = nil
        }
        try session.record(file)
        summary.add(file)
        if case .failed(let message) = file.status { Console.error("error      \(message)") }
    }
}
