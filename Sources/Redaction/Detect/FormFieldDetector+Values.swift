/// Whether a field's value looks like the entity its label names.
extension FormFieldDetector {
    /// The entity, confidence and label basis of a value its label gives a meaning, when the
    /// value looks like that entity.
    func accepted(_ value: String, _ meaning: ColumnMap.Meaning)
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
    func isName(_ value: String) -> Bool {
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
    func isAddress(_ value: String, digits: Int) -> Bool {
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

    func allCommon(_ words: [Substring]) -> Bool {
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
}
