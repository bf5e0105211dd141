/// The word lists of `Rules/lexicons/` that name detection and propagation consult: name
/// lexicons (evidence that a word is a name) and the "never a name on its own" lists (common
/// words, places, months and weekdays, nationalities). Each file and its source and licence
/// are listed in `Rules/README.md`, "Lexicons"; a rules directory without a `lexicons/`
/// folder gets empty lists, and the lexicon-backed detector then finds nothing.
///
/// A lexicon hit is evidence, never proof: detectors combine it with the shape of the text
/// and its context (`LexiconNameDetector`).
public struct Lexicons: Sendable {
    /// Given names (US Census 1990 first-name files).
    public var givenNames = Lexicon()
    /// Family names: US Census 1990 top surnames, pinyin readings of Han surnames, Korean and
    /// Vietnamese family names.
    public var surnames = Lexicon()
    /// Han surnames (simplified and traditional, compound ones too) from the 百家姓.
    public var hanSurnames = Lexicon()
    /// Chinese words of 2–3 characters that start with a surname character (pypinyin's phrases).
    public var hanWords = Lexicon()
    /// Toneless pinyin syllables: the parts of a romanised Chinese given name.
    public var pinyinSyllables = Lexicon()
    /// Common English words (SCOWL, lower-case entries only).
    public var commonWords = Lexicon()
    /// Countries (iso-codes, several languages) and cities of 100,000 people or more (GeoNames).
    public var places = Lexicon()
    /// Cities of 15,000 people or more (GeoNames), by their names in Latin script and Han
    /// characters. Only to recognise a city an address was generalized to, never as evidence
    /// against a name: small towns are named after people (`Wilson`, `Jackson`).
    public var cities = Lexicon()
    /// Months and weekdays in several languages, with their abbreviations.
    public var calendar = Lexicon()
    /// Nationality adjectives (English).
    public var nationalities = Lexicon()
    /// First and last words of place names (San, Mount, Port, Park, Springs): a run of names
    /// that starts or ends with one is a place.
    public var placeWords = Lexicon()

    public init() {}

    /// The file names under `lexicons/` and the property each fills.
    public static var files: [(name: String, keyPath: WritableKeyPath<Lexicons, Lexicon>)] { [
        ("given-names.txt", \.givenNames), ("surnames.txt", \.surnames), ("surnames-han.txt", \.hanSurnames),
        ("words-han.txt", \.hanWords), ("pinyin-syllables.txt", \.pinyinSyllables),
        ("common-words.txt", \.commonWords), ("places.txt", \.places), ("cities.txt", \.cities),
        ("calendar.txt", \.calendar),
        ("nationalities.txt", \.nationalities), ("place-words.txt", \.placeWords),
    ] }

    /// The lexicons among `files` (named `lexicons/<file>`, as `RuleSources` reads them).
    init(files: [RuleSources.File]) {
        for file in files {
            guard let entry = Self.files.first(where: { "lexicons/" + $0.name == file.name }) else { continue }
            self[keyPath: entry.keyPath] = Lexicon(bytes: file.bytes)
        }
    }

    /// Whether `word` (one token, any case) must never be taken for a name on its own: a
    /// common English word, a month or weekday, a country or big city, or a nationality.
    /// `June`, `Jordan`, `Paris`, `Monday`, `Chinese` and `grace` are; `Olivia` and `Qiang`
    /// are not. For name propagation: a single-token seed that is one of these must not be
    /// replaced wherever it recurs.
    public func isCommonWordOrPlace(_ word: some StringProtocol) -> Bool {
        var word = String(word)
        return word.withUTF8 { isCommonWordOrPlace($0, 0, $0.count) }
    }

    /// `isCommonWordOrPlace` for the bytes `start..<end` of `text`.
    public func isCommonWordOrPlace(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        calendar.contains(text, start, end) || places.contains(text, start, end)
            || nationalities.contains(text, start, end) || commonWords.contains(text, start, end)
    }
}
