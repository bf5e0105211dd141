import Redaction

/// Counts of a run or scan, and the human lines printed about them.
struct RunSummary {
    var files = 0
    var redactions = 0
    var kept = 0
    var errors = 0
    var skipped = 0
    /// Decisions a reviewer's override made (`run --review`).
    var overridden = 0

    mutating func add(_ file: FileResult) {
        files += 1
        switch file.status {
        case .processed:
            redactions += file.redactions
            kept += file.keptCount
            overridden += file.decisions.count { $0.decision.override != nil }
        case .skipped: skipped += 1
        case .failed: errors += 1
        }
    }

    /// One line per file for `run`, e.g. `redacted  list.csv  (12 redactions, 3 kept)`.
    func line(for file: FileResult) -> String {
        switch file.status {
        case .processed:
            let counts = "(\(file.redactions) redactions, \(file.keptCount) kept)"
            return file.redactions > 0 ? "redacted   \(file.displayPath)  \(counts)" : "unchanged  \(file.displayPath)  \(counts)"
        case .skipped(let reason):
            return "skipped    \(file.displayPath): \(reason)"
        case .failed(let message):
            return "error      \(message)"
        }
    }

    func closing(auditPath: String, runID: Int64) -> String {
        "run \(runID): \(files) files, \(redactions) redactions, \(kept) kept, \(skipped) skipped, \(errors) errors; audit log \(auditPath)"
    }
}
