/// The reason and evidence texts of the decisions one audit session records, each distinct
/// text built once.
///
/// A run writes both texts for every decision, and most decisions repeat a few of them
/// (one rule, one context word, one verdict): building them anew each time was a
/// measurable share of a run. The texts are exactly `Decision.reason` and `Evidence.json`;
/// this only remembers them, keyed by everything they are made of.
///
/// Not `Sendable`: one per audit session, used by the thread that records.
final class DecisionTexts {
    private var reasons: [ReasonKey: String] = [:]
    private var evidence: [Evidence: String] = [:]

    /// Distinct texts remembered per kind; past this the memo starts over, so a run whose
    /// texts hardly repeat (many baseline reasons, many column headers) cannot grow it
    /// without bound.
    private static let limit = 10_000

    /// What `Decision.reason` reads, for a decision without a reviewer's override.
    private struct ReasonKey: Hashable {
        /// The verdict, and for a kept finding the reason's case.
        var verdict: UInt8
        /// The case's own text: the minimum confidence, the winning rule, a baseline reason.
        var detail: String
        var entity: EntityKind
        var confidence: Confidence
        var evidence: Evidence
    }

    /// `decision.reason`.
    func reason(of decision: Decision) -> String {
        guard decision.override == nil else { return decision.reason }
        let finding = decision.finding
        let (verdict, detail): (UInt8, String) = switch decision.verdict {
        case .redact: (0, "")
        case .keep(.belowThreshold(let minimum)): (1, minimum.rawValue)
        case .keep(.allowListed): (2, "")
        case .keep(.overlapped(let winner)): (3, winner)
        case .keep(.policyKeeps): (4, "")
        case .keep(.fieldUntouched): (5, "")
        case .keep(.reviewerOverride): (6, "")
        case .keep(.inlineAllow): (7, "")
        case .keep(.baseline(let reason)): (8, reason)
        case .keep(.publishedForm(let name)): (9, name)
        }
        let key = ReasonKey(verdict: verdict, detail: detail, entity: finding.entity, confidence: finding.confidence,
                            evidence: finding.evidence)
        if let known = reasons[key] { return known }
        if reasons.count >= Self.limit { reasons.removeAll() }
        let text = decision.reason
        reasons[key] = text
        return text
    }

    /// `evidence.json`.
    func json(of evidence: Evidence) -> String {
        if let known = self.evidence[evidence] { return known }
        if self.evidence.count >= Self.limit { self.evidence.removeAll() }
        let text = evidence.json
        self.evidence[evidence] = text
        return text
    }
}
