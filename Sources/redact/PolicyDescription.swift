import Foundation
import Redaction

/// The text `redact policy show` prints: the policy with defaults applied. Never a deny-list
/// term (they may be personal data); allow-list terms are public names and are shown.
struct PolicyDescription {
    var setup: RedactionSetup

    func lines() -> [String] {
        let policy = setup.policy
        var lines: [String] = []
        lines.append("policy: \(policy.name)")
        if let path = policy.path { lines.append("file: \(path)") }
        if let description = policy.description { lines.append("description: \(description.trimmingCharacters(in: .whitespacesAndNewlines))") }
        lines.append("sha256: \(policy.digest)  (policy file and the list files it names)")
        lines.append("")
        lines.append("entities (operator and options, minimum confidence; * = set by the policy, others use defaults):")
        for entity in entities() {
            let rule = policy.rule(for: entity)
            let mark = policy.entities[entity] != nil ? "*" : " "
            lines.append("  \(mark) \(pad(entity.rawValue, 18)) \(pad(rule.operator.description, 44)) \(rule.minimumConfidence.rawValue)")
        }
        lines.append("    \(pad("(any other)", 18)) \(pad(policy.defaultRule.operator.description, 44)) \(policy.defaultRule.minimumConfidence.rawValue)")
        lines.append("")
        if policy.fields.isEmpty {
            lines.append("fields: none (CSV columns and JSON keys are handled by Rules/columns.yaml and the detectors)")
        } else {
            lines.append("fields (CSV headers and JSON keys; for one name the first matching rule wins):")
            for (index, rule) in policy.fields.enumerated() {
                lines.append("  \(index + 1). \(rule.selectorText) → \(describe(rule))" + (rule.line.map { "  (line \($0))" } ?? ""))
            }
        }
        lines.append("")
        let allow = policy.allow
        lines.append("allow list: \(allow.terms.count) terms, \(allow.patterns.count) patterns (kept with reason \"on the allow list\")")
        for source in allow.sources { lines.append("  from \(source.name): \(source.terms) terms, \(source.patterns) patterns") }
        if !allow.terms.isEmpty { lines.append("  terms: " + allow.terms.map { term($0.text, $0.entity) }.joined(separator: ", ")) }
        for pattern in allow.patterns { lines.append("  pattern: " + term("'\(pattern.source)'", pattern.entity)) }
        let deny = policy.deny
        lines.append("deny list: \(deny.terms.count) terms, \(deny.patterns.count) patterns, reported as \(deny.defaultEntity.rawValue) "
                     + "unless an entry names an entity (terms not shown: they may be personal data)")
        for source in deny.sources { lines.append("  from \(source.name): \(source.terms) terms, \(source.patterns) patterns") }
        lines.append("")
        lines.append("decision order for each finding:")
        lines.append("  1. a deny-list match (rule deny-list) is always redacted")
        lines.append("  2. in a field left untouched by a field rule: kept")
        lines.append("  3. on the allow list: kept")
        lines.append("  4. below the minimum confidence (the field rule's, else the entity's): kept")
        lines.append("  5. overlapping findings form a cluster, redacted once over the union of their spans with the")
        lines.append("     operator of the best finding: highest confidence, then longest span, then earliest start,")
        lines.append("     then rule id; the others are kept as covered by it")
        return lines
    }

    /// Every entity the rules, columns and this policy can report, well-known ones first.
    private func entities() -> [EntityKind] {
        var seen = Set<EntityKind>()
        var result: [EntityKind] = []
        let others = Set(setup.catalog.rules.map(\.entity))
            .union(setup.catalog.columns.entries.map(\.entity))
            .union(setup.policy.entities.keys)
            .union(setup.policy.fields.compactMap(\.entity))
            .union(setup.policy.deny.isEmpty ? [] : [setup.policy.deny.defaultEntity])
        for entity in EntityKind.wellKnown + others.sorted() where seen.insert(entity).inserted {
            result.append(entity)
        }
        return result
    }

    private func describe(_ rule: FieldRule) -> String {
        switch rule.action {
        case .drop:
            return "drop the column / member" + (rule.entity.map { " (recorded as \($0.rawValue))" } ?? "")
        case .untouched:
            return "untouched (findings kept: \"field left untouched by policy\")"
        case .redact:
            var parts: [String] = []
            if let entity = rule.entity { parts.append("whole cell is \(entity.rawValue)") }
            if let op = rule.operator { parts.append("operator \(op.description)") }
            if let minimum = rule.minimumConfidence { parts.append("min confidence \(minimum.rawValue)") }
            return parts.joined(separator: ", ")
        }
    }

    private func term(_ text: String, _ entity: EntityKind?) -> String {
        entity.map { "\(text) [\($0.rawValue) only]" } ?? text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
