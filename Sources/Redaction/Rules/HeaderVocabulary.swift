/// How the words of a column header are brought to one spelling before they are compared
/// with the synonyms of `columns.yaml`: abbreviations expanded (`ppt` → `passport`,
/// `tel` → `phone`), the many ways of writing "number" made one token (`no`, `nr`, `#`, `n°`,
/// `号码`, `番号` → `number`), and runs of single letters joined (`d o b` → `dob`).
///
/// Data from the `vocabulary:` section of `columns.yaml`, so a newsroom adds a spelling
/// without code. Applied alike to headers and to synonyms, so `Ppt no.` and `passport number`
/// meet as `passport number`.
public struct HeaderVocabulary: Sendable, Equatable {
    /// Normalised token → its normalised expansion (one or more words).
    public var abbreviations: [String: String]
    /// CJK endings meaning "number" (`号码`, `號`, `番号`): split off as the token `number`.
    public var numberSuffixes: [String]
    /// Latin endings of compound words split off as a word of their own (`nummer`:
    /// `Paspoortnummer` → `paspoort nummer` → `paspoort number`), when three letters or more
    /// stay before them.
    public var compoundSuffixes: [String]

    public init(abbreviations: [String: String] = [:], numberSuffixes: [String] = [], compoundSuffixes: [String] = []) {
        self.abbreviations = abbreviations
        self.compoundSuffixes = compoundSuffixes.sorted { $0.count > $1.count }
        // Longest first, so `号码` is split off before `号` would leave `码` behind.
        self.numberSuffixes = numberSuffixes.sorted { $0.count > $1.count }
    }

    /// The header's tokens in the one spelling, and whether any was rewritten (for the
    /// decision's reason: "header abbreviation").
    public func tokens(of normalised: String) -> (tokens: [String], rewritten: Bool) {
        var raw: [String] = []
        var rewritten = false
        var letters = ""
        func flushLetters() {
            guard !letters.isEmpty else { return }
            // `d o b` and `e mail` keep their meaning only joined; a lone letter stays as it is.
            if letters.count > 1 { rewritten = true }
            raw.append(letters)
            letters = ""
        }
        for word in normalised.split(separator: " ") {
            if word.count == 1, let scalar = word.unicodeScalars.first, scalar.value < 0x80, scalar.properties.isAlphabetic,
               abbreviations[String(word)] == nil {
                letters += word
                continue
            }
            flushLetters()
            raw.append(String(word))
        }
        flushLetters()
        var result: [String] = []
        result.reserveCapacity(raw.count + 2)
        for token in raw {
            var stem = token
            var trailing: String?
            if !token.unicodeScalars.contains(where: { $0.value < 0x80 }) {
                for suffix in numberSuffixes where stem.hasSuffix(suffix) {
                    stem = String(stem.dropLast(suffix.count))
                    trailing = "number"
                    rewritten = true
                    break
                }
            } else if abbreviations[token] == nil {
                for suffix in compoundSuffixes where token.count >= suffix.count + 3 && token.hasSuffix(suffix) {
                    stem = String(token.dropLast(suffix.count))
                    trailing = abbreviations[suffix] ?? suffix
                    rewritten = true
                    break
                }
            }
            if !stem.isEmpty {
                if let expansion = abbreviations[stem] {
                    rewritten = true
                    result.append(contentsOf: expansion.split(separator: " ").map(String.init))
                } else {
                    result.append(stem)
                }
            }
            if let trailing { result.append(contentsOf: trailing.split(separator: " ").map(String.init)) }
        }
        return (result, rewritten)
    }
}
