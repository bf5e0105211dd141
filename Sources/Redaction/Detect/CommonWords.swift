/// Says whether a single word may not be propagated alone as a name: a common word, a
/// month or weekday, a country or city. Injected into `NameLexicon`, so the built-in lists
/// below can be replaced by lexicons built from real data (`Rules/lexicons`) without
/// touching propagation.
public protocol CommonWordCheck: Sendable {
    /// Whether `word` (a name part as `NameLexicon` stores it: ASCII letters lower-cased,
    /// other letters as written) is a common word or a place, never a name on its own.
    func isCommonWordOrPlace(_ word: String) -> Bool
    /// Whether `word` is also a common word, though a name may be followed (the surname
    /// `Cross`): such a word is not followed inside another capitalised phrase.
    func isCommonWord(_ word: String) -> Bool
}

extension CommonWordCheck {
    public func isCommonWord(_ word: String) -> Bool { false }
}

/// The check until real lexicons are wired in: `propagation.yaml`'s `part_stop_words` and
/// the month and weekday names (and their usual abbreviations) of the main languages of
/// the rules (EN, DE, FR, ES, IT, PT, NL). A name part such as `June` or `Mai` then never
/// recurs alone, so a date is not redacted because someone of that name was found.
public struct BuiltInCommonWords: CommonWordCheck {
    public let stopWords: Set<String>

    public init(stopWords: Set<String>) { self.stopWords = stopWords }

    public init(config: PropagationConfig) { self.init(stopWords: config.partStopWords) }

    public func isCommonWordOrPlace(_ word: String) -> Bool {
        stopWords.contains(word) || Self.calendarWords.contains(word)
    }

    /// Month and weekday names, lower-cased, as written in each language.
    static let calendarWords: Set<String> = [
        // English
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // German
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        // French
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        // Spanish
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
        "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        // Italian
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        // Portuguese
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
        "segunda", "terça", "quarta", "quinta", "sexta",
        // Dutch
        "januari", "februari", "maart", "mei", "augustus", "maandag", "dinsdag", "woensdag", "donderdag",
        "vrijdag", "zaterdag", "zondag",
    ]
}

/// The check a run uses: the built-in lists, and the shipped lexicons (`Rules/lexicons`) of
/// calendar words, places and nationalities — so a seed `Jordan` or `Paris` never recurs alone
/// while `Olivia` and `Qiang` do — and of common words that are not also a given name or a
/// surname there. A name part recurs capitalised (`NameLexicon`), so the surname `Gentry` is
/// followed although `gentry` is an English word: a missed surname is published, a
/// capitalised `Gentry` that is not the person is rare.
public struct LexiconCommonWords: CommonWordCheck {
    public let builtIn: BuiltInCommonWords
    public let lexicons: Lexicons

    public init(config: PropagationConfig, lexicons: Lexicons) {
        self.builtIn = BuiltInCommonWords(config: config)
        self.lexicons = lexicons
    }

    public func isCommonWordOrPlace(_ word: String) -> Bool {
        if builtIn.isCommonWordOrPlace(word) { return true }
        if lexicons.calendar.contains(word) || lexicons.places.contains(word) || lexicons.nationalities.contains(word) {
            return true
        }
        return lexicons.commonWords.contains(word) && !lexicons.givenNames.contains(word) && !lexicons.surnames.contains(word)
    }

    public func isCommonWord(_ word: String) -> Bool { lexicons.commonWords.contains(word) }
}
