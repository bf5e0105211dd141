/// The forms of a name in running text (see `LexiconNameDetector`): each needs a lexicon hit
/// and a shape that words seldom have (capitals and a comma, initials, a hyphenated given name).
extension LexiconNameDetector {
    func proseFindings(in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef, into found: inout [Finding]) {
        let tokens = NameToken.tokens(in: bytes)
        var index = 0
        while index < tokens.count {
            if let (finding, next) = proseFinding(at: index, tokens, bytes, field: field) {
                found.append(finding)
                index = next
            } else {
                index += 1
            }
        }
    }

    /// Whether only one or two spaces separate `a` from `b`.
    func spaced(_ bytes: UnsafeBufferPointer<UInt8>, _ a: NameToken, _ b: NameToken) -> Bool {
        let gap = b.start - a.upper
        guard gap >= 1 && gap <= 2 else { return false }
        for offset in a.upper..<b.start where bytes[offset] != 0x20 { return false }
        return true
    }

    /// The name starting at token `index`, and the index of the first token after it.
    private func proseFinding(at index: Int, _ tokens: [NameToken], _ bytes: UnsafeBufferPointer<UInt8>,
                              field: FieldRef) -> (Finding, Int)? {
        let token = tokens[index]
        guard token.isCapitalised else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil

        // SURNAME, Given [Given | M.]
        if token.isCapitals, token.hyphen == nil, let next, next.isCapitalised, !next.isCapitals, !next.isInitial,
           token.end + 2 == next.start, bytes[token.end] == 0x2C, bytes[token.end + 1] == 0x20,
           isSurname(bytes, token), isGivenName(bytes, next),
           !lexicons.calendar.contains(bytes, token.start, token.end) {
            var last = index + 1
            if last + 1 < tokens.count, tokens[last + 1].isCapitalised, !tokens[last + 1].isCapitals,
               spaced(bytes, tokens[last], tokens[last + 1]),
               tokens[last + 1].isInitial || isGivenName(bytes, tokens[last + 1]) {
                last += 1
            }
            return (finding(RuleID.surnameComma, ByteSpan(token.start, tokens[last].upper), .medium,
                            "surname in capitals + given-name lexicon", in: bytes, field: field), last + 1)
        }

        // Given M. [N.] Surname; a given name that is also a common word (`See J. David …`) is
        // left out, and the initials then start the name.
        if !token.isCapitals, !token.isInitial, let next, next.isInitial, spaced(bytes, token, next),
           isGivenName(bytes, token), !isCommon(bytes, token) {
            var last = index + 1
            while last + 1 < tokens.count, tokens[last + 1].isInitial, last - index < 3,
                  spaced(bytes, tokens[last], tokens[last + 1]) || tokens[last].upper == tokens[last + 1].start {
                last += 1
            }
            if last + 1 < tokens.count, case let surname = tokens[last + 1], surname.isCapitalised, !surname.isInitial,
               spaced(bytes, tokens[last], surname), isSurname(bytes, surname) {
                return (finding(RuleID.middleInitial, ByteSpan(token.start, surname.end), .medium,
                                "given-name lexicon + initial + surname lexicon", in: bytes, field: field), last + 2)
            }
        }

        // G. [H.] Surname
        if token.isInitial, !precededByLetterOrStop(bytes, token.start) {
            var last = index
            while last + 1 < tokens.count, tokens[last + 1].isInitial, last - index < 1,
                  spaced(bytes, tokens[last], tokens[last + 1]) || tokens[last].upper == tokens[last + 1].start {
                last += 1
            }
            if last + 1 < tokens.count, case let surname = tokens[last + 1], surname.isCapitalised, !surname.isInitial,
               surname.hyphen == nil, spaced(bytes, tokens[last], surname), isSurname(bytes, surname),
               !lexicons.calendar.contains(bytes, surname.start, surname.end),
               !lexicons.nationalities.contains(bytes, surname.start, surname.end) {
                // A common word after a full stop may start a sentence (`vitamin D. Young people`):
                // then the initial needs a context that introduces a person.
                let weak = isCommon(bytes, surname) && !introducesPerson(bytes, before: token.start)
                // `J. David Ibanez`: a second name word after the first belongs to the name.
                var end = surname.end
                var after = last + 2
                if after < tokens.count, case let more = tokens[after], more.isCapitalised, !more.isCapitals, !more.isInitial,
                   spaced(bytes, surname, more), isSurname(bytes, more), !isCommon(bytes, more) {
                    end = more.end
                    after += 1
                }
                return (finding(RuleID.initials, ByteSpan(token.start, end), weak ? .low : .medium,
                                "initial + surname lexicon", in: bytes, field: field), after)
            }
        }

        // Mei-hua Lin
        if let hyphen = token.hyphen, !token.isCapitals, isHyphenatedGiven(bytes, token, hyphen),
           let next, next.isCapitalised, !next.isInitial, next.hyphen == nil, spaced(bytes, token, next), isSurname(bytes, next) {
            return (finding(RuleID.hyphenated, ByteSpan(token.start, next.end), .medium,
                            "hyphenated given name + surname lexicon", in: bytes, field: field), index + 2)
        }
        // LIN Mei-hua, Lin Mei-hua
        if token.hyphen == nil, !token.isInitial, let next, let hyphen = next.hyphen, next.isCapitalised, !next.isCapitals,
           spaced(bytes, token, next), isHyphenatedGiven(bytes, next, hyphen), isSurname(bytes, token),
           // A capitalised common word first (`An Rmail-style`) needs capitals or a pinyin given name.
           token.isCapitals || !isCommon(bytes, token) || isRomanisedGiven(bytes, next) {
            return (finding(RuleID.hyphenated, ByteSpan(token.start, next.end), .medium,
                            "surname lexicon + hyphenated given name", in: bytes, field: field), index + 2)
        }
        // GIVEN [GIVEN] SURNAME all in capitals, as affidavits, bank statements and forms head a
        // name: the evidence of `Given Surname` below, and as weak alone (headings are capitals too).
        if token.isCapitals, token.hyphen == nil, let next, next.isCapitals, spaced(bytes, token, next),
           lexicons.givenNames.contains(bytes, token.start, token.end), !isCommon(bytes, token) {
            var candidates = [index + 1]
            if index + 2 < tokens.count, tokens[index + 2].isCapitals, spaced(bytes, next, tokens[index + 2]),
               lexicons.givenNames.contains(bytes, next.start, next.end), !isCommon(bytes, next) {
                candidates.insert(index + 2, at: 0)
            }
            for last in candidates {
                let surname = tokens[last]
                guard isSurname(bytes, surname), !isCommon(bytes, surname) else { continue }
                return (finding(RuleID.givenSurname, ByteSpan(token.start, surname.end), .low,
                                "given-name lexicon + surname lexicon, in capitals", in: bytes, field: field), last + 1)
            }
        }
        // Given Surname, Given SURNAME: the commonest form of a name, and the commonest shape of
        // capitalised words in general, so it is weak alone (low, kept) and counts when personal
        // data stands on the same line (`Pipeline.raisedByNearbyData`): `Hege Hagen was born in
        // 1946`, `Marc TREMBLAY，护照号码 …`.
        if !token.isCapitals, !token.isInitial, token.hyphen == nil, let next, next.isCapitalised, !next.isInitial,
           next.hyphen == nil, spaced(bytes, token, next), lexicons.givenNames.contains(bytes, token.start, token.end),
           !isCommon(bytes, token), isSurname(bytes, next), next.isCapitals || !isCommon(bytes, next) {
            return (finding(RuleID.givenSurname, ByteSpan(token.start, next.end), .low,
                            "given-name lexicon + surname lexicon", in: bytes, field: field), index + 2)
        }
        return nil
    }

