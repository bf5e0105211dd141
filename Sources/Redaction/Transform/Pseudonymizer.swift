import Foundation

/// Derives pseudonyms from the keyed HMAC of a value's canonical form, so that the same
/// value (and its spelling variants) gets the same token everywhere the key is the same.
///
/// The HMAC input is `redact pseudonym v1`, NUL, the entity, NUL, the canonical form: a
/// domain of its own, so a token never equals (a prefix of) the audit log's `value_hmac`
/// of the raw bytes, and a name and a passport number with the same text differ.
enum Pseudonymizer {
    static let domain = "redact pseudonym v1"

    /// The token for `value`, or nil when `context` lacks what the style needs.
    static func token(for value: Substring, entity: EntityKind, style: PseudonymStyle, context: OperatorContext) -> String? {
        guard let fingerprinter = context.fingerprinter else { return nil }
        let hmac = valueHMAC(of: value, entity: entity, using: fingerprinter)
        switch style {
        case .hash(let length):
            return title(of: entity) + "-" + crockfordBase32(hexDigest: hmac, characters: length)
        case .sequential:
            guard let book = context.book else { return nil }
            return title(of: entity) + " " + String(book.sequenceNumber(entity: entity, valueHMAC: hmac))
        }
    }

    /// The value's number in the run's book (`{n}`), or nil without a key or a book.
    static func sequenceNumber(of value: Substring, entity: EntityKind, context: OperatorContext) -> Int? {
        guard let fingerprinter = context.fingerprinter, let book = context.book else { return nil }
        return book.sequenceNumber(entity: entity, valueHMAC: valueHMAC(of: value, entity: entity, using: fingerprinter))
    }

    /// Hex HMAC-SHA256 of the value's canonical form, in the pseudonym domain: the key a
    /// `PseudonymBook` files the value under.
    static func valueHMAC(of value: Substring, entity: EntityKind, using fingerprinter: ValueFingerprinter) -> String {
        let input = domain + "\u{0}" + entity.rawValue + "\u{0}" + canonicalForm(of: value, entity: entity)
        return fingerprinter.fingerprint(Data(input.utf8))
    }

    /// The spelling-independent form of a value: compatibility-folded (full-width Latin and
    /// digits become ASCII), Latin diacritics dropped, lower-cased, spaces collapsed. For a
    /// person also order-independent: `Wang Lei`, `WANG Lei`, `Lei Wang` and `Wang, Lei`
    /// are all `lei wang` (titles such as `Mr.` dropped); a name written in Han characters
    /// only keeps its order and loses its spaces (`王 磊` is `王磊`). A phone number is its
    /// digits.
    static func canonicalForm(of value: Substring, entity: EntityKind) -> String {
        let folded = fold(value)
        if entity == .phoneNumber {
            let digits = folded.unicodeScalars.filter { ("0"..."9").contains($0) }
            if !digits.isEmpty { return String(String.UnicodeScalarView(digits)) }
        }
        let separators: Set<Character> = [",", "，", "、", ";", "；", "·", "・", "/"]
        var parts = folded.split(whereSeparator: { $0.isWhitespace || separators.contains($0) }).map(String.init)
        guard entity == .person else { return parts.joined(separator: " ") }
        parts = parts.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        let withoutTitles = parts.filter { !titles.contains($0) }
        if !withoutTitles.isEmpty { parts = withoutTitles }
        if parts.allSatisfy({ $0.unicodeScalars.allSatisfy(isHan) }) { return parts.joined() }
        return parts.sorted().joined(separator: " ")
    }

    /// Titles that are not part of a name when a pseudonym is derived.
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "先生", "女士", "小姐"]

    /// NFKD, minus the Latin combining diacritics (U+0300–U+036F), lower-cased, NFC again.
    /// Kana voicing marks (U+3099, U+309A) are outside that block and stay.
    static func fold(_ value: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(value).decomposedStringWithCompatibilityMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased().precomposedStringWithCanonicalMapping
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value)
    }

    /// `phone_number` → `PhoneNumber`, `national_id` → `NationalID`, `person` → `Person`.
    static func title(of entity: EntityKind) -> String {
        entity.rawValue.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }).map { part in
            part == "id" ? "ID" : part.prefix(1).uppercased() + part.dropFirst()
        }.joined()
    }

    /// Crockford's base32 alphabet: digits and capitals without I, L, O and U, so a token
    /// can be read aloud and typed back without ambiguity.
    static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".unicodeScalars)

    /// The first `characters` base32 digits (5 bits each, most significant first) of the
    /// digest given in hex.
    static func crockfordBase32(hexDigest: String, characters: Int) -> String {
        var bits: [UInt8] = []
        bits.reserveCapacity(characters * 5)
        for nibble in hexDigest.unicodeScalars.prefix((characters * 5 + 3) / 4) {
            let value = UInt8(nibble.value < 0x3A ? nibble.value - 0x30 : nibble.value - 0x61 + 10)
            for shift in stride(from: 3, through: 0, by: -1) { bits.append((value >> UInt8(shift)) & 1) }
        }
        var result = String.UnicodeScalarView()
        for index in 0..<characters {
            let value = bits[(index * 5)..<(index * 5 + 5)].reduce(0) { $0 << 1 | Int($1) }
            result.append(crockford[value])
        }
        return String(result)
    }
}
