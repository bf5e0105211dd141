import Foundation
import Redaction

/// `redact run --dry-run`: what a run would change, file by file, with every value masked.
/// Runs the same detection and decisions as `run`, and writes nothing: no output files, no
/// audit rows, no HMAC key.
struct DryRun {
    var setup: RedactionSetup
    var workers: Int
    var outputDirectory: String?
    var stdinFormat: DocumentFormat
    /// `--skip-unsupported`: files Redact cannot read are skipped, not errors.
    var skipUnsupported = false

    /// Prints the changes to standard output; returns the summary.
    func run(_ inputs: [String]) throws -> RunSummary {
        var summary = RunSummary()
        if inputs == ["-"] {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            var file = StandardInputScanner.scan(bytes, format: stdinFormat, setup: setup)
            if case .processed = file.status, let document = try? DocumentReader.read(bytes: bytes, displayPath: "-", format: stdinFormat) {
                file.previews = ValuePreview.previews(of: file.decisions, in: document)
            }
            summary.add(file)
            print(file)
        } else {
            var runner = BatchRunner(setup: setup, workers: workers, fingerprinter: nil)
            runner.previews = true
            runner.skipUnsupported = skipUnsupported
            runner.locateKept = false
            runner.run(InputWalker.walk(inputs), outputDirectory: nil) { file in
                summary.add(file)
                print(file)
            }
        }
        Console.out("dry run: \(summary.files) files, \(summary.redactions) redactions, \(summary.kept) kept, "
                    + "\(summary.skipped) skipped, \(summary.errors) errors; nothing was written")
        return summary
    }

    /// One header line per file, then one line per redaction:
    /// `  line:column  entity  rule  operator  masked value`.
    func print(_ file: FileResult) {
        switch file.status {
        case .failed(let message):
            Console.out("error      \(message)")
            return
        case .skipped(let reason):
            Console.out("skipped    \(file.displayPath): \(reason)")
            return
        case .processed:
            break
        }
        let target = outputDirectory.map { " → " + ($0 as NSString).appendingPathComponent(file.relativePath) } ?? ""
        let verb = file.redactions > 0 ? "would redact" : "unchanged   "
        Console.out("\(verb) \(file.displayPath)\(target)  (\(file.redactions) redactions, \(file.keptCount) kept)")
        for (index, located) in file.decisions.enumerated() where located.decision.isRedaction {
            let decision = located.decision
            let finding = decision.finding
            var action = "remove"
            if case .redact(let op) = decision.verdict { action = op.description }
            if finding.ruleID == FieldRule.dropRuleID { action = "drop field \"\(located.field)\"" }
            let preview = index < file.previews.count ? file.previews[index] : ""
            let place = "\(located.start.line):\(located.start.column)"
            Console.out("  \(place.padding(toLength: 8, withPad: " ", startingAt: 0)) \(finding.entity.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) "
                        + "\(finding.ruleID.padding(toLength: 28, withPad: " ", startingAt: 0)) \(action.padding(toLength: max(22, action.count), withPad: " ", startingAt: 0))  \(preview)")
        }
    }
}
