import ArgumentParser
import Foundation
import Redaction

/// `redact audit …`: read the audit log (read-only; only `migrate` writes).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify and query the audit log: for reviewers.",
        discussion: """
        Every command opens the log read-only, except `migrate` and `recover`. The log holds no personal
        value: values appear only as keyed fingerprints (HMAC-SHA256), and `show` masks
        every value it finds in the redacted context it prints.

        Examples:
          redact audit verify --head 1153c3af…      # exit 0 intact, 1 tampered, 2 error
          redact audit recover --out public/         # finish what a killed run left
          redact audit summary --run 3
          redact audit list --entity passport_number --verdict keep
          redact audit show 42
          redact audit lookup --value - < value.txt  # was this value removed everywhere?
          redact audit export --format csv > decisions.csv

        Default log: ${XDG_STATE_HOME:-~/.local/state}/redact/audit.sqlite (or $REDACT_AUDIT),
        the same as `redact run`.
        """,
        subcommands: [AuditVerifyCommand.self, AuditSummaryCommand.self, AuditListCommand.self, AuditShowCommand.self,
                      AuditLookupCommand.self, AuditExportCommand.self, AuditMigrateCommand.self,
                      AuditRecoverCommand.self]
    )

    func run() throws {
        Console.errorText(AuditCommand.helpMessage())
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

/// `--key-file PATH`, for the `audit` commands that check or extend the keyed chain.
struct AuditKeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("HMAC key file the runs used (default: as for `redact run`; repeat for logs written under several keys).",
                                            valueName: "PATH"))
    var keyFile: [String] = []

    /// The chain keys of the key files given, or of the default one. `required`: a missing
    /// default key file is an error (the chain cannot be checked or extended without it).
    func chainKeys(audit: String?) throws -> [AuditChainKey] {
        let environment = ProcessInfo.processInfo.environment
        let paths = try keyFile.isEmpty
            ? [DefaultLocations(keyFileFlag: nil, auditFlag: audit, environment: environment).keyFile] : keyFile
        return try paths.map { path in
            guard let key = try HMACKeyFile.load(at: path) else {
                throw CLIError("\(path): no HMAC key file; the audit chain is sealed with the key the runs used (pass --key-file)")
            }
            return AuditChainKey(hmacKey: key)
        }
    }
}

/// `redact audit verify`: the hash chain, and optionally a head kept outside.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; exit 0 intact, 1 tampered, 2 error.",
        discussion: """
        Recomputes every entry's keyed hash (runs, documents, decisions, overrides, run ends,
        publications, pseudonym numbers, the migration) in order with the runs' HMAC key, and
        names the first row that was edited, deleted, inserted or reordered; a run's manifest
        and review blobs must still be there. Without the key nobody can rewrite the chain.
        Rows deleted from the very end leave a consistent chain: give the head hash that
        `redact run` printed (and you kept elsewhere) with --head to detect that. Entries
        appended after that head are fine and are reported.
        """
    )

    @OptionGroup var options: AuditOptions
    @OptionGroup var keys: AuditKeyOptions

    @Option(name: .long, help: ArgumentHelp("A head hash printed by `redact run` or an earlier `verify` (64 hex digits).", valueName: "HASH"))
    var head: String?

    func validate() throws {
        if let head, !(head.count == 64 && head.allSatisfy(\.isHexDigit)) {
            throw ValidationError("--head must be 64 hexadecimal digits")
        }
    }

    func run() throws {
        let query = try options.open()
        let report = try query.verify(expectedHead: head?.lowercased(), keys: try keys.chainKeys(audit: options.audit))
        let names = ["run_end": "run ends", "pseudonym_number": "pseudonym numbers", "chain_migration": "migration"]
        let counts = ["run", "document", "decision", "override", "run_end", "publication", "pseudonym_number", "chain_migration"]
            .filter { !["chain_migration"].contains($0) || report.entries[$0] != nil }
            .map { "\(report.entries[$0] ?? 0) \(names[$0] ?? $0 + "s")" }.joined(separator: ", ")
        if let problem = report.problem {
            Console.out("TAMPERED: \(problem)")
            Console.out("log: \(query.path)")
            Console.flush()
            throw ExitCode(ExitStatus.findings)
        }
        if !report.uncheckedKeys.isEmpty {
            Console.out("UNCHECKED: entries sealed with key \(report.uncheckedKeys.sorted().joined(separator: ", ")) "
                        + "could not be checked; pass that key file with --key-file")
            Console.out("head \(report.head)")
            Console.flush()
            throw ExitCode(ExitStatus.error)
        }
        Console.out("intact: \(report.length) chain entries (\(counts))")
        if let from = report.migratedFrom {
            Console.out("migrated from schema \(from)" + (report.keyedFrom > 1
                ? "; entries 1-\(report.keyedFrom - 1) were chained without a key before the migration (they hold, but could have been rewritten before it)"
                : ""))
        }
        for run in report.unfinishedRuns {
            Console.out("unfinished: run \(run) is still marked running (going on now, or killed: `redact audit recover`)")
        }
        if report.unpublished > 0 {
            Console.out("unfinished: \(report.unpublished) logged output(s) not yet marked published or withdrawn")
        }
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
        discussion: """
        Rows written before schema 3 stay as they are and are reported by `verify` as not
        covered by the chain. From schema 4 the chain is keyed: the migration records, in a
        keyed entry, what it found (pre-chain rows, the unkeyed entries and their head), so
        it needs the HMAC key (--key-file, default as for `redact run`).
        """
    )

    @OptionGroup var options: AuditOptions
    @OptionGroup var keys: AuditKeyOptions

    func run() throws {
        let path = try options.path
        guard FileManager.default.fileExists(atPath: path) else { throw AuditError.noLog(path: path) }
        guard let key = try keys.chainKeys(audit: options.audit).first else { throw CLIError("no HMAC key") }
        _ = try AuditLog(path: path, chainKey: key)
        Console.out("\(path): schema version \(AuditLog.schemaVersion)")
    }
}

/// `redact audit recover`: finish or remove what a killed run left (a run also does this when it starts).
struct AuditRecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Finish or remove what a killed run left: runs still running, staged outputs, temporary files.",
        discussion: """
        A run whose process is gone is closed as aborted. A logged document whose output was
        staged but never marked is published if its staged file still has the logged hash,
        else withdrawn. With --out, hidden .NAME.redact-XXXXXX temporary files under that
        folder are removed when no run on the log is still going. `redact run` does the same
        when it starts.
        """
    )

    @OptionGroup var options: AuditOptions
    @OptionGroup var keys: AuditKeyOptions

    @Option(name: .long, help: ArgumentHelp("The output folder of the killed run.", valueName: "DIR"))
    var out: String?

    func run() throws {
        let path = try options.path
        guard FileManager.default.fileExists(atPath: path) else { throw AuditError.noLog(path: path) }
        guard let key = try keys.chainKeys(audit: options.audit).first else { throw CLIError("no HMAC key") }
        let recovery = try AuditLog(path: path, chainKey: key).recover(outputDirectory: out)
        Console.out(recovery.isEmpty ? "nothing to recover" : recovery.summary)
    }
}
