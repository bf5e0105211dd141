import Foundation

/// Reports the values of form fields written in text as `Label: value` — a registration form
/// pasted into an e-mail, a police record, an OCR'd application, a log line — by asking
/// `columns.yaml` what the label means, exactly as it is asked about a spreadsheet's header.
///
/// A dotted leader (`Surname .......... Okafor`) stands for the colon, as printed forms write
/// it; `key=value` pairs of log lines (`guest_name="钱振宇" dob=19640309`) are fields too.
///
/// A form is a table turned sideways: `Familienname: Schneider`, `Data di nascita: 12.05.1993`,
/// `受詢問人：劉宗翰  性別：男`, `Name: Jürgen Hofmann, DOB: 1981-07-12`. The label says what the
/// value is in any of the languages and spellings the header vocabulary knows (synonyms,
/// abbreviations, one typing slip), so no per-language pattern is needed for each field.
///
/// The value runs from the colon to the next field on the line (a tab, two spaces, `|`, `;`,
/// `；`, `，`, `、`, or the label of the next `Label:`), and must look like its entity: a name
/// the name evidence accepts, a date or number with digits, an e-mail with `@`. Placeholders
/// (`n/a`, `unknown`, `不详`) are not values. A time (`10:30`) and a URL (`https://`) are not
/// fields.
struct FormFieldDetector {
    let columns: ColumnMap
    let names: any NameEvidence
    /// Common words, months and places: a value made only of them is no name or address
    /// (`Contact person: Press Office`, `Address: Please Update`). Nil: no such check.
    let lexicons: Lexicons?
    /// What labels met so far mean. Labels are text of the document (`王小明住址`), so they
    /// are remembered here, for this detector's pipeline, not in the map's shared cache.
    private let labels = LabelMemo()

    init(columns: ColumnMap, names: any NameEvidence, lexicons: Lexicons? = nil) {
        self.columns = columns
        self.names = names
        self.lexicons = lexicons
    }

    /// Rule id of the findings, e.g. `form-field:date_of_birth`.
    static func ruleID(for entity: EntityKind) -> String { "form-field:\(entity.rawValue)" }
    static let ruleIDPrefix = "form-field:"

    /// A label has at most this many words; a longer run before a colon is prose, whose last
    /// words are tried as a label.
    static let labelWords = 4
    static let labelBytes = 60
    /// Longest value read, in bytes: a field's value, not the rest of a document.
    static let valueBytes = 200

