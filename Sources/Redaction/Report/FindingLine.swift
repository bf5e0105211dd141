/// The JSON Lines shapes `redact scan --format jsonl` prints, one object per line. The
/// contract is in README.md ("Scan output"); key order is fixed.
public enum FindingLine {
    /// `{"type":"finding","file":…,"entity":…,"start":…,"end":…,"byte_start":…,"byte_end":…,
    /// "line":…,"column":…,"rule":…,"confidence":…,"score":…,"decision":…,"record":…,"field":…}`
    /// Kept decisions use `"type":"kept"` and carry a `reason`.
    public static func json(_ located: LocatedDecision, file: String) -> String {
        let bytes = ByteWriter.bytes(capacity: maximumLength(of: located, file: file)) { writer in
            write(located, file: file, to: &writer)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines `json(_:file:)` returns for `decisions` (the redactions only unless
    /// `includingKept`), each ended by a line break, as UTF-8: scan prints a file's findings
    /// from one buffer.
    public static func jsonLines(_ decisions: [LocatedDecision], file: String, includingKept: Bool) -> [UInt8] {
        // Read in place: an array's subscript, and `for … in`, copy each (large) decision out.
        // Safety: the buffer pointer is used only inside the closure, while `decisions` lives.
        decisions.withUnsafeBufferPointer { decisions in
            var capacity = 0
            for index in decisions.indices where includingKept || decisions[index].decision.isRedaction {
                capacity += maximumLength(of: decisions[index], file: file) + 1
            }
            return ByteWriter.bytes(capacity: capacity) { writer in
                for index in decisions.indices where includingKept || decisions[index].decision.isRedaction {
                    write(decisions[index], file: file, to: &writer)
                    writer.byte(0x0A)
                }
            }
        }
    }

    /// An upper bound of the length of `located`'s line: its keys and punctuation, eight
    /// numbers and its strings as if every byte needed a `\u00XX` escape.
    @inline(__always)
    private static func maximumLength(of located: borrowing LocatedDecision, file: String) -> Int {
        let finding = located.decision.finding
        var length = 256 + 8 * ByteWriter.decimalLength
        length += ByteWriter.quotedLength(file) + ByteWriter.quotedLength(finding.entity.rawValue)
        length += ByteWriter.quotedLength(finding.ruleID) + ByteWriter.quotedLength(located.field)
        if !located.decision.isRedaction { length += ByteWriter.quotedLength(located.decision.reason) }
        return length
    }

    @inline(__always)
    private static func write(_ located: borrowing LocatedDecision, file: String, to writer: inout ByteWriter) {
        let finding = located.decision.finding
        let isRedaction = located.decision.isRedaction
        let head: StaticString = isRedaction ? #"{"type":"finding","file":"# : #"{"type":"kept","file":"#
        writer.literal(head)
        writer.quoted(file)
        writer.literal(#","entity":"#)
        writer.quoted(finding.entity.rawValue)
        writer.literal(#","start":"#)
        writer.decimal(located.start.scalar)
        writer.literal(#","end":"#)
        writer.decimal(located.end.scalar)
        writer.literal(#","byte_start":"#)
        writer.decimal(located.start.byte)
        writer.literal(#","byte_end":"#)
        writer.decimal(located.end.byte)
        writer.literal(#","line":"#)
        writer.decimal(located.start.line)
        writer.literal(#","column":"#)
        writer.decimal(located.start.column)
        writer.literal(#","rule":"#)
        writer.quoted(finding.ruleID)
        writer.literal(#","confidence":"#)
        writer.quoted(finding.confidence.rawValue)
        writer.literal(#","score":"#)
        writer.text(scoreText(finding.confidence))
        let decision: StaticString = isRedaction ? #","decision":"redact","record":"# : #","decision":"keep","record":"#
        writer.literal(decision)
        writer.decimal(located.record)
        writer.literal(#","field":"#)
        writer.quoted(located.field)
        if !isRedaction {
            writer.literal(#","reason":"#)
            writer.quoted(located.decision.reason)
        }
        writer.byte(0x7D)  // }
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
