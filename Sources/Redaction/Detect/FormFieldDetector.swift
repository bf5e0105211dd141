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
    let labels = HeaderMeaningCache()

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

    static func hasColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
    struct Field {
        /// Where the label starts (its value, if any, ends before it).
        var labelStart: Int
        /// Where the colon stands.
        var labelEnd: Int
        /// First byte after the colon (and any doubled colon).
        var valueStart: Int
        var meaning: ColumnMap.Meaning?
    }

    func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef,
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
    /// A dotted leader (`Given name(s) ........ Chinonso Grace`, three dots or more, `…`
    /// counted as dots) ends a label as a colon does.
    static func colonLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
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
    static func isTimeOrURL(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int,
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
    func label(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int, from floor: Int,
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
    static func shortestTail(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
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

    func meaning(of label: String) -> ColumnMap.Meaning? {
        labels.meaning(of: label) { columns.meaning(ofHeader: label, cached: false) }
    }

    /// The length of a field separator ending just before `index` (tab, two spaces, `|`, `;`,
    /// `,` or `.` and a space, `；`, `，`, `、`, `。`), or nil.
    static func separatorEnding(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, floor: Int) -> Int? {
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
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
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
    static func isNumbering(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
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
    static func valueSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> ByteSpan? {
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

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func hasLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
