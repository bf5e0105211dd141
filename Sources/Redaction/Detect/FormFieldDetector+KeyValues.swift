/// The fields of log and chat lines: `key=value` pairs and the speaker before a colon.
extension FormFieldDetector {
    /// `key=value` and `key="value"` pairs of log lines and query strings (`guest_name="钱振宇"
    /// id_type=ID dob=19640309`): the key is one token, read like a label; the value runs to the
    /// closing quote, or to a space, `,`, `;`, `&` or `|`. `==`, `<=`, `>=` and `!=` are
    /// comparisons, not pairs.
    func scanKeyValues(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef,
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
    func speaker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef) -> Finding? {
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
    static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
            || byte == 0x2E || byte >= 0x80
    }
}
