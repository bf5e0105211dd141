import ArgumentParser
import Redaction

/// Which findings make `scan` exit 1: `--fail-on LEVEL` (the lowest confidence of a
/// finding the policy would redact that fails the scan; `never` reports without failing)
/// and `--fail-on-entity LIST` (only these entities fail it). Both apply together. Kept
/// findings never fail a scan, and errors always exit 2 whatever the gate says.
struct ScanGate: ParsableArguments {
    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 for findings the policy would redact at this confidence or above (default low: any).",
                               valueName: "low|medium|high|never"))
    var level: FailLevel = .low

    @Option(name: .customLong("fail-on-entity"), parsing: .singleValue,
            help: ArgumentHelp("Exit 1 only for these entities (comma-separated, repeatable), e.g. passport_number,email_address.",
                               valueName: "LIST"))
    var entityLists: [String] = []

    var entities: Set<EntityKind>? {
        let names = entityLists.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return names.isEmpty ? nil : Set(names.map { EntityKind($0) })
    }

    /// Whether a finding the policy would redact fails the scan.
    func fails(_ decision: Decision) -> Bool {
        guard decision.isRedaction, let minimum = level.confidence else { return false }
        let finding = decision.finding
        return finding.confidence >= minimum && (entities?.contains(finding.entity) ?? true)
    }

    func failing(in file: FileResult) -> Int {
        file.decisions.count { fails($0.decision) }
    }

    /// `--fail-on-entity` names must be entities the rules can report: a typo would
    /// otherwise make the gate silently pass everything.
    func check(against catalog: RuleCatalog) throws {
        guard let entities else { return }
        var known = Set(EntityKind.wellKnown)
        known.formUnion(catalog.rules.map(\.entity))
        known.formUnion(catalog.columns.entries.map(\.entity))
        let unknown = entities.subtracting(known).map(\.rawValue).sorted()
        if !unknown.isEmpty {
            throw ValidationError("--fail-on-entity: unknown entity \(unknown.joined(separator: ", ")); known: "
                                  + known.map(\.rawValue).sorted().joined(separator: ", "))
        }
    }
}

/// `--fail-on`'s levels.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case low, medium, high, never

    var confidence: Confidence? {
        switch self {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .never: nil
        }
    }
}
