/// The JSON Lines shapes `redact scan --format jsonl` prints, one object per line. The
/// contract is in README.md ("Scan output"); key order is fixed.
public enum FindingLine {
    /// `{"type":"finding","file":…,"entity":…,"start":…,"end":…,"byte_start":…,"byte_end":…,
    /// "line":…,"column":…,"rule":…,"confidence":…,"score":…,"decision":…,"record":…,"field":…}`
    /// Kept decisions use `"type":"kept"` and carry a `reason`.
    public static func json(_ located: LocatedDecision, file: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(320)
        appendJSON(located, file: file, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line `json(_:file:)` returns, without a line break, to `output`: scan
    /// writes all lines of a file into one buffer.
    public static func appendJSON(_ located: LocatedDecision, file: String, to output: inout [UInt8]) {
        let finding = located.decision.finding
        var object = JSONText.ObjectBuilder(appendingTo: &output)
        object.add("type", located.decision.isRedaction ? "finding" : "kept")
        object.add("file", file)
        object.add("entity", finding.entity.rawValue)
        object.add("start", located.start.scalar)
        object.add("end", located.end.scalar)
        object.add("byte_start", located.start.byte)
        object.add("byte_end", located.end.byte)
        object.add("line", located.start.line)
        object.add("column", located.start.column)
        object.add("rule", finding.ruleID)
        object.add("confidence", finding.confidence.rawValue)
        object.addRaw("score", scoreText(finding.confidence))
        object.add("decision", located.decision.verdict.name)
        object.add("record", located.record)
        object.add("field", located.field)
        if !located.decision.isRedaction {
            object.add("reason", located.decision.reason)
        }
        object.finish(into: &output)
    }

    /// `Confidence.score` as JSON, formatted once per level instead of once per line.
    private static func scoreText(_ confidence: Confidence) -> String {
        switch confidence {
        case .low: lowScore
        case .medium: mediumScore
        case .high: highScore
        }
    }

    private static let lowScore = String(Confidence.low.score)
    private static let mediumScore = String(Confidence.medium.score)
    private static let highScore = String(Confidence.high.score)

    /// `{"type":"error","file":…,"message":…}` — a file that could not be scanned.
    public static func error(file: String, message: String) -> String {
        var object = JSONText.ObjectBuilder()
        object.add("type", "error")
        object.add("file", file)
        object.add("message", message)
        return object.finished()
    }

    /// `{"type":"skipped","file":…,"reason":…}` — a file Redact does not read (binary, a
    /// linked directory), so a hook can see exactly what went unchecked.
    public static func skipped(file: String, reason: String) -> String {
        var object = JSONText.ObjectBuilder()
        object.add("type", "skipped")
        object.add("file", file)
        object.add("reason", reason)
        return object.finished()
    }

    /// `{"type":"summary",…}` — the last line of a scan.
    /// `failing` (findings at or above `--fail-on`) and `staleBaseline` (baseline entries
    /// that matched nothing) are added when given; `typed: false` leaves out `type` (the
    /// `summary` member of `--format json`).
    public static func summary(files: Int, findings: Int, kept: Int, errors: Int, skipped: Int,
                               failing: Int? = nil, staleBaseline: Int? = nil, typed: Bool = true) -> String {
        var object = JSONText.ObjectBuilder()
        if typed { object.add("type", "summary") }
        object.add("files", files)
        object.add("findings", findings)
        object.add("kept", kept)
        object.add("errors", errors)
        object.add("skipped", skipped)
        if let failing { object.add("failing", failing) }
        if let staleBaseline { object.add("stale_baseline", staleBaseline) }
        return object.finished()
    }

    /// `{"type":"stale_baseline","file":…,"entity":…,"rule":…,"fingerprint":…}` — a baseline
    /// entry for a scanned file that matched no finding. The fingerprint, never a value.
    public static func staleBaseline(_ entry: Baseline.Entry, typed: Bool = true) -> String {
        var object = JSONText.ObjectBuilder()
        if typed { object.add("type", "stale_baseline") }
        object.add("file", entry.file)
        object.add("entity", entry.entity)
        object.add("rule", entry.rule)
        object.add("fingerprint", entry.fingerprint)
        return object.finished()
    }
}
