import Redaction

/// Prints scan results. `text` and `jsonl` stream (findings to standard output, errors to
/// standard error or as `error` lines); `json` and `sarif` are one document each, printed
/// by `finish`. Never a matched value.
struct ScanPrinter {
    var format: ScanFormat
    var showKept: Bool
    private var sarif: SARIFReport?
    private var findings: [String] = []
    private var errors: [String] = []
    private var skipped: [String] = []

    init(format: ScanFormat, showKept: Bool, catalog: RuleCatalog) {
        self.format = format
        self.showKept = showKept
        if format == .sarif {
            sarif = SARIFReport(toolVersion: Redact.version, informationURI: Redact.informationURI, catalog: catalog)
        }
    }

    mutating func print(_ file: FileResult) {
        switch file.status {
        case .failed(let message):
            switch format {
            case .jsonl: Console.out(FindingLine.error(file: file.displayPath, message: message))
            case .json: errors.append(FindingLine.error(file: file.displayPath, message: message))
            case .sarif, .text: break
            }
            Console.error("redact: error: \(message)")
        case .skipped(let reason):
            switch format {
            case .jsonl: Console.out(FindingLine.skipped(file: file.displayPath, reason: reason))
            case .json: skipped.append(FindingLine.skipped(file: file.displayPath, reason: reason))
            case .sarif, .text: break
            }
            Console.error("redact: skipped \(file.displayPath): \(reason)")
        case .processed:
            break
        }
        if format == .sarif {
            sarif?.add(file, includingKept: showKept)
            return
        }
        guard case .processed = file.status else { return }
        // One buffer and one hand-over to the console per file, not a String per line.
        if format == .jsonl {
            Console.out(lines: FindingLine.jsonLines(file.decisions, file: file.displayPath, includingKept: showKept))
            return
        }
        if format == .text {
            Console.out(lines: FindingLine.textLines(file.decisions, file: TerminalText.escaped(file.displayPath), includingKept: showKept))
            return
        }
        // .json: one document, printed by `finish`.
        for located in file.decisions where showKept || located.decision.isRedaction {
            findings.append(FindingLine.json(located, file: file.displayPath))
        }
    }

    /// An error outside any file (git failing under `--staged`), already on standard error.
    mutating func error(_ message: String) {
        switch format {
        case .jsonl: Console.out(FindingLine.error(file: "", message: message))
        case .json: errors.append(FindingLine.error(file: "", message: message))
        case .sarif: sarif?.addError(message)
        case .text: break
        }
    }

    func finish(_ summary: RunSummary, failing: Int, stale: [Baseline.Entry]?) {
        let staleCount = stale?.count
        switch format {
        case .jsonl:
            for entry in stale ?? [] { Console.out(FindingLine.staleBaseline(entry)) }
            Console.out(FindingLine.summary(files: summary.files, findings: summary.redactions, kept: summary.kept,
                                            errors: summary.errors, skipped: summary.skipped, failing: failing,
                                            staleBaseline: staleCount))
        case .json:
            var document = JSONText.ObjectBuilder(capacity: 4096 + findings.count * 256)
            document.addRaw("findings", JSONText.array(findings))
            document.addRaw("errors", JSONText.array(errors))
            document.addRaw("skipped", JSONText.array(skipped))
            document.addRaw("stale_baseline", JSONText.array((stale ?? []).map { FindingLine.staleBaseline($0, typed: false) }))
            document.addRaw("summary", FindingLine.summary(
                files: summary.files, findings: summary.redactions, kept: summary.kept, errors: summary.errors,
                skipped: summary.skipped, failing: failing, staleBaseline: staleCount ?? 0, typed: false))
            Console.out(document.finished())
        case .sarif:
            var properties: String?
            if let stale {
                var bag = JSONText.ObjectBuilder()
                bag.addRaw("staleBaseline", JSONText.array(stale.map { FindingLine.staleBaseline($0, typed: false) }))
                bag.add("failing", failing)
                properties = bag.finished()
            }
            Console.out(sarif?.document(runProperties: properties) ?? "")
        case .text:
            for entry in stale ?? [] {
                Console.error("redact: stale baseline entry: \(entry.file) \(entry.entity) [\(entry.rule)] \(entry.fingerprint.prefix(16))…: no longer found")
            }
            Console.error("scan: \(summary.files) files, \(summary.redactions) findings (\(failing) failing), \(summary.kept) kept, "
                          + "\(summary.skipped) skipped, \(summary.errors) errors"
                          + (staleCount.map { ", \($0) stale baseline entries" } ?? ""))
        }
    }
}
