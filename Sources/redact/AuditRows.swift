import Foundation
import Redaction

/// How `redact audit` prints decisions: table lines, JSON Lines, CSV, the detail of `show`.
/// Fingerprints and positions only, never a value.
enum AuditRows {
    static func tableLine(_ record: DecisionRecord) -> String {
        let d = record.decision
        return [String(record.id), String(record.runID), TerminalText.escaped(record.path), String(d.record), d.field.isEmpty ? "-" : d.field,
                position(d), d.entity, d.rule, d.confidence, d.verdict, d.operator ?? "-",
                record.override.map { "\($0.action) by \($0.reviewer)" } ?? "-"].joined(separator: "\t")
    }

    static func position(_ d: AuditDecision) -> String {
        if let line = d.line, let column = d.column { return "\(line):\(column)" }
        return "@\(d.start)"
    }

    /// `run 3  people.csv  record 4  field 护照号码  12:5  passport_number  decision 42`.
    static func place(_ record: DecisionRecord) -> String {
        let d = record.decision
        var text = "run \(record.runID)  \(TerminalText.escaped(record.path))  record \(d.record)"
        if !d.field.isEmpty { text += "  field \(d.field)" }
        return text + "  \(position(d))  \(d.entity)  decision \(record.id)"
    }

    static func json(_ record: DecisionRecord) -> String {
        let d = record.decision
        var object = JSONText.ObjectBuilder(capacity: 512)
        object.add("type", "decision")
        object.add("id", Int(record.id))
        object.add("run", Int(record.runID))
        object.add("document", Int(record.documentID))
        object.add("file", record.path)
        object.add("record", d.record)
        object.add("field", d.field)
        object.add("line", d.line)
        object.add("column", d.column)
        object.add("start", d.start)
        object.add("end", d.end)
        object.add("byte_start", d.byteStart)
        object.add("byte_end", d.byteEnd)
        object.add("output_start", d.outputStart)
        object.add("output_end", d.outputEnd)
        object.add("rule", d.rule)
        object.add("entity", d.entity)
        object.add("confidence", d.confidence)
        object.add("verdict", d.verdict)
        object.add("operator", d.operator)
        object.add("reason", d.reason)
        object.add("value_hmac", d.valueHMAC)
        object.addRaw("evidence", d.evidence)
        if let override = record.override {
            var nested = JSONText.ObjectBuilder(capacity: 128)
            nested.add("action", override.action)
            nested.add("reviewer", override.reviewer)
            nested.add("reason", override.reason)
            nested.add("source", override.source)
            nested.add("target", override.target)
            object.addRaw("override", nested.finished())
        } else {
            object.addRaw("override", "null")
        }
        return object.finished()
    }

    static let csvHeader = "id,run,document,file,record,field,line,column,start,end,output_start,output_end,rule,entity,"
        + "confidence,verdict,operator,reason,value_hmac,override_action,override_reviewer,override_reason"

    static func csv(_ record: DecisionRecord) -> String {
        let d = record.decision
        let cells: [String?] = [
            String(record.id), String(record.runID), String(record.documentID), record.path, String(d.record), d.field,
            d.line.map(String.init), d.column.map(String.init), String(d.start), String(d.end),
            d.outputStart.map(String.init), d.outputEnd.map(String.init), d.rule, d.entity, d.confidence, d.verdict,
            d.operator, d.reason, d.valueHMAC, record.override?.action, record.override?.reviewer, record.override?.reason,
        ]
        return cells.map { quote($0 ?? "") }.joined(separator: ",")
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
    /// spreadsheet does not run a path or reason as a formula.
    static func quote(_ cell: String) -> String {
        var cell = cell
        if let first = cell.first, "=+-@".contains(first), Int(cell) == nil { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The lines of `show` before the context.
    static func detail(_ record: DecisionRecord, document: DocumentRecord?) -> [String] {
        let d = record.decision
        var lines = [
            "decision:   \(record.id) (run \(record.runID), document \(record.documentID))",
            "file:       \(TerminalText.escaped(record.path))  record \(d.record)" + (d.field.isEmpty ? "" : "  field \(d.field)")
                + "  at \(position(d)) (code points \(d.start)..<\(d.end))",
            "finding:    \(d.entity) by rule \(d.rule), \(d.confidence) confidence",
            "verdict:    \(d.verdict)" + (d.operator.map { " with \($0)" } ?? ""),
            "reason:     \(d.reason)",
            "evidence:   \(d.evidence)",
            "value:      fingerprint \(d.valueHMAC) (HMAC; the value is not stored)",
        ]
        if let override = record.override {
            lines.append("override:   \(override.action) by \(override.reviewer): \(override.reason) (\(override.source), \(override.target))")
        }
        if let document {
            lines.append("output:     " + (document.outputPath ?? "none (\(document.status))")
                         + (d.outputStart.map { " at code points \($0)..<\(d.outputEnd ?? $0) of the field" } ?? ""))
        }
        return lines
    }
}

/// A window of a redacted field around one decision, with every kept finding masked.
enum MaskedContext {
    static func render(text: String, target: DecisionRecord, siblings: [DecisionRecord], width: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let start = target.decision.outputStart, let end = target.decision.outputEnd,
              start <= end, end <= scalars.count else { return "not available (no output position)" }
        let low = max(0, start - width)
        let high = min(scalars.count, end + width)
        // Kept findings are values still in the output: each becomes `[kept ENTITY]`
        // (overlapping ones merged). Redactions appear as the run wrote them.
        // A kept finding wholly inside a redaction is gone with it: nothing to mask.
        let redactions = siblings.filter { $0.decision.verdict == "redact" }.map { $0.decision.byteStart..<$0.decision.byteEnd }
        var masks: [(range: Range<Int>, entity: String)] = []
        for sibling in siblings.sorted(by: { ($0.decision.outputStart ?? 0) < ($1.decision.outputStart ?? 0) }) {
            let d = sibling.decision
            guard d.verdict == "keep", !d.reason.hasPrefix("covered"), let s = d.outputStart, let e = d.outputEnd, s < e,
                  !redactions.contains(where: { $0.lowerBound <= d.byteStart && d.byteEnd <= $0.upperBound }) else { continue }
            if let last = masks.last, s < last.range.upperBound {
                masks[masks.count - 1].range = last.range.lowerBound..<max(e, last.range.upperBound)
            } else {
                masks.append((s..<e, d.entity))
            }
        }
        var output = low > 0 ? "…" : ""
        var opened = false
        var closed = false
        var index = low
        var maskIndex = masks.firstIndex { $0.range.upperBound > low } ?? masks.count
        while true {
            if index >= end, opened, !closed { output += "⟧"; closed = true }
            if index >= start, !opened { output += "⟦"; opened = true }
            if index >= end, opened, !closed { output += "⟧"; closed = true }
            guard index < high else { break }
            if maskIndex < masks.count, masks[maskIndex].range.lowerBound <= index {
                let mask = masks[maskIndex]
                if !opened, mask.range.contains(start) { output += "⟦"; opened = true }
                output += "[kept \(mask.entity)]"
                index = max(index + 1, mask.range.upperBound)
                maskIndex += 1
                continue
            }
            output += scalars[index] == "\n" ? "⏎" : String(scalars[index])
            index += 1
        }
        return output + (high < scalars.count ? "…" : "")
    }
}
