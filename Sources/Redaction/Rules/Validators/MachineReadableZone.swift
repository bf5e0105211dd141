/// An ICAO 9303 machine-readable zone (MRZ) as a rule matched it, with its check digits.
///
/// The layouts are told apart by their length (lines × characters), and visas by the
/// document code `V`:
///
/// | layout | lines | used on | check digits |
/// |---|---|---|---|
/// | TD1 | 3 × 30 | ID cards | number, birth date, expiry, composite |
/// | TD2 | 2 × 36 | ID cards, older official documents | number, birth date, expiry, composite |
/// | TD3 | 2 × 44 | passports | number, birth date, expiry, personal number, composite |
/// | MRV-B / MRV-A | 2 × 36 / 2 × 44 | visas | number, birth date, expiry |
///
/// TD1 and TD2 document numbers longer than nine characters continue in the optional data:
/// the number's own check-digit position holds `<`, and the rest of the number, its check
/// digit and a `<` follow in the optional data field.
struct MachineReadableZone {
    enum Layout: Equatable {
        case td1, td2, td3, visaA, visaB
    }

    /// A run of characters on one line (0-based line and character positions).
    struct Field {
        var line: Int
        var range: Range<Int>
    }

    /// A field and the position of its check digit.
    struct CheckedField {
        var field: Field
        var check: Field
    }

    let lines: [[UInt8]]
    let layout: Layout

    /// Reads the zone out of `bytes`; nil unless it holds only MRZ characters, spaces and
    /// line breaks, and as many characters as one layout has (90, 72 or 88).
    ///
    /// Lines are cut by length, not at line breaks, so a zone written on one line, or with
    /// its lines joined by a space (as a CSV cell or a form field often holds it), is read
    /// the same way; the rule's pattern has already matched the layout line by line.
    init?(_ bytes: [UInt8]) {
        let whitespace: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        let chars = bytes.filter { !whitespace.contains($0) }
        guard chars.allSatisfy({ MRZCheckDigit.value(of: $0) != nil }) else { return nil }
        let isVisa = chars.first == UInt8(ascii: "V")
        let lineLength: Int
        switch chars.count {
        case 90: (layout, lineLength) = (.td1, 30)
        case 72: (layout, lineLength) = (isVisa ? .visaB : .td2, 36)
        case 88: (layout, lineLength) = (isVisa ? .visaA : .td3, 44)
        default: return nil
        }
        lines = stride(from: 0, to: chars.count, by: lineLength).map { Array(chars[$0..<$0 + lineLength]) }
    }

    /// Whether the zone is plausible and every check digit is right.
    ///
    /// A block of filler alone passes every check digit (each counts 0), so a zone must
    /// also start with a document-code letter and carry a document number.
    var isValid: Bool {
        ASCIIDigits.isUpperLetter(lines[0][0])
            && characters(documentNumber.field).contains { $0 != UInt8(ascii: "<") }
            && checkDigitsAreValid
    }

    /// Whether every check digit of the layout is right, the composite included.
    var checkDigitsAreValid: Bool {
        documentNumberCheckIsValid
            && checkedFields.allSatisfy { verifies([$0.field], check: $0.check) }
            && composite.map { verifies($0.fields, check: $0.check) } ?? true
    }

    // MARK: - Layout tables (Doc 9303 Parts 4–7)

    /// The document number's field and check digit.
    private var documentNumber: CheckedField {
        switch layout {
        case .td1: CheckedField(field: Field(line: 0, range: 5..<14), check: Field(line: 0, range: 14..<15))
        case .td2, .td3, .visaA, .visaB: CheckedField(field: Field(line: 1, range: 0..<9), check: Field(line: 1, range: 9..<10))
        }
    }

    /// The optional data field a long document number continues into (TD1 and TD2 only).
    private var documentNumberOverflow: Field? {
        switch layout {
        case .td1: Field(line: 0, range: 15..<30)
        case .td2: Field(line: 1, range: 28..<35)
        case .td3, .visaA, .visaB: nil
        }
    }

    /// Birth date, expiry date and (TD3) personal number with their check digits.
    private var checkedFields: [CheckedField] {
        func on(_ line: Int, _ range: Range<Int>, _ check: Int) -> CheckedField {
            CheckedField(field: Field(line: line, range: range), check: Field(line: line, range: check..<check + 1))
        }
        switch layout {
        case .td1: return [on(1, 0..<6, 6), on(1, 8..<14, 14)]
        case .td2, .visaA, .visaB: return [on(1, 13..<19, 19), on(1, 21..<27, 27)]
        case .td3: return [on(1, 13..<19, 19), on(1, 21..<27, 27), on(1, 28..<42, 42)]
        }
    }

    /// The fields the composite check digit covers, and its position; visas have none.
    private var composite: (fields: [Field], check: Field)? {
        switch layout {
        case .td1:
            return ([Field(line: 0, range: 5..<30), Field(line: 1, range: 0..<7), Field(line: 1, range: 8..<15),
                     Field(line: 1, range: 18..<29)], Field(line: 1, range: 29..<30))
        case .td2:
            return ([Field(line: 1, range: 0..<10), Field(line: 1, range: 13..<20), Field(line: 1, range: 21..<35)],
                    Field(line: 1, range: 35..<36))
        case .td3:
            return ([Field(line: 1, range: 0..<10), Field(line: 1, range: 13..<20), Field(line: 1, range: 21..<43)],
                    Field(line: 1, range: 43..<44))
        case .visaA, .visaB:
            return nil
        }
    }

    // MARK: - Checking

    private func characters(_ field: Field) -> ArraySlice<UInt8> {
        lines[field.line][field.range]
    }

    private func verifies(_ fields: [Field], check: Field) -> Bool {
        MRZCheckDigit.verifies(fields.lazy.flatMap(characters), check: lines[check.line][check.range.lowerBound])
    }

    /// The document number's check; a long number's check digit ends its continuation.
    private var documentNumberCheckIsValid: Bool {
        let number = documentNumber
        let check = lines[number.check.line][number.check.range.lowerBound]
        if check == UInt8(ascii: "<"), let overflow = documentNumberOverflow {
            let continuation = characters(overflow).prefix { $0 != UInt8(ascii: "<") }
            if let last = continuation.last {
                return MRZCheckDigit.verifies(characters(number.field) + continuation.dropLast(), check: last)
            }
        }
        return verifies([number.field], check: number.check)
    }
}
