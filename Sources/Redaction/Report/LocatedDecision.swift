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
        let indices = decisions.indices.filter { includingKept || decisions[$0].isRedaction }
        // Start and end of each decision, side by side, as source offsets.
        var offsets: [Int] = []
        offsets.reserveCapacity(indices.count * 2)
        for index in indices {
            let ref = decisions[index].finding.field
            let sourceMap = document.records[ref.record].fields[ref.field].sourceMap
            let span = decisions[index].finding.span
            offsets.append(sourceMap.sourceOffset(ofValueOffset: span.lower))
            offsets.append(sourceMap.sourceOffset(ofValueOffset: span.upper))
        }
        let positions = PositionConverter.positions(of: offsets, in: document.bytes)
        // Sorted as indices, so that each decision is copied once, into its place.
        let order = indices.indices.sorted { a, b in
            (positions[2 * a].byte, positions[2 * a + 1].byte, decisions[indices[a]].finding.ruleID)
                < (positions[2 * b].byte, positions[2 * b + 1].byte, decisions[indices[b]].finding.ruleID)
        }
        var located: [LocatedDecision] = []
        located.reserveCapacity(indices.count)
        for slot in order {
            let index = indices[slot]
            let ref = decisions[index].finding.field
            let record = document.records[ref.record]
            located.append(LocatedDecision(
                decision: decisions[index],
                record: record.number,
                field: record.fields[ref.field].path,
                start: positions[2 * slot],
                end: positions[2 * slot + 1],
                output: outputSpans.isEmpty ? nil : outputSpans[index]
            ))
        }
        return located
    }
}
