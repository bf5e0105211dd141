/// Turns the findings of one field into exactly one decision each. In this order:
/// 1. a deny-list finding is always a candidate for redaction;
/// 2. a finding in a field the policy leaves untouched is kept;
/// 3. an allow-listed value is kept, and so is a finding that overlaps a place where an
///    allow-list term occurs in the field (`AllowOccurrences`);
/// 4. a finding below the minimum confidence (the field rule's, else its entity's) is kept;
///    a finding whose operator (the field rule's, else its entity's) is `keep` is kept;
/// 5. the remaining candidates go through overlap resolution (`OverlapResolver`), and each
///    cluster is redacted once with the operator of its best finding (the field rule's
///    operator, else the best finding's entity's).
///
/// Not `Sendable`: it owns a `PCREMatcher` when the allow list has patterns. One per pipeline.
public struct PolicyEngine {
    public let policy: Policy
    private let matcher: PCREMatcher?
    /// Where the allow list's terms occur in a field; nil when it has none.
    private let occurrences: AllowOccurrences?
    /// The run's reviewer overrides (`run --review`), applied before everything else.
    public var review: ReviewOverrides?

    public init(policy: Policy) {
        self.policy = policy
        self.matcher = policy.allow.patterns.isEmpty ? nil : PCREMatcher()
        self.occurrences = AllowOccurrences(list: policy.allow)
    }

    /// Whether `value`, a finding of `entity`, is on the policy's allow list.
    public func isAllowListed(_ value: some StringProtocol, entity: EntityKind) -> Bool {
        !policy.allow.isEmpty && policy.allow.containsValue(value, entity: entity, matcher: matcher)
    }

    /// The byte spans of `value` where an allow-list term occurs; empty without terms.
    public func allowedSpans(in value: String) -> [ByteSpan] {
        occurrences?.spans(in: value) ?? []
    }

    /// Whether the finding of `entity` at `span` of `value` is allow-listed: its own text is
    /// on the list, or it overlaps one of `occurrences` (from `allowedSpans(in:)`) whose
    /// term the list allows for `entity`.
    public func isAllowListed(_ span: ByteSpan, entity: EntityKind, in value: String, occurrences: [ByteSpan]) -> Bool {
        guard !policy.allow.isEmpty else { return false }
        if isAllowListed(Self.text(of: span, in: value), entity: entity) { return true }
        return occurrences.contains { $0.overlaps(span) && isAllowListed(Self.text(of: $0, in: value), entity: entity) }
    }

    /// Decisions for `findings`, all of which lie in the field whose value is `value`;
    /// `field` is what the policy's field rules make of that field, if anything.
    /// The result is in the order of `findings`.
    public func decide(_ findings: [Finding], in value: String, field: FieldTreatment? = nil) -> [Decision] {
        var decisions: [Decision] = []
        appendDecisions(for: findings, in: value, field: field, to: &decisions)
        return decisions
    }

