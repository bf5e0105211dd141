import Foundation

/// What a policy's field rules make of one field.
public struct FieldTreatment: Sendable {
    /// The winning rule.
    public var rule: FieldRule
    /// The CSV header or JSON key the rule matched, for evidence and reasons.
    public var name: String
    /// For `drop`: the entity of the removed cell (the rule's, else `columns.yaml`'s).
    public var entity: EntityKind?

    public var action: FieldRule.Action { rule.action }
}

/// Applies a policy's field rules to the fields of documents.
///
/// A CSV cell is named by its column header (`#3` when the header is empty); a JSON leaf by
/// the keys of its pointer (array indices skipped), innermost first. For one name the first
/// matching rule in file order wins. A JSON member dropped at any level drops everything
/// inside it; otherwise the innermost key with a winning rule decides, so a rule for
/// `street` overrides one for `address` on `/address/street`. Text documents have no fields
/// to name, and field rules do not apply to them.
///
/// Not `Sendable`: it owns a `PCREMatcher` for regex selectors. One per pipeline.
final class FieldRuleResolver {
    let rules: [FieldRule]
    let columns: ColumnMap
    private let matcher = PCREMatcher()
    /// Name → index of the first rule matching it, if any.
    private var winners: [String: Int?] = [:]

    init(rules: [FieldRule], columns: ColumnMap) {
        self.rules = rules
        self.columns = columns
    }

    /// The treatment of every field a rule applies to, and the fields the rewriter removes:
    /// for CSV every cell of a dropped column (header included); for JSON Lines the key
    /// field of every dropped member.
    func resolve(_ document: Document) -> (treatments: [FieldRef: FieldTreatment], removed: Set<FieldRef>) {
        guard !rules.isEmpty, document.format != .text else { return ([:], []) }
        var treatments: [FieldRef: FieldTreatment] = [:]
        var removed = Set<FieldRef>()
        for (recordIndex, record) in document.records.enumerated() {
            for (fieldIndex, field) in record.fields.enumerated() {
                let ref = FieldRef(record: recordIndex, field: fieldIndex)
                if document.format == .csv {
                    let name = document.isHeaderRecord(recordIndex) ? Self.headerName(document.header, fieldIndex) : field.path
                    guard let index = winner(name) else { continue }
                    var treatment = FieldTreatment(rule: rules[index], name: name)
                    if treatment.action == .drop {
                        treatment.entity = rules[index].entity ?? columns.entity(forHeader: name) ?? FieldRule.unnamedEntity
                        removed.insert(ref)
                    }
                    treatments[ref] = treatment
                    continue
                }
                let keys = Self.keys(of: field.path)
                if field.encoding == .jsonKey, !Self.isIndex(field.value), let own = winner(field.value), rules[own].action == .drop {
                    removed.insert(ref)
                    treatments[ref] = FieldTreatment(rule: rules[own], name: field.value, entity: rules[own].entity)
                    continue
                }
                var innermost: (index: Int, name: String)?
                var dropping: (index: Int, name: String)?
                for key in keys.reversed() {
                    guard let index = winner(key) else { continue }
                    if innermost == nil { innermost = (index, key) }
                    if rules[index].action == .drop { dropping = (index, key) }
                }
                if let dropping {
                    treatments[ref] = FieldTreatment(
                        rule: rules[dropping.index], name: dropping.name,
                        entity: rules[dropping.index].entity ?? columns.entity(forPointer: field.path) ?? FieldRule.unnamedEntity)
                } else if let innermost {
                    treatments[ref] = FieldTreatment(rule: rules[innermost.index], name: innermost.name)
                }
            }
        }
        return (treatments, removed)
    }

    /// The first rule matching `name`, cached per name.
    private func winner(_ name: String) -> Int? {
        if let cached = winners[name] { return cached }
        let normalised = ColumnMap.normalise(name)
        let found = rules.firstIndex { $0.matches(name, normalised: normalised, columns: columns, matcher: matcher) }
        winners[name] = found
        return found
    }

    /// A header cell's column name, as data cells of that column are named.
    static func headerName(_ header: [String], _ index: Int) -> String {
        index < header.count && !header[index].isEmpty ? header[index] : "#\(index + 1)"
    }

    /// The unescaped keys of a JSON Pointer, array indices left out.
    static func keys(of pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
            .filter { !isIndex($0) }
    }

    static func isIndex(_ key: String) -> Bool { !key.isEmpty && key.allSatisfy(\.isASCIIDigitLike) }
}

private extension Character {
    var isASCIIDigitLike: Bool { ("0"..."9").contains(self) }
}
