/// A name alone in a table cell or JSON string: the whole value is the name, so lexicon
/// hits on every word are enough, with no cue around it.
extension LexiconNameDetector {
    /// Lower-case particles inside a name (`Ludwig van Beethoven`, `Maria de Souza`).
    static let particles: Set<[UInt8]> = Set(["van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le",
                                              "bin", "binti", "al", "el", "dos", "das", "ten", "ter"].map { Array($0.utf8) })

    func cellFinding(in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef) -> Finding? {
        var start = 0
        var end = bytes.count
        while start < end && Self.isSpace(bytes[start]) { start += 1 }
        while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 4, end - start <= 80 else { return nil }
        if bytes[start] >= 0xE3 { return hanCellFinding(in: bytes, start, end, field: field) }
        return latinCellFinding(in: bytes, start, end, field: field)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// 2–4 words, each a given name or surname of the lexicons (or an initial, or a particle),
    /// at least one of each, separated by single spaces or one comma after the first word.
    private func latinCellFinding(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef) -> Finding? {
        let all = NameToken.tokens(in: UnsafeBufferPointer(rebasing: bytes[0..<end]))
        let tokens = all.filter { $0.start >= start }
        guard tokens.count >= 2, tokens.count <= 5, tokens.first?.start == start, tokens.last?.upper == end else { return nil }
        var words = 0
        var surnames = Set<Int>()
        var givens = Set<Int>()
        var strong = false
        var unknown: Int?
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                let previous = tokens[index - 1]
                let comma = index == 1 && bytes[previous.upper] == 0x2C
                let gapStart = previous.upper + (comma ? 1 : 0)
                let gap = token.start - gapStart
                // One space; none after an initial (`J.R. Smith`).
                guard (gap == 1 && bytes[gapStart] == 0x20) || (gap == 0 && previous.isInitial && !comma) else { return nil }
            }
            if token.isInitial { continue }
            if !token.isCapitalised {
                var word: [UInt8] = []
                for offset in token.start..<token.end { word.append(bytes[offset]) }
                guard Self.particles.contains(word), index > 0, index < tokens.count - 1 else { return nil }
                continue
            }
            words += 1
            let surname = isSurname(bytes, token)
            let given = isGivenName(bytes, token)
            if !surname && !given {
                // One word no lexicon knows (a given name of a culture the lists miss: `Priya
                // Sharma`) may stand beside a surname; it must not be a common word or place.
                guard unknown == nil, token.end - token.start >= 3, !isCommon(bytes, token) else { return nil }
                unknown = index
                continue
            }
            if surname { surnames.insert(index) }
            if given { givens.insert(index) }
            if lexicons.calendar.contains(bytes, token.start, token.end) || lexicons.nationalities.contains(bytes, token.start, token.end) {
                continue
            }
            if !isCommon(bytes, token) { strong = true }
        }
        var evidence = "given-name lexicon + surname lexicon, alone in a cell"
        if unknown != nil {
            // Two words only, the other a surname that is not also a common word or place.
            guard words == 2, let other = surnames.first, !isCommon(bytes, tokens[other]) else { return nil }
            evidence = "surname lexicon + a capitalised word, alone in a cell"
            // Many places read so too (`Paso Robles`): reported for review, not redacted by publish.
            strong = false
        } else {
            guard words >= 2, words <= 4, !surnames.isEmpty, !givens.isEmpty,
                  surnames.count + givens.count >= 2, surnames.union(givens).count >= 2,
                  !(surnames.count == 1 && givens == surnames)
            else { return nil }
        }
        // The whole cell a place (`San Jose`, `Santa Clara`), or a run of names that a place word
        // starts or ends (`Mount Vernon`, `Morgan Park`), is not a name.
        if lexicons.places.contains(bytes, start, end) { return nil }
        // A word that can only be a given name (`Katie Park`, `Jae-won Park`) outweighs a place
        // word at the end, never one at the start (`Mount Martha`).
        let first = tokens[0]
        let last = tokens[tokens.count - 1]
        let onlyGiven = tokens.contains { token in
            token.isCapitalised && !token.isInitial && !isSurname(bytes, token) && !isCommon(bytes, token)
                && (lexicons.givenNames.contains(bytes, token.start, token.end)
                    || token.hyphen.map { isHyphenatedGiven(bytes, token, $0) } == true)
        }
        if lexicons.placeWords.contains(bytes, first.start, first.end)
            || (!onlyGiven && !last.isCapitals && lexicons.placeWords.contains(bytes, last.start, last.end)) {
            return nil
        }
        return finding(RuleID.cell, ByteSpan(start, end), strong ? .medium : .low, evidence, in: bytes, field: field)
    }

    /// A Han surname of the lexicon (one or two characters) and one or two more characters,
    /// the whole cell: not a word of the Chinese word list, a place, or a name ending in a
    /// character that makes it a place or an organisation.
    private func hanCellFinding(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, field: FieldRef) -> Finding? {
        let length = end - start
        guard length % 3 == 0, length >= 6, length <= 12 else { return nil }
        for offset in stride(from: start, to: end, by: 3) where !Self.isHan(bytes, offset) { return nil }
        let characters = length / 3
        let compound = characters >= 3 && lexicons.hanSurnames.contains(bytes, start, start + 6)
        let surnameLength = compound ? 2 : 1
        guard compound || lexicons.hanSurnames.contains(bytes, start, start + 3) else { return nil }
        let given = characters - surnameLength
        guard given >= 1, given <= 2 else { return nil }
        if lexicons.hanWords.contains(bytes, start, end) || lexicons.places.contains(bytes, start, end)
            || lexicons.calendar.contains(bytes, start, end) {
            return nil
        }
        let last = String(decoding: UnsafeBufferPointer(rebasing: bytes[(end - 3)..<end]), as: UTF8.self)
        if Self.placeOrOrganisationEndings.contains(last) { return nil }
        return finding(RuleID.hanCell, ByteSpan(start, end), .medium,
                       "Han surname lexicon + given name, alone in a cell", in: bytes, field: field)
    }

    /// CJK Unified Ideographs (U+4E00–U+9FFF) as three UTF-8 bytes.
    static func isHan(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        guard offset + 2 < bytes.count else { return false }
        let value = (UInt32(bytes[offset] & 0x0F) << 12) | (UInt32(bytes[offset + 1] & 0x3F) << 6) | UInt32(bytes[offset + 2] & 0x3F)
        return bytes[offset] & 0xF0 == 0xE0 && value >= 0x4E00 && value <= 0x9FFF
    }

    /// Last characters of places and organisations (city, province, district, road, bureau,
    /// company …): `王府井`-like places and `高新区` are not names.
    static let placeOrOrganisationEndings: Set<String> = [
        "市", "省", "区", "區", "县", "縣", "镇", "鎮", "乡", "鄉", "村", "路", "街", "道", "巷", "局", "部", "院", "所", "厅", "廳",
        "馆", "館", "店", "行", "司", "会", "會", "科", "室", "处", "處", "组", "組", "队", "隊", "站", "校", "园", "園", "厂", "廠",
        "楼", "樓", "号", "號", "井", "山", "河", "湖", "江", "海", "港", "岛", "島", "门", "門", "桥", "橋", "城", "州", "府", "宫", "宮",
        "寺", "庙", "廟", "局", "中心", "集团", "银行", "大学", "公司", "医院",
    ]
}