    /// `Mei-hua`, `Jae-won`, `Jean-Luc`: two parts of 1–7 letters; a first part that is a
    /// common word (`Follow-up`, `Self-help`) counts only when both parts are pinyin syllables.
    func isHyphenatedGiven(_ bytes: UnsafeBufferPointer<UInt8>, _ token: NameToken, _ hyphen: Int) -> Bool {
        let first = hyphen - token.start
        let second = token.end - hyphen - 1
        guard first >= 1, first <= 7, second >= 2, second <= 7 else { return false }
        for offset in (hyphen + 1)..<token.end where bytes[offset] == 0x2D || bytes[offset] == 0x27 { return false }
        if isRomanisedGiven(bytes, token) { return true }
        if lexicons.places.contains(bytes, token.start, token.end) { return false }
        return !lexicons.isCommonWordOrPlace(bytes, token.start, hyphen)
    }

    /// Whether a letter, digit or full stop stands right before `offset` (`U.S.`, `3.A.`).
    func precededByLetterOrStop(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        guard offset > 0 else { return false }
        let byte = bytes[offset - 1]
        return byte == 0x2E || byte >= 0x80 || WordList.isWordByte(byte)
    }

    /// Whether the text before `offset` introduces a person rather than ends a sentence with
    /// a letter: the field or line starts there, or punctuation, or a word such as `and`, `by`.
    func introducesPerson(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        var end = offset
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return true }
        let byte = bytes[end - 1]
        if byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x28
            || byte == 0x22 || byte == 0x26 || byte == 0x2F { return true }
        var start = end
        while start > 0 && WordList.isWordByte(bytes[start - 1]) { start -= 1 }
        guard end - start >= 2 && end - start <= 4 else { return false }
        var word: [UInt8] = []
        for offset in start..<end { word.append(bytes[offset] | 0x20) }
        return Self.introducingWords.contains(word)
    }

    static let introducingWords: Set<[UInt8]> = Set(["and", "by", "with", "to", "from", "cc", "for", "dear", "per", "met",
                                                     "mr", "mrs", "ms", "dr", "miss", "prof", "sir"].map { Array($0.utf8) })
}
