/// Accumulates HTML, escaping what comes from data: `text` for element content, `attribute`
/// for quoted attribute values. Markup is appended only through `raw`, with literals.
struct HTMLBuilder {
    private(set) var finished = ""

    mutating func raw(_ markup: String) { finished += markup }

    mutating func text(_ text: String) { append(text, quotes: false) }

    mutating func attribute(_ value: String) { append(value, quotes: true) }

    private mutating func append(_ text: String, quotes: Bool) {
        // Fast path: most text holds nothing to escape.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            finished += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": finished += "&amp;"
            case "<": finished += "&lt;"
            case ">": finished += "&gt;"
            case "\"" where quotes: finished += "&quot;"
            case "'" where quotes: finished += "&#39;"
            default: finished.unicodeScalars.append(character)
            }
        }
    }
}
