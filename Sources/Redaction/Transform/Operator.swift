/// What happens to the bytes of a redacted span. A closed set, validated when the policy
/// loads, so an unknown operator can never reach a document.
public enum Operator: Sendable, Equatable, CustomStringConvertible {
    /// Nothing is left.
    case remove
    /// The entity's label in brackets, `[PASSPORT_NUMBER]`.
    case label
    /// Every character but the last `keepLast` replaced by `character`.
    case mask(keepLast: Int, character: Character)

    /// The operator names a policy file may use.
    public static let names = ["label", "mask", "remove"]

    public var name: String {
        switch self {
        case .remove: "remove"
        case .label: "label"
        case .mask: "mask"
        }
    }

    public var description: String {
        switch self {
        case .remove, .label: name
        case .mask(let keepLast, let character): "mask(keep_last: \(keepLast), char: \(character))"
        }
    }

    /// The replacement text for `value`, a finding of `entity`.
    public func replacement(for value: Substring, entity: EntityKind) -> String {
        switch self {
        case .remove:
            return ""
        case .label:
            return "[\(entity.labelName)]"
        case .mask(let keepLast, let character):
            let scalars = Array(value.unicodeScalars)
            let kept = min(keepLast, scalars.count)
            var result = String(repeating: character, count: scalars.count - kept)
            result.unicodeScalars.append(contentsOf: scalars[(scalars.count - kept)...])
            return result
        }
    }
}
