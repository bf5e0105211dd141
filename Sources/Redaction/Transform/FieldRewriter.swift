/// Applies the redactions of one field to its value.
///
/// Spans come from the overlap resolver, so they never overlap; the new value is built in
/// one pass from the original offsets, which is what a right-to-left rewrite achieves
/// without shifting offsets, and linear in the field's length.
public enum FieldRewriter {
    /// The rewritten value and where each replacement landed in it (the verifier's blockers).
    public struct Result: Sendable, Equatable {
        public var value: String
        public var replacements: [ByteSpan]
    }

    /// `value` with every redacting decision's span replaced by its operator's output.
    public static func apply(_ decisions: [Decision], to value: String) -> Result {
        let edits = decisions.compactMap { decision -> (ByteSpan, Operator, EntityKind)? in
            guard case .redact(let op) = decision.verdict, let span = decision.redactedSpan else { return nil }
            return (span, op, decision.finding.entity)
        }.sorted { $0.0 < $1.0 }
        guard !edits.isEmpty else { return Result(value: value, replacements: []) }
        let utf8 = value.utf8
        var output = ""
        output.reserveCapacity(utf8.count)
        var replacements: [ByteSpan] = []
        var cursor = utf8.startIndex
        var cursorOffset = 0
        for (span, op, entity) in edits {
            precondition(span.lower >= cursorOffset, "overlapping redactions reached the rewriter")
            let start = utf8.index(cursor, offsetBy: span.lower - cursorOffset)
            let end = utf8.index(start, offsetBy: span.count)
            output += value[cursor..<start]
            let replacement = op.replacement(for: value[start..<end], entity: entity)
            let at = output.utf8.count
            output += replacement
            replacements.append(ByteSpan(at, at + replacement.utf8.count))
            cursor = end
            cursorOffset = span.upper
        }
        output += value[cursor...]
        return Result(value: output, replacements: replacements)
    }
}
