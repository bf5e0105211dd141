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

        The summary (standard error) ends with `audit head: <64 hex digits>`, the hash of the
        run's last audit entry: keep it outside the log and check with `redact audit verify --head`.
        --review FILE applies a reviewer's overrides (see README, "For legal reviewers").

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

    @Option(name: .long, help: ArgumentHelp("Review file of reviewer overrides (redact / keep a value, with reason and reviewer); applied and recorded in the audit log.", valueName: "FILE"))
    var review: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would change in each file (values masked); write nothing: no outputs, no audit rows, no key.")
    var dryRun = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if review != nil, dryRun { throw ValidationError("--review cannot be used with --dry-run: overrides need the key and the audit log") }
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
        // A dry run writes nothing, not even a rule cache entry (it still reads one).
        let setup = try common.loadSetup(writingCache: !dryRun)
        if dryRun {
            var dry = DryRun(setup: setup, workers: common.workerCount, outputDirectory: out, stdinFormat: common.stdinFormat)
            dry.skipUnsupported = common.skipUnsupported
            let summary = try dry.run(inputs)
            Console.flush()
            if summary.errors > 0 { throw ExitCode(ExitStatus.error) }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let locations = try DefaultLocations(keyFileFlag: keyFile, auditFlag: audit, environment: environment)
        let key = try HMACKeyFile.loadOrCreate(at: locations.keyFile)
        let fingerprinter = ValueFingerprinter(key: key)
        let auditPath = locations.auditDatabase
        // A bad review file stops the run before anything is written.
        let overrides = try review.map { try ReviewFileLoader.load($0, auditPath: auditPath, fingerprinter: fingerprinter) }
        let session = try AuditSession(path: auditPath, setup: setup, chainKey: AuditChainKey(hmacKey: key),
                                       argv: CommandLine.arguments, toolVersion: Redact.version, review: overrides,
                                       outputDirectory: out)
        if !session.recovery.isEmpty { Console.error(session.recovery.summary) }
        var summary = RunSummary()
        // Pseudonym numbers given by earlier runs under this key, so reruns reproduce them.
        let book = try session.pseudonymBook(keyID: fingerprinter.keyID)
        var context = OperatorContext(fingerprinter: fingerprinter, book: book, referenceDate: Date())
        context.review = overrides
        do {
            if inputs == ["-"] {
                try filterStandardInput(setup: setup, fingerprinter: fingerprinter, context: context, session: session,
                                        summary: &summary)
            } else {
                var runner = BatchRunner(setup: setup, workers: common.workerCount, fingerprinter: fingerprinter)
                runner.context = context
                runner.skipUnsupported = common.skipUnsupported
                try runner.run(InputWalker.walk(inputs), outputDirectory: out) { file in
                    let published = try session.publish(file)
                    summary.add(published)
                    Console.error(summary.line(for: published))
                }
            }
        } catch {
            // The run row must not stay "running": close it as aborted, then report.
            _ = try? session.finish(documents: summary.files, decisions: summary.redactions + summary.kept,
                                errors: summary.errors + 1, aborted: true)
            throw error
        }
        try session.recordPseudonyms(book, keyID: fingerprinter.keyID)
        let head = try session.finish(documents: summary.files, decisions: summary.redactions + summary.kept,
                                      errors: summary.errors)
        Console.error(summary.closing(auditPath: auditPath, runID: session.runID))
        if summary.overridden > 0 { Console.error("\(summary.overridden) decisions made by reviewer overrides (\(review ?? ""))") }
        // Last line, for scripts: keep it outside the database (a signed commit, an e-mail)
        // and check the log against it with `redact audit verify --head`.
        Console.error("audit head: \(head)")
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
