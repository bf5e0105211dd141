/// A decision placed in its file: record, field and positions, as reports and the audit
/// log need it. Still no value.
public struct LocatedDecision: Sendable, Equatable {
    public var decision: Decision
    /// `Record.number` (0 is a CSV header row).
    public var record: Int
    /// `Field.path`.
    public var field: String
    public var start: FilePosition
    public var end: FilePosition
    /// Where the decision sits in its output field's value, in code points (see
    /// `DocumentOutcome.outputSpans`); nil without an output.
    public var output: Range<Int>? = nil
}

extension DocumentOutcome {
    /// Every decision with file positions, in file order; only the redactions when
    /// `includingKept` is false (a scan that does not list kept findings need not place them).
    public func locatedDecisions(includingKept: Bool = true) -> [LocatedDecision] {
        let indices = self.decisions.indices.filter { includingKept || self.decisions[$0].isRedaction }
        let decisions = indices.map { self.decisions[$0] }
        var byteRanges: [(Int, Int)] = []
        byteRanges.reserveCapacity(decisions.count)
        for decision in decisions {
            let field = document.records[decision.finding.field.record].fields[decision.finding.field.field]
            byteRanges.append((field.sourceMap.sourceOffset(ofValueOffset: decision.finding.span.lower),
                               field.sourceMap.sourceOffset(ofValueOffset: decision.finding.span.upper)))
        }
        let positions = PositionConverter.positions(of: byteRanges.flatMap { [$0.0, $0.1] }, in: document.bytes)
        var located: [LocatedDecision] = []
        located.reserveCapacity(decisions.count)
        for (index, range) in zip(indices, byteRanges) {
            let decision = self.decisions[index]
            let record = document.records[decision.finding.field.record]
            located.append(LocatedDecision(
                decision: decision,
                record: record.number,
                field: record.fields[decision.finding.field.field].path,
                start: positions[range.0]!,
                end: positions[range.1]!,
                output: outputSpans.isEmpty ? nil : outputSpans[index]
            ))
        }
        return located.sorted { ($0.start.byte, $0.end.byte, $0.decision.finding.ruleID) < ($1.start.byte, $1.end.byte, $1.decision.finding.ruleID) }
    }
}
