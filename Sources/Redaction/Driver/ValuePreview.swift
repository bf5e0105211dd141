/// A masked glimpse of a value for `redact run --dry-run`, so an editor can tell findings
/// apart on screen without the value itself being printed.
///
/// Values of six characters or more keep their first and last character
/// (`GK482913` → `G••••••3`); three to five keep only the first (`王晓燕` → `王••`); one
/// or two are masked whole. Every other character, spaces and line breaks included,
/// becomes `•`, so the length shows but no word does; past 20 characters the mask is cut
/// short and the length given in words.
public enum ValuePreview {
    public static let maskCharacter: Character = "•"
    static let maximumShown = 20

    public static func mask(_ value: some StringProtocol) -> String {
        let characters = Array(value)
        let count = characters.count
        switch count {
        case 0: return ""
        case 1...2: return String(repeating: maskCharacter, count: count)
        case 3...5: return String(characters[0]) + String(repeating: maskCharacter, count: count - 1)
        case 6...maximumShown:
            return String(characters[0]) + String(repeating: maskCharacter, count: count - 2) + String(characters[count - 1])
        default:
            return String(characters[0]) + String(repeating: maskCharacter, count: maximumShown - 2) + String(characters[count - 1])
                + " (\(count) characters)"
        }
    }

    /// Masked previews of each decision's value, in the same order.
    public static func previews(of decisions: [LocatedDecision], in document: Document) -> [String] {
        decisions.map { located in
            let finding = located.decision.finding
            let utf8 = document.records[finding.field.record].fields[finding.field.field].value.utf8
            let bytes = Array(utf8.dropFirst(finding.span.lower).prefix(finding.span.count))
            return mask(String(decoding: bytes, as: UTF8.self))
        }
    }
}
