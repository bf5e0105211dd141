/// A name weak on its own counts when personal data stands next to it.
///
/// `Given Surname` is the commonest form of a name and the commonest shape of capitalised
/// words (`New York`, `Grace Hopper Street`), so the lexicon detector reports it at low
/// confidence. On the same line as a birth date, passport, phone or e-mail of medium confidence
/// or more, a name belongs to a private person: `Hege Hagen was born in 1946`. This is the
/// `near:` evidence of pattern rules (Rules/README.md), applied to the lexicon finding.
extension Pipeline {
    /// The lexicon forms raised by nearby personal data.
    static let raisedByNearby: Set<String> = [LexiconNameDetector.RuleID.givenSurname]
    /// The entities whose presence makes a name personal.
    static let nearbyEntities: Set<EntityKind> = [.passportNumber, .dateOfBirth, .phoneNumber, .emailAddress, .nationalID, .address]
    /// How far, in bytes, the personal data may stand (before or after, same line).
    static let nearbyReach = 120

    /// `names` with each raisable low finding raised to medium when a finding of `others` of a
    /// personal entity (medium or more) lies within reach on the same line; an official's
    /// title (`suppressedBy`) keeps it low.
    static func raisedByNearbyData(_ names: [Finding], among others: [Finding], in value: String) -> [Finding] {
        guard names.contains(where: { raisedByNearby.contains($0.ruleID) && $0.confidence == .low }) else { return names }
        let anchors = others.filter { nearbyEntities.contains($0.entity) && $0.confidence >= .medium }
        guard !anchors.isEmpty else { return names }
        var value = value
        return value.withUTF8 { bytes in
            names.map { name in
                guard raisedByNearby.contains(name.ruleID), name.confidence == .low, name.evidence.suppressedBy == nil,
                      let anchor = anchors.first(where: { isNear($0.span, name.span, in: bytes) }) else { return name }
                var raised = name
                raised.confidence = .medium
                raised.evidence.nearEntity = anchor.entity
                return raised
            }
        }
    }

    /// Whether `a` and `b` are at most `nearbyReach` bytes apart with no line break between.
    static func isNear(_ a: ByteSpan, _ b: ByteSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let gap = a.upper <= b.lower ? a.upper..<b.lower : b.upper <= a.lower ? b.upper..<a.lower : 0..<0
        guard gap.count <= nearbyReach else { return false }
        return !gap.contains { bytes[$0] == 0x0A || bytes[$0] == 0x0D }
    }
}
