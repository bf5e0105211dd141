import ArgumentParser
import Foundation
import Redaction

/// `redact audit lookup`: every place a value occurred and what happened to it.
struct AuditLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Was this value removed everywhere? Lists every decision about it (by keyed fingerprint).",
        discussion: """
        Computes the value's HMAC with the key file (the same default as `redact run`; never
        created here) and lists every decision about it in runs under that key. The value is
        never printed. `--value -` reads it from standard input (one trailing newline dropped),
        which keeps it out of the shell history.

        Exit status: 0 every occurrence was removed (redacted, covered by a redaction, or in a
        document that got no output); 1 some occurrence was kept, or the value is not in the
        log at all (no detector found it, so it may still be in an output); 2 error.
        """
    )

    @OptionGroup var options: AuditOptions
    @Option(name: .customLong("key-file"), help: ArgumentHelp("HMAC key the runs used.", valueName: "PATH")) var keyFile: String?
    @Option(name: .long, help: ArgumentHelp("The value to look up, or '-' to read it from standard input.", valueName: "V")) var value: String

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let locations = try DefaultLocations(keyFileFlag: keyFile, auditFlag: options.audit, environment: environment)
        var text = value
        if value == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
        }
        guard !text.isEmpty else { throw CLIError("the value to look up is empty") }
        guard let key = try HMACKeyFile.load(at: locations.keyFile) else {
            throw CLIError("\(locations.keyFile): no HMAC key file; lookups need the key the runs used (pass --key-file)")
        }
        let fingerprinter = ValueFingerprinter(key: key)
        let query = try AuditQuery(path: locations.auditDatabase)
        let runs = try query.runs()
        let ownRuns = Set(runs.filter { $0.keyID == fingerprinter.keyID }.map(\.id))
        var filter = DecisionFilter()
        filter.valueHMAC = fingerprinter.fingerprint(Array(text.utf8))
        let found = try query.decisions(filter).filter { ownRuns.contains($0.runID) }
        var kept = 0
        for record in found {
            let removed = try query.isRemoved(record)
            if !removed { kept += 1 }
            Console.out(AuditRows.place(record) + "  → " + (removed ? "removed" : "KEPT") + ": " + record.decision.reason)
        }
        let otherKeys = runs.count - ownRuns.count
        if otherKeys > 0 { Console.out("note: \(otherKeys) runs used another key (not \(fingerprinter.keyID)) and were not searched") }
        if found.isEmpty {
            Console.out("removed everywhere: unknown: the value is in no decision of the \(ownRuns.count) runs under this key "
                        + "(no detector found it; it may still be in an output)")
        } else if kept == 0 {
            Console.out("removed everywhere: yes (\(found.count) occurrences in \(Set(found.map(\.documentID)).count) documents, "
                        + "\(Set(found.map(\.runID)).count) runs)")
        } else {
            Console.out("removed everywhere: no (\(kept) of \(found.count) occurrences kept)")
        }
        Console.flush()
        if found.isEmpty || kept > 0 { throw ExitCode(ExitStatus.findings) }
    }
}
