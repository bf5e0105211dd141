import ArgumentParser
import Foundation
import Redaction

/// `redact baseline create`: accept the findings a scan reports today, with a reason, so
/// that `scan --baseline` fails only on new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Manage baselines of accepted findings.",
        subcommands: [Create.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Write every finding the policy would redact in INPUT as an accepted baseline entry.",
            discussion: """
            Entries are keyed fingerprints (HMAC of entity, rule, file path and normalised value
            under the HMAC key — never the value): they survive lines moving, and a changed value
            no longer matches. The file is JSON; each entry's "reason" may be edited, and none may
            be empty. The key's id is stored: scanning with another key is an error.

            Create the baseline from the same paths the hook scans (e.g. from the repository root
            with `.`, or with --staged), since the path is part of the fingerprint.

            Examples:
              redact baseline create . --reason "public officials named in archived press releases" --out .redact-baseline.json
              redact scan . --baseline .redact-baseline.json
            """
        )

        @OptionGroup var source: ScanSource

        @Option(name: .long, help: ArgumentHelp("Why these findings are accepted (required; stored with every entry).", valueName: "TEXT"))
        var reason: String

        @Option(name: .long, help: ArgumentHelp("Baseline file to write.", valueName: "FILE"))
        var out: String

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason must say why the findings are accepted")
            }
        }

        func run() throws {
            var setup = try common.loadSetup()
            if common.inlineAllow == nil { setup.inlineAllow = source.isInsideRepository }
            let key = try HMACKeyFile.loadOrCreate(at: try source.keyPath())
            let fingerprinter = ValueFingerprinter(key: key)
            var entries: [String: Baseline.Entry] = [:]
            var errors = 0
            try source.scan(setup: setup, common: common, locateKept: false, fingerprinter: fingerprinter) { file in
                if case .failed(let message) = file.status {
                    errors += 1
                    Console.error("redact: error: \(message)")
                    return
                }
                for (located, fingerprint) in zip(file.decisions, file.findingFingerprints) where located.decision.isRedaction {
                    let finding = located.decision.finding
                    entries[fingerprint] = Baseline.Entry(fingerprint: fingerprint, file: file.displayPath,
                                                          entity: finding.entity.rawValue, rule: finding.ruleID, reason: reason)
                }
            }
            // A baseline of a scan that failed part-way would leave the failed files' findings
            // out and fail later for no visible reason: refuse to write it.
            guard errors == 0 else {
                throw CLIError("\(errors) files could not be scanned; no baseline written")
            }
            let baseline = Baseline(keyID: fingerprinter.keyID, entries: Array(entries.values))
            try AtomicFileWriter.write(Array(try baseline.encoded()), to: out)
            Console.error("baseline: \(entries.count) entries written to \(out) (key \(fingerprinter.keyID))")
        }
    }
}
