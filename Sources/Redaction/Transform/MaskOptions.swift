/// The options of the `mask` operator. Counts are in characters (grapheme clusters), not
/// bytes: `王小明` with `keep_last: 1` is `••明`.
public struct MaskOptions: Sendable, Equatable {
    /// Characters kept at the start.
    public var keepFirst: Int
    /// Characters kept at the end.
    public var keepLast: Int
    /// What replaces each masked character.
    public var character: Character
    /// When true, only letters and digits are masked (and counted by `keepFirst` and
    /// `keepLast`); spaces, `-`, `+`, `(`, `)` and other separators stay, so the value
    /// keeps its shape: `+1 604 555 0134` → `+1 604 ••• ••34` (keep 4 first, 2 last).
    public var keepSeparators: Bool

    public static let defaultKeepFirst = 0
    public static let defaultKeepLast = 4
    public static let defaultCharacter: Character = "*"

    public init(keepFirst: Int = defaultKeepFirst, keepLast: Int = defaultKeepLast,
                character: Character = defaultCharacter, keepSeparators: Bool = false) {
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.character = character
        self.keepSeparators = keepSeparators
    }

    /// `value` with every character masked except the first `keepFirst` and last `keepLast`
    /// of those that count. When the kept counts cover the whole value nothing is masked;
    /// the verifier then refuses the document if a rule still matches the value.
    public func mask(_ value: Substring) -> String {
        let characters = Array(value)
        let counted: [Int] = keepSeparators
            ? characters.indices.filter { Self.isMaskable(characters[$0]) }
            : Array(characters.indices)
        var masked = Set<Int>()
        if counted.count > keepFirst + keepLast {
            masked = Set(counted[keepFirst..<(counted.count - keepLast)])
        }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for index in characters.indices {
            if masked.contains(index) { result.append(character) } else { result.append(characters[index]) }
        }
        return result
    }

    /// Letters and digits (any script) are masked; everything else is a separator.
    static func isMaskable(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
