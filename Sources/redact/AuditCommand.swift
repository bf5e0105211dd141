import ArgumentParser
import Foundation
import Redaction

/// `redact audit …`: read the audit log (read-only; only `migrate` writes).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify and query the audit log: for reviewers.",
        discussion: """
        Every command opens the log read-only, except `migrate`. The log holds no personal
        value: values appear only as keyed fingerprints (HMAC-SHA256), and `show` masks
        every value it finds in the redacted context it prints.

        Examples:
          redact audit verify --head 1153c3af…      # exit 0 intact, 1 tampered, 2 error
          redact audit summary --run 3
          redact audit list --entity passport_number --verdict keep
          redact audit show 42
          redact audit lookup --value - < value.txt  # was this value removed everywhere?
          redact audit export --format csv > decisions.csv

        Default log: ${XDG_STATE_HOME:-~/.local/state}/redact/audit.sqlite (or $REDACT_AUDIT),
        the same as `redact run`.
        """,
        subcommands: [AuditVerifyCommand.self, AuditSummaryCommand.self, AuditListCommand.self, AuditShowCommand.self,
                      AuditLookupCommand.self, AuditExportCommand.self, AuditMigrateCommand.self]
    )

    func run() throws {
        Console.error(AuditCommand.helpMessage())
        throw ExitCode(ExitStatus.usage)
    }
}

/// `--audit PATH`, shared by every `audit` subcommand.
struct AuditOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Audit database (default: as for `redact run`).", valueName: "PATH"))
    var audit: String?

    var path: String {
        get throws {
            try DefaultLocations(auditFlag: audit, environment: ProcessInfo.processInfo.environment).auditDatabase
        }
    }

    func open() throws -> AuditQuery {
        try AuditQuery(path: try path)
    }
}

/// `redact audit verify`: the hash chain, and optionally a head kept outside.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; exit 0 intact, 1 tampered, 2 error.",
        discussion: """
        Recomputes every entry's hash (runs, documents, decisions, overrides, run ends) in
        order and names the first row that was edited, deleted, inserted or reordered.
        Rows deleted from the very end leave a consistent chain: give the head hash that
        `redact run` printed (and you kept elsewhere) with --head to detect that. Entries
        appended after that head are fine and are reported.
        """
    )

    @OptionGroup var options: AuditOptions

    @Option(name: .long, help: ArgumentHelp("A head hash printed by `redact run` (64 hex digits).", valueName: "HASH"))
    var head: String?

    func validate() throws {
        if let head, !(head.count == 64 && head.allSatisfy(\.isHexDigit)) {
            throw ValidationError("--head must be 64 hexadecimal digits")
        }
    }

    func run() throws {
        let query = try options.open()
        let report = try query.verify(expectedHead: head?.lowercased())
        let counts = ["run", "document", "decision", "override", "run_end"]
            .map { "\(report.entries[$0] ?? 0) \($0 == "run_end" ? "run ends" : $0 + "s")" }.joined(separator: ", ")
        if let problem = report.problem {
            Console.out("TAMPERED: \(problem)")
            Console.out("log: \(query.path)")
            Console.flush()
            throw ExitCode(ExitStatus.findings)
        }
        Console.out("intact: \(report.length) chain entries (\(counts))")
        if !report.prechain.isEmpty {
            let rows = report.prechain.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)s" }.joined(separator: ", ")
            Console.out("not covered: \(rows) written before the chain began (schema 2); nothing vouches for them")
        }
        if let appended = report.appendedAfterHead {
            Console.out(appended == 0 ? "the given head is the current head" : "the given head is on the chain; \(appended) entries were appended after it")
        }
        Console.out("head \(report.head)")
    }
}

/// `redact audit migrate`: upgrade an older log in place (the only writing `audit` command).
struct AuditMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Upgrade an audit log written by an older Redact to this version's schema.",
        discussion: "Rows written before schema 3 stay as they are and are reported by `verify` as not covered by the chain."
    )

    @OptionGroup var options: AuditOptions

    func run() throws {
        let path = try options.path
        guard FileManager.default.fileExists(atPath: path) else { throw AuditError.noLog(path: path) }
        _ = try AuditLog(path: path)
        Console.out("\(path): schema version \(AuditLog.schemaVersion)")
    }
}