    /// `decide(_:in:field:)`, appended to `output`: a document's decisions go into one array
    /// without an array per field. Each decision is built once, after its verdict is known:
    /// a `Decision` is large, and copying it through optionals was most of this stage's cost.
    public func appendDecisions(for findings: [Finding], in value: String, field: FieldTreatment?,
                                to output: inout [Decision]) {
        // Asked once per field: an optional override per finding costs even when there are none.
        let reviewing = review != nil
        let allowed = allowedSpans(in: value)
        // One finding: no cluster to resolve.
        if findings.count == 1 {
            let note = reviewing ? reviewNote(for: findings[0], in: value) : nil
            let verdict = switch note.map(Self.triage) ?? triage(findings, 0, in: value, field: field, allowed: allowed) {
            case .keep(let reason): Verdict.keep(reason)
            case .candidate: Verdict.redact(redactingOperator(for: findings[0].entity, in: field))
            }
            let decision = Decision(finding: findings[0], verdict: verdict,
                                    redactedSpan: verdict.isRedaction ? findings[0].span : nil, override: note)
            output.append(consume decision)
            return
        }
        // The verdict and redacted span of each finding; candidates get theirs once their
        // cluster is resolved.
        var outcomes: [(verdict: Verdict, span: ByteSpan?)] = []
        outcomes.reserveCapacity(findings.count)
        var candidates: [Int] = []
        candidates.reserveCapacity(findings.count)
        var notes: [Int: ReviewNote] = [:]
        for index in findings.indices {
            let triage: Triage
            if reviewing, let note = reviewNote(for: findings[index], in: value) {
                notes[index] = note
                triage = Self.triage(note)
            } else {
                triage = self.triage(findings, index, in: value, field: field, allowed: allowed)
            }
            switch triage {
            case .keep(let reason):
                outcomes.append((.keep(reason), nil))
            case .candidate:
                outcomes.append((.keep(.policyKeeps), nil))  // a placeholder, see below
                candidates.append(index)
            }
        }
        var clusters = OverlapResolver.Sweep(candidates, in: findings)
        while let cluster = clusters.next() {
            let op = redactingOperator(for: findings[cluster.best].entity, in: field)
            for member in cluster.members where member != cluster.best {
                outcomes[member].verdict = .keep(.overlapped(by: findings[cluster.best].ruleID))
            }
            outcomes[cluster.best] = (.redact(op), cluster.span)
        }
        for index in findings.indices {
            let decision = Decision(finding: findings[index], verdict: outcomes[index].verdict,
                                    redactedSpan: outcomes[index].span, override: notes.isEmpty ? nil : notes[index])
            output.append(consume decision)
        }
    }

    /// What the policy makes of one finding before overlaps are resolved.
    private enum Triage {
        /// Kept for this reason whatever else it overlaps.
        case keep(KeepReason)
        /// To be redacted unless an overlapping finding represents it.
        case candidate
    }

    /// 0. A reviewer's override beats the policy: keep is kept, redact is a candidate
    ///    whatever its confidence, allow-listing or operator.
    private func reviewNote(for finding: borrowing Finding, in value: String) -> ReviewNote? {
        review?.note(for: Self.text(of: finding.span, in: value), entity: finding.entity)
    }

    private static func triage(_ note: ReviewNote) -> Triage {
        note.action == .keep ? .keep(.reviewerOverride) : .candidate
    }

    /// Steps 1–4 of the order in the type's documentation, for `findings[index]`, which no
    /// override decided. Its parts are read from the array: taking the finding as an argument
    /// copied the whole (large) value for every finding.
    private func triage(_ findings: [Finding], _ index: Int, in value: String, field: FieldTreatment?,
                        allowed: [ByteSpan]) -> Triage {
        if findings[index].ruleID == DenyListDetector.ruleID { return .candidate }
        if let field, field.action == .untouched { return .keep(.fieldUntouched(field: field.name)) }
        let entity = findings[index].entity
        let entityRule = policy.rule(for: entity, in: field)
        if !policy.allow.isEmpty && isAllowListed(findings[index].span, entity: entity, in: value, occurrences: allowed) {
            return .keep(.allowListed)
        }
        if findings[index].confidence < entityRule.minimumConfidence {
            return .keep(.belowThreshold(minimum: entityRule.minimumConfidence))
        }
        // Operator `keep`: recorded, never redacted. Not a candidate either, so it never
        // represents a cluster and shields an overlapping finding the policy redacts.
        if case .keep = entityRule.operator { return .keep(.policyKeeps) }
        return .candidate
    }

    /// The operator that redacts a cluster represented by a finding of `entity`. A
    /// deny-listed term (or a reviewer's redact) of an entity the policy keeps is still
    /// redacted: labelled.
    private func redactingOperator(for entity: EntityKind, in field: FieldTreatment?) -> Operator {
        let op = policy.rule(for: entity, in: field).operator
        if case .keep = op { return .label }
        return op
    }

    private static func text(of span: ByteSpan, in value: String) -> Substring {
        let utf8 = value.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: span.lower)
        return value[start..<utf8.index(start, offsetBy: span.count)]
    }
}
