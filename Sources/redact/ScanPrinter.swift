import Redaction

/// Prints scan results: findings to standard output, errors to standard error (text) or
/// as `error` lines (jsonl). Never a matched value.
struct ScanPrinter {
    var format: ScanFormat
    var showKept: Bool

    func print(_ file: FileResult) {
        switch file.status {
        case .failed(let message):
            if format == .jsonl { Console.out(FindingLine.error(file: file.displayPath, message: message)) }
            Console.error("redact: error: \(message)")
            return
        case .skipped(let reason):
            if format == .jsonl { Console.out(FindingLine.skipped(file: file.displayPath, reason: reason)) }
            Console.error("redact: skipped \(file.displayPath): \(reason)")
            return
        case .processed:
            break
        }
        for located in file.decisions where showKept || located.decision.isRedaction {
            switch format {
            case .jsonl:
                Console.out(FindingLine.json(located, file: file.displayPath))
            case .text:
                let finding = located.decision.finding
                var line = "\(file.displayPath):\(located.start.line):\(located.start.column): \(finding.entity) "
                    + "[\(finding.ruleID), \(finding.confidence)]"
                if !located.decision.isRedaction { line += " kept — \(located.decision.reason)" }
                Console.out(line)
            }
        }
    }

    func finish(_ summary: RunSummary) {
        switch format {
        case .jsonl:
            Console.out(FindingLine.summary(files: summary.files, findings: summary.redactions, kept: summary.kept,
                                            errors: summary.errors, skipped: summary.skipped))
        case .text:
            Console.error("scan: \(summary.files) files, \(summary.redactions) findings, \(summary.kept) kept, "
                          + "\(summary.skipped) skipped, \(summary.errors) errors")
        }
    }
}
