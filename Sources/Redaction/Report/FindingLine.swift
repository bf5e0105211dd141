/// The JSON Lines shapes `redact scan --format jsonl` prints, one object per line. The
/// contract is in README.md ("Scan output"); key order is fixed.
public enum FindingLine {
    /// `{"type":"finding","file":…,"entity":…,"start":…,"end":…,"byte_start":…,"byte_end":…,
    /// "line":…,"column":…,"rule":…,"confidence":…,"score":…,"decision":…,"record":…,"field":…}`
    /// Kept decisions use `"type":"kept"` and carry a `reason`.
    public static func json(_ located: LocatedDecision, file: String) -> String {
        let finding = located.decision.finding
        var members: [(String, String)] = [
            ("type", JSONText.quote(located.decision.isRedaction ? "finding" : "kept")),
            ("file", JSONText.quote(file)),
            ("entity", JSONText.quote(finding.entity.rawValue)),
            ("start", String(located.start.scalar)),
            ("end", String(located.end.scalar)),
            ("byte_start", String(located.start.byte)),
            ("byte_end", String(located.end.byte)),
            ("line", String(located.start.line)),
            ("column", String(located.start.column)),
            ("rule", JSONText.quote(finding.ruleID)),
            ("confidence", JSONText.quote(finding.confidence.rawValue)),
            ("score", String(finding.confidence.score)),
            ("decision", JSONText.quote(located.decision.verdict.name)),
            ("record", String(located.record)),
            ("field", JSONText.quote(located.field)),
        ]
        if !located.decision.isRedaction {
            members.append(("reason", JSONText.quote(located.decision.reason)))
        }
        return JSONText.object(members)
    }

    /// `{"type":"error","file":…,"message":…}` — a file that could not be scanned.
    public static func error(file: String, message: String) -> String {
        JSONText.object([("type", JSONText.quote("error")), ("file", JSONText.quote(file)), ("message", JSONText.quote(message))])
    }

    /// `{"type":"summary",…}` — the last line of a scan.
    public static func summary(files: Int, findings: Int, kept: Int, errors: Int, skipped: Int) -> String {
        JSONText.object([
            ("type", JSONText.quote("summary")), ("files", String(files)), ("findings", String(findings)),
            ("kept", String(kept)), ("errors", String(errors)), ("skipped", String(skipped)),
        ])
    }
}
