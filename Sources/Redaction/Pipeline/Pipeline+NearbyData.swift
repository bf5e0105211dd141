import Foundation

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

    /// The entities that make a whole document one about private persons: a birth date, a
    /// passport or national ID number is nobody's public fact. (Phones, e-mails and addresses
    /// are also an office's, and do not count.)
    static let privateIdentifierEntities: [EntityKind] = [.dateOfBirth, .passportNumber, .nationalID]

    /// Raises every low `Given Surname` lexicon finding of `byField` to medium when the
    /// document holds a private person's identifier at medium confidence or more anywhere:
    /// a case file, a roster or a witness statement names private persons in running text
    /// without a birth date on each line (`Hege Hagen said …` three paragraphs after her
    /// passport number). News or a press release, with no such identifier, is left as it was,
    /// and so is a name that reads as a public one: after an official's title in its sentence
    /// (`A spokesperson for Global Affairs Canada, Claire Dupuis, said`), in a byline, or a
    /// place as a whole (`Hong Kong`, `Santa Monica`).
    func raisedInPersonalDocument(_ byField: inout [FieldRef: [Finding]], in document: Document) {
        // The strongest kind present: the lowest index of `privateIdentifierEntities`.
        var rank: Int?
        for findings in byField.values {
            for finding in findings where finding.confidence >= .medium {
                guard let index = Self.privateIdentifierEntities.firstIndex(of: finding.entity) else { continue }
                rank = min(rank ?? index, index)
            }
        }
        guard let rank, let names else { return }
        let strongest = Self.privateIdentifierEntities[rank]
        let lexicons = catalog.lexicons
        for (ref, findings) in byField {
            guard findings.contains(where: { Self.raisedByNearby.contains($0.ruleID) && $0.confidence == .low }) else { continue }
            var value = document.records[ref.record].fields[ref.field].value
            byField[ref] = value.withUTF8 { bytes in
                let window = ContextWindow(bytes: bytes)
                return findings.map { name in
                    guard Self.raisedByNearby.contains(name.ruleID), name.confidence == .low, name.evidence.suppressedBy == nil,
                          !Self.isByline(name.span, in: bytes),
                          !lexicons.isCommonWordOrPlace(bytes, name.span.lower, name.span.upper), !lexicons.cities.contains(bytes, name.span.lower, name.span.upper),
                          window.word(around: name.span, words: names.officials, before: Self.sentenceReach, after: 0,
                                      blockers: Blockers([]), sameLine: true) == nil
                    else { return name }
                    var raised = name
                    raised.confidence = .medium
                    raised.evidence.documentEntity = strongest
                    return raised
                }
            }
        }
    }

    /// How far back, in characters, an official's title still names the person of a sentence.
    static let sentenceReach = 60

    /// Whether the name at `span` is a byline's: the line before it is `By`, `Written by`,
    /// `Reported by` and nothing else (`By Michael Chu | Sept. 13, 2016`). A reporter signs
    /// an article in a public role, even one quoting a private person's birth date.
    static func isByline(_ span: ByteSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = span.lower
        // A byline's prefix is short: the walk stops after 17 bytes, so a line of many names is linear.
        while start > 0, bytes[start - 1] != 0x0A, span.lower - start <= 16 { start -= 1 }
        guard span.lower - start <= 16, start == 0 || bytes[start - 1] == 0x0A else { return false }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<span.lower]), as: UTF8.self)
            .trimmingCharacters(in: .whitespaces).lowercased()
        return ["by", "written by", "reported by", "text by", "words by", "von", "par", "por"].contains(prefix)
    }
}