    /// Findings for the form fields in `value`.
    /// `tokens` are replacements already in the text (`[PERSON]: 好的`, `Person-4XPP: ok`):
    /// they are read as blanks, so a token is never a label, a key or a speaker.
    func findings(in value: String, field: FieldRef, tokens: [ByteSpan] = []) -> [Finding] {
        var text = value
        if !tokens.isEmpty {
            var bytes = Array(value.utf8)
            for token in tokens where token.upper <= bytes.count {
                for index in token.lower..<token.upper { bytes[index] = 0x20 }
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text.withUTF8 { bytes in
            guard Self.hasColon(bytes) || bytes.contains(0x3D) else { return [] }
            var result: [Finding] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                scanLine(bytes, lineStart, lineEnd, field: field, into: &result)
                lineStart = lineEnd + 1
            }
            return result
        }
    }

    private static func hasColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.contains(0x3A) { return true }
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A { return true }
            if bytes[index] == 0x2E, bytes[index + 1] == 0x2E, bytes[index + 2] == 0x2E { return true }
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 { return true }
            index += 1
        }
        return false
    }

    /// One colon of a line with the label before it.
    private struct Field {
        /// Where the label starts (its value, if any, ends before it).
        var labelStart: Int
        /// Where the colon stands.
        var labelEnd: Int
        /// First byte after the colon (and any doubled colon).
        var valueStart: Int
        var meaning: ColumnMap.Meaning?
    }

    private func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef,
                          into result: inout [Finding]) {
        scanKeyValues(bytes, start, end, field: field, into: &result)
        if let speaker = speaker(bytes, start, end, field: field) { result.append(speaker) }
        var fields: [Field] = []
        var index = start
        var previousValueStart = start
        while index < end {
            guard let colonLength = Self.colonLength(bytes, index, end) else {
                index += 1
                continue
            }
            defer { index += colonLength }
            if Self.isTimeOrURL(bytes, index, colonLength, start, end) { continue }
            var valueStart = index + colonLength
            while valueStart < end, let length = Self.colonLength(bytes, valueStart, end) { valueStart += length }
            // The next label is looked for after this colon whether or not it ended one, and
            // never further back than a label's length: a line of a million colons is read once.
            defer { previousValueStart = valueStart }
            let floor = max(previousValueStart, index - Self.labelBytes * 2)
            guard let labelled = label(bytes, colon: index, from: floor, lineStart: floor == start ? start : -1) else { continue }
            fields.append(Field(labelStart: labelled.start, labelEnd: index, valueStart: valueStart, meaning: labelled.meaning))
        }
        for (position, form) in fields.enumerated() {
            guard let meaning = form.meaning else { continue }
            let limit = position + 1 < fields.count ? fields[position + 1].labelStart : end
            guard var span = Self.valueSpan(bytes, form.valueStart, limit) else { continue }
            if meaning.entity != .address, meaning.entity != .person {
                // `DOB: 1996. His mobile is …`: a full stop and a capital start the next sentence
                // (an address keeps `St. Mary Road`, a name `J. Smith`).
                var index = span.lower
                while index + 2 < span.upper {
                    if bytes[index] == 0x2E, bytes[index + 1] == 0x20, bytes[index + 2] >= 0x41, bytes[index + 2] <= 0x5A {
                        span = ByteSpan(span.lower, index)
                        break
                    }
                    index += 1
                }
            }
            if let entity = meaning.entity, Self.codeEntities.contains(entity) {
                // A number ends where its characters end: `13812345678）陪同` is the number.
                var end = span.lower
                while end < span.upper, Self.isCodeByte(bytes[end]) { end += 1 }
                while end > span.lower, bytes[end - 1] == 0x20 { end -= 1 }
                guard end > span.lower else { continue }
                span = ByteSpan(span.lower, end)
            }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.lower..<span.upper]), as: UTF8.self)
            guard let (entity, confidence, basis) = accepted(value, meaning) else { continue }
            // The reason quotes the synonym the label matched, never the label as written:
            // running text before a colon can hold more than a label.
            let label = columns.synonym(ofHeader: Self.string(bytes, form.labelStart..<form.labelEnd)) ?? entity.rawValue
            result.append(Finding(ruleID: Self.ruleID(for: entity), entity: entity, field: field, span: span,
                                  confidence: confidence,
                                  evidence: Evidence(source: .formField(label: label, basis: basis))))
        }
    }

    /// The byte length of a colon (`:` or the full-width `：`) at `index`, else nil.
    /// `key=value` and `key="value"` pairs of log lines and query strings (`guest_name="钱振宇"
    /// id_type=ID dob=19640309`): the key is one token, read like a label; the value runs to the
    /// closing quote, or to a space, `,`, `;`, `&` or `|`. `==`, `<=`, `>=` and `!=` are
    /// comparisons, not pairs.
    private func scanKeyValues(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef,
                               into result: inout [Finding]) {
        var index = start + 1
        while index < end - 1 {
            defer { index += 1 }
            guard bytes[index] == 0x3D else { continue }
            guard Self.isKeyByte(bytes[index - 1]), bytes[index + 1] != 0x3D else { continue }
            var keyStart = index - 1
            while keyStart > start, Self.isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
            var valueStart = index + 1
            var valueEnd = valueStart
            if bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27 {
                let quote = bytes[valueStart]
                valueStart += 1
                valueEnd = valueStart
                // `\"` inside the quotes is part of the value (`name="Maria \"Mia\" Gonzalez"`).
                while valueEnd < end, bytes[valueEnd] != quote || bytes[valueEnd - 1] == 0x5C { valueEnd += 1 }
            } else {
                while valueEnd < end, ![0x20, 0x09, 0x2C, 0x3B, 0x26, 0x7C, 0x0D].contains(bytes[valueEnd]) { valueEnd += 1 }
            }
            guard valueEnd > valueStart, valueEnd - valueStart <= Self.valueBytes else { continue }
            let key = Self.string(bytes, keyStart..<index)
            guard Self.hasLetter(key), let meaning = meaning(of: key) else { continue }
            let value = Self.string(bytes, valueStart..<valueEnd)
            guard let (entity, confidence, basis) = accepted(value, meaning) else { continue }
            let label = columns.synonym(ofHeader: key) ?? entity.rawValue
            result.append(Finding(ruleID: Self.ruleID(for: entity), entity: entity, field: field,
                                  span: ByteSpan(valueStart, valueEnd), confidence: confidence,
                                  evidence: Evidence(source: .formField(label: label, basis: basis))))
            index = valueEnd
        }
    }

    /// The speaker of a chat or transcript line: before the line's first colon, after a
    /// timestamp (`[12/03/2024, 09:12] Dave Kowalski: …`, `2024-03-01 09:12 - Dave Kowalski: …`),
    /// one to four words that name no field and that the name lexicons read as a name (given
    /// name and surname, or a Han surname and given name) — shape alone is not enough, as
    /// `Note:` and `Re:` have it too. Nil for any other line.
    private func speaker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef) -> Finding? {
        var colon = start
        while colon < end {
            if let length = Self.colonLength(bytes, colon, end), !Self.isTimeOrURL(bytes, colon, length, start, end) { break }
            colon += 1
        }
        guard colon < end, colon - start <= Self.labelBytes * 2 else { return nil }
        var words = Self.words(bytes, start, colon)
        // The timestamp and its brackets and dashes go first.
        while let first = words.first, bytes[first].contains(where: { Self.isDigit($0) || [0x5B, 0x5D, 0x28, 0x29, 0x2D, 0x2C].contains($0) }) {
            words.removeFirst()
        }
        guard let first = words.first, let last = words.last, words.count <= Self.labelWords else { return nil }
        let range = first.lowerBound..<last.upperBound
        let text = Self.string(bytes, range)
        guard meaning(of: text) == nil, names.isLikelyName(text[...]) == .lexicon, !allCommon(text.split(separator: " ")) else {
            return nil
        }
        let evidence = Evidence(source: .lexicon(evidence: "a speaker's name before the colon of a chat or transcript line"))
        return Finding(ruleID: Self.ruleID(for: .person), entity: .person, field: field, span: ByteSpan(range.lowerBound, range.upperBound),
                       confidence: .medium, evidence: evidence)
    }

    /// Letters, digits, `_`, `-`, `.` and any non-ASCII byte (a key in another script).
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
            || byte == 0x2E || byte >= 0x80
    }

    /// A dotted leader (`Given name(s) ........ Chinonso Grace`, three dots or more, `…`
    /// counted as dots) ends a label as a colon does.
    private static func colonLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
        if bytes[index] == 0x3A { return 1 }
        if bytes[index] == 0xEF, index + 2 < end, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A { return 3 }
        var dots = 0
        var length = 0
        while index + length < end {
            if bytes[index + length] == 0x2E {
                dots += 1
                length += 1
            } else if bytes[index + length] == 0xE2, index + length + 2 < end, bytes[index + length + 1] == 0x80,
                      bytes[index + length + 2] == 0xA6 {
                dots += 3
                length += 3
            } else {
                break
            }
        }
        return dots >= 3 ? length : nil
    }

    /// `10:30`, `12:00:05` and `https://` hold colons that end no label.
    private static func isTimeOrURL(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int,
                                    _ start: Int, _ end: Int) -> Bool {
        guard length == 1 else { return false }
        let before = index > start ? bytes[index - 1] : 0x20
        let after = index + 1 < end ? bytes[index + 1] : 0x20
        if Self.isDigit(before) && Self.isDigit(after) { return true }
        return after == 0x2F && index + 2 < end && bytes[index + 2] == 0x2F
    }

    /// The label before the colon at `colon`: the words back to the previous field separator
    /// (or the previous field's value), without list numbering. When that is more than a
    /// label's length, or runs into the previous value, its last one to three words are
    /// tried, shortest first, so `Name: John Smith DOB: 1980` finds `DOB`; Han text has no
    /// spaces, so its label is cut from the front to the shortest tail that still means the
    /// same (`王小明住址` → `住址`). `start` is where the previous field's value ends.
    private func label(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int, from floor: Int,
                       lineStart: Int) -> (start: Int, meaning: ColumnMap.Meaning?)? {
        var start = colon
        var boundedBySeparator = start == lineStart
        while start > floor {
            if Self.separatorEnding(bytes, at: start, floor: floor) != nil {
                boundedBySeparator = true
                break
            }
            start -= 1
            if start == lineStart { boundedBySeparator = true }
        }
        var words = Self.words(bytes, start, colon)
        while let first = words.first, Self.isNumbering(bytes, first) { words.removeFirst() }
        guard let firstWord = words.first, let lastWord = words.last else { return nil }
        let whole = firstWord.lowerBound..<lastWord.upperBound
        if boundedBySeparator && words.count <= Self.labelWords && whole.count <= Self.labelBytes {
            let text = Self.string(bytes, whole)
            guard Self.hasLetter(text) else { return nil }
            return (whole.lowerBound, meaning(of: text))
        }
        // Prose or a previous value before the label: the last words, shortest first.
        for count in 1...min(3, words.count) {
            let range = words[words.count - count].lowerBound..<whole.upperBound
            guard range.count <= Self.labelBytes * 2 else { break }
            let text = Self.string(bytes, range)
            guard Self.hasLetter(text), let meaning = meaning(of: text) else { continue }
            return (count == 1 ? Self.shortestTail(bytes, range, meaning: meaning, columns: columns) : range.lowerBound, meaning)
        }
        return nil
    }

    /// Where the shortest tail of the one word `range` that means what the word means starts,
    /// cutting whole characters from its front: `王小明住址` → `住址`. A Latin word is a label
    /// or not as a whole.
    private static func shortestTail(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                     meaning: ColumnMap.Meaning, columns: ColumnMap) -> Int {
        var best = range.lowerBound
        var start = range.lowerBound
        while start < range.upperBound, bytes[start] >= 0xE0 {
            // Past one CJK character (three or four UTF-8 bytes) and try the rest.
            start += bytes[start] >= 0xF0 ? 4 : 3
            guard start < range.upperBound else { break }
            let tail = string(bytes, start..<range.upperBound)
            guard columns.meaning(ofHeader: tail, cached: false)?.entity == meaning.entity, meaning.entity != nil else { break }
            best = start
        }
        return best
    }

    private func meaning(of label: String) -> ColumnMap.Meaning? {
        labels.meaning(of: label) { columns.meaning(ofHeader: label, cached: false) }
    }

    /// The length of a field separator ending just before `index` (tab, two spaces, `|`, `;`,
    /// `,` or `.` and a space, `；`, `，`, `、`, `。`), or nil.
    private static func separatorEnding(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, floor: Int) -> Int? {
        let byte = bytes[index - 1]
        if byte == 0x09 || byte == 0x7C || byte == 0x3B { return 1 }
        if byte == 0x20, index - 2 >= floor, [0x20, 0x2C, 0x2E].contains(bytes[index - 2]) { return 2 }
        if index - 3 >= floor, bytes[index - 3] == 0xEF, bytes[index - 2] == 0xBC,
           bytes[index - 1] == 0x9B || bytes[index - 1] == 0x8C { return 3 }  // ； ，
        if index - 3 >= floor, bytes[index - 3] == 0xE3, bytes[index - 2] == 0x80,
           bytes[index - 1] == 0x81 || bytes[index - 1] == 0x82 { return 3 }  // 、 。
        return nil
    }

    /// Byte ranges of the space-separated words in `start..<end`.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = start
        while index < end {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            let wordStart = index
            while index < end, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0D { index += 1 }
            if index > wordStart { result.append(wordStart..<index) }
        }
        return result
    }

    /// `1.`, `2)`, `(a)`, `-`, `•`, `*`, `01`, `一、`: list numbering, not part of a label.
    private static func isNumbering(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count <= 4 else { return false }
        var letters = 0
        for index in word {
            let byte = bytes[index]
            if isDigit(byte) || byte == 0x2E || byte == 0x29 || byte == 0x28 || byte == 0x2D || byte == 0x2A || byte >= 0x80 {
                continue
            }
            letters += 1
        }
        // `(a)` and `b)` are numbering; a bare word is a label.
        let text = string(bytes, word)
        if text == "•" || text == "·" { return true }
        if letters == 1 && (text.hasPrefix("(") || text.hasSuffix(")")) { return true }
        return letters == 0 && !text.unicodeScalars.contains(where: { $0.value >= 0x80 })
    }

    /// The value between `start` and `limit`: up to the first hard separator, trimmed of
    /// spaces and of punctuation at its end; nil when nothing is left.
    private static func valueSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> ByteSpan? {
        var lower = start
        while lower < limit, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        var upper = lower
        while upper < limit {
            let byte = bytes[upper]
            if byte == 0x09 || byte == 0x7C || byte == 0x3B || byte == 0x0D { break }
            if byte == 0x20, upper + 1 < limit, bytes[upper + 1] == 0x20 { break }
            // `DOB: 1978, residing at Kunming`: a comma and a small letter go on with the sentence.
            if byte == 0x2C, upper + 2 < limit, bytes[upper + 1] == 0x20, bytes[upper + 2] >= 0x61, bytes[upper + 2] <= 0x7A { break }
            if byte == 0xEF, upper + 2 < limit, bytes[upper + 1] == 0xBC,
               [0x9B, 0x8C, 0x88, 0x89, 0x81, 0x9F].contains(bytes[upper + 2]) { break }  // ； ， （ ） ！ ？
            if byte == 0xE3, upper + 2 < limit, bytes[upper + 1] == 0x80,
               bytes[upper + 2] == 0x81 || bytes[upper + 2] == 0x82 { break }  // 、 。
            upper += 1
        }
        while upper > lower, [0x20, 0x2C, 0x2E, 0x3B, 0x3A, 0x09].contains(bytes[upper - 1]) { upper -= 1 }
        guard upper > lower, upper - lower <= valueBytes else { return nil }
        return ByteSpan(lower, upper)
    }

    /// The entity, confidence and label basis of a value its label gives a meaning, when the
    /// value looks like that entity.
    private func accepted(_ value: String, _ meaning: ColumnMap.Meaning)
        -> (EntityKind, Confidence, ColumnMap.Basis)? {
        guard !Self.isPlaceholder(value) else { return nil }
        let digits = value.utf8.count(where: Self.isDigit)
        switch meaning {
        case .identifier, .documentType:
            // `Claim No.:`, `FIR No.:`, `Doc #:` name a number without saying whose: in a
            // table the column's profile and rows decide, a lone form line has neither.
            return nil
        case .entity(let entity, let basis):
            let confidence: Confidence = basis == .fuzzy ? .medium : .high
            switch entity {
            case .person:
                guard digits == 0, isName(value) else { return nil }
            case .dateOfBirth:
                guard digits >= 2 || value.unicodeScalars.contains(where: { "〇一二三四五六七八九十".unicodeScalars.contains($0) }),
                      value.utf8.count <= 40 else { return nil }
            case .phoneNumber:
                guard digits >= 6, Self.isCode(value) else { return nil }
            case .passportNumber, .nationalID:
                guard digits >= 3, value.utf8.count <= 40, Self.isCode(value) else { return nil }
            case .emailAddress:
                guard value.contains("@") || value.lowercased().contains(" at ") else { return nil }
            case .address:
                guard isAddress(value, digits: digits) else { return nil }
            default:
                break
            }
            return (entity, confidence, basis)
        }
    }

    /// A name as a form writes it: words the name evidence accepts (one capitalised word for a
    /// surname or given-name field), not all of them common words or places.
    private func isName(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        if words.count == 1 {
            guard NameShape.isNameWord(words[0]) || names.isLikelyName(value[...]) >= .shape else { return false }
        } else {
            guard names.isLikelyName(value[...]) >= .shape else { return false }
        }
        return !allCommon(words)
    }

    /// A postal address: not a host, an IP address or a link (`db.internal:5432`,
    /// `203.0.113.7`, `https://…`), and without a digit only capitalised words or Han text
    /// that are not all common words (`Please Update`, `Main Street Station is the default`).
    private func isAddress(_ value: String, digits: Int) -> Bool {
        if value.contains("://") || value.contains("@") { return false }
        let words = value.split(separator: " ")
        if words.count == 1, value.contains(".") || value.contains(":") { return false }
        if digits > 0 { return true }
        let hasHan = value.unicodeScalars.contains(where: NameShape.isHan)
        if hasHan { return true }
        let latin = words.filter { $0.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false }
        guard !latin.isEmpty, latin.allSatisfy({ $0.first!.isUppercase }) else { return false }
        return !allCommon(words)
    }

    private func allCommon(_ words: [Substring]) -> Bool {
        guard let lexicons else { return false }
        return words.allSatisfy { word in
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            return bare.isEmpty || lexicons.isCommonWordOrPlace(bare.lowercased()) || lexicons.isCommonWordOrPlace(bare)
        }
    }

    /// A number as written, not a phrase: every space-separated group holds a digit or is at
    /// most three characters without small letters (`EJ 4827193`, `+49 (0)30 1234`), so
    /// `GK482913 and 548129307` is two values, left to the patterns.
    static func isCode(_ value: String) -> Bool {
        value.split(separator: " ").allSatisfy { group in
            group.contains(where: \.isNumber) || group.count <= 3 && !group.contains(where: \.isLowercase)
        }
    }

    /// Entities whose values are numbers written with ASCII characters.
    static let codeEntities: Set<EntityKind> = [.phoneNumber, .passportNumber, .nationalID]

    /// Letters, digits, spaces and the punctuation numbers are written with (`+ - . / ( ) #`).
    static func isCodeByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || [0x20, 0x2B, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0x23].contains(byte)
    }

    /// What forms write where there is no value.
    static let placeholders: Set<String> = [
        "n/a", "na", "n.a.", "none", "nil", "null", "unknown", "tbd", "tba", "-", "--", "—", "–", "/", "?", "x",
        "keine", "keiner", "unbekannt", "aucun", "aucune", "inconnu", "ninguno", "desconocido", "nessuno",
        "sconosciuto", "brak", "нет", "无", "不详", "未知", "暂无", "無", "不詳", "see above", "see below", "redacted",
    ]

    static func isPlaceholder(_ value: String) -> Bool {
        placeholders.contains(value.lowercased()) || value.hasPrefix("[") && value.hasSuffix("]")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func hasLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// The meanings of the labels one `FormFieldDetector` has met, bounded: past the bound it
/// starts over (a file of a million distinct keys is worked out label by label).
///
/// Safety: `@unchecked Sendable` because `known` is read and written only under `lock`.
final class LabelMemo: @unchecked Sendable {
    static let capacity = 2048
    private let lock = NSLock()
    private var known: [String: ColumnMap.Meaning?] = [:]

    func meaning(of label: String, compute: () -> ColumnMap.Meaning?) -> ColumnMap.Meaning? {
        lock.lock()
        if let answer = known[label] {
            lock.unlock()
            return answer
        }
        lock.unlock()
        let answer = compute()
        lock.lock()
        if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
        known[label] = answer
        lock.unlock()
        return answer
    }
}
