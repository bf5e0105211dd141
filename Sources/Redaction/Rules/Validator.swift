/// A check a match must pass beyond its pattern: a checksum, a calendar, a plausibility list.
///
/// A closed set, named in rule files by `validator:`. Two kinds:
/// - checksums and issuance checks (`cn-resident-id`, `es-dni`, `hk-id`, `luhn`, `mrz`,
///   `se-personnummer`, `tw-national-id`, `uk-nino`, `us-ssn` and the national schemes from
///   `de-document-serial` to `th-national-id`): a failed check lowers the
///   finding's confidence by one level rather than dropping it, so a mistyped number is
///   still seen, and a never-issued one is still redacted after its label;
/// - shape checks (`calendar-date`, `dk-cpr`, `phone-digits`): a failure means the text is
///   not the entity at all (February 30th is not a date), so the match is dropped.
///
/// The algorithms live in `Validators/`, one concept per file; this type only dispatches.
public enum Validator: String, CaseIterable, Sendable {
    case none
    /// The value holds a real calendar date (month 1–12, day within the month, year 1900–2100).
    case calendarDate = "calendar-date"
    /// Chinese resident identity number: 18 characters, ISO 7064 MOD 11-2 check, valid birth date.
    case cnResidentID = "cn-resident-id"
    /// Spanish DNI/NIF or NIE: 8 digits (or X/Y/Z + 7) and the mod-23 check letter.
    case esDNI = "es-dni"
    /// Danish CPR number: its first six digits are a real date (DDMMYY, century from digit 7).
    case dkCPR = "dk-cpr"
    /// Hong Kong identity card number: 1–2 letters, 6 digits, mod-11 check character.
    case hkID = "hk-id"
    /// Luhn mod-10 check over the digits.
    case luhn
    /// ICAO 9303 machine-readable zone: every check digit of the whole matched block.
    case mrz
    /// A phone number: 7 to 15 digits (E.164's maximum) before any extension.
    case phoneDigits = "phone-digits"
    /// Swedish personnummer or samordningsnummer: a real date and a Luhn check digit.
    case sePersonnummer = "se-personnummer"
    /// Taiwan national ID or resident certificate number: letter, gender digit, weighted check.
    case twNationalID = "tw-national-id"
    /// UK National Insurance number: an allocatable two-letter prefix, six digits, suffix A–D.
    case ukNINO = "uk-nino"
    /// US Social Security number: an issuable area, group and serial, not a published dummy.
    case usSSN = "us-ssn"
    /// German passport or identity card serial: nine characters and an ICAO 7-3-1 check digit.
    case deDocumentSerial = "de-document-serial"
    /// Australian Tax File Number: eight or nine digits, weighted modulus 11.
    case auTFN = "au-tfn"
    /// Australian Medicare card number: weighted modulus 10 check in the ninth digit.
    case auMedicare = "au-medicare"
    /// UK NHS number: ten digits, modulus 11 check digit.
    case ukNHS = "uk-nhs"
    /// Dutch BSN: nine digits passing the 11-proof.
    case nlBSN = "nl-bsn"
    /// Portuguese NIF: nine digits, taxpayer kind, modulus 11 check digit.
    case ptNIF = "pt-nif"
    /// Polish PESEL: a real birth date and a weighted modulus 10 check digit.
    case plPESEL = "pl-pesel"
    /// Brazilian CPF: two modulus 11 check digits.
    case brCPF = "br-cpf"
    /// South Korean resident registration number: a real birth date and a modulus 11 check.
    case krRRN = "kr-rrn"
    /// US ITIN: 9XX-XX-XXXX with a middle group the IRS assigns to ITINs.
    case usITIN = "us-itin"
    /// Belgian national register number: modulus 97 check.
    case beNationalNumber = "be-national-number"
    /// French NIR (social security number): modulus 97 key, Corsican 2A/2B.
    case frNIR = "fr-nir"
    /// Finnish HETU: a real birth date and a modulus 31 check character.
    case fiHETU = "fi-hetu"
    /// Singapore NRIC/FIN: series letter, seven digits, weighted modulus 11 check letter.
    case sgNRIC = "sg-nric"
    /// Italian codice fiscale: sixteen characters and a modulus 26 check letter.
    case itCodiceFiscale = "it-codice-fiscale"
    /// Indian Aadhaar: twelve digits, first 2–9, Verhoeff check digit.
    case inAadhaar = "in-aadhaar"
    /// Thai national ID: thirteen digits, weighted modulus 11 check digit.
    case thNationalID = "th-national-id"
    /// South African identity number: a real YYMMDD, citizenship digit 0–2, Luhn check digit.
    case zaID = "za-id"
    /// Romanian CNP: sex/century digit, a real date, county 01–52, weighted mod-11 check.
    case roCNP = "ro-cnp"
    /// Russian SNILS: nine digits and a two-digit weighted mod-101 check.
    case ruSNILS = "ru-snils"
    /// Turkish identity number (T.C. Kimlik No): two check digits over the first nine and ten.
    case trIdentityNumber = "tr-identity-number"

    /// Whether a failure only lowers confidence (checksums) instead of dropping the match.
    public var isChecksum: Bool {
        switch self {
        case .cnResidentID, .esDNI, .hkID, .luhn, .mrz, .sePersonnummer, .twNationalID, .ukNINO, .usSSN,
             .deDocumentSerial, .auTFN, .auMedicare, .ukNHS, .nlBSN, .ptNIF, .plPESEL, .brCPF, .krRRN, .usITIN,
             .beNationalNumber, .frNIR, .fiHETU, .sgNRIC, .itCodiceFiscale, .inAadhaar, .thNationalID, .zaID, .roCNP,
             .ruSNILS, .trIdentityNumber: true
        case .none, .calendarDate, .dkCPR, .phoneDigits: false
        }
    }

    /// Whether the validator reads the whole match rather than the reported `value` group.
    ///
    /// An MRZ rule reports one field (the document number) but its check digits cover the
    /// other lines too, so the validator must see the whole block the pattern matched.
    public var validatesWholeMatch: Bool {
        self == .mrz
    }

    /// Whether `value` (the finding's text, or the whole match when `validatesWholeMatch`)
    /// passes.
    public func accepts(_ value: some Collection<UInt8>) -> Bool {
        switch self {
        case .none: true
        case .calendarDate: DateParts.parse(value).map(\.isValid) ?? false
        case .cnResidentID: ChineseResidentID.isValid(Array(value))
        case .dkCPR: DanishCPR.isValid(Array(value))
        case .esDNI: SpanishDNI.isValid(Array(value))
        case .hkID: HongKongID.isValid(Array(value))
        case .luhn: Luhn.isValid(Array(value))
        case .mrz: MachineReadableZone(Array(value))?.isValid ?? false
        case .phoneDigits: PhoneDigitCount.isPlausible(Array(value))
        case .sePersonnummer: SwedishPersonnummer.isValid(Array(value))
        case .twNationalID: TaiwanNationalID.isValid(Array(value))
        case .ukNINO: UKNationalInsuranceNumber.isValid(Array(value))
        case .usSSN: USSocialSecurityNumber.isValid(Array(value))
        case .deDocumentSerial: GermanDocumentSerial.isValid(Array(value))
        case .auTFN: AustralianTFN.isValid(Array(value))
        case .auMedicare: AustralianMedicare.isValid(Array(value))
        case .ukNHS: UKNHSNumber.isValid(Array(value))
        case .nlBSN: DutchBSN.isValid(Array(value))
        case .ptNIF: PortugueseNIF.isValid(Array(value))
        case .plPESEL: PolishPESEL.isValid(Array(value))
        case .brCPF: BrazilianCPF.isValid(Array(value))
        case .krRRN: KoreanRRN.isValid(Array(value))
        case .usITIN: USITIN.isValid(Array(value))
        case .beNationalNumber: BelgianNationalNumber.isValid(Array(value))
        case .frNIR: FrenchNIR.isValid(Array(value))
        case .fiHETU: FinnishHETU.isValid(Array(value))
        case .sgNRIC: SingaporeNRIC.isValid(Array(value))
        case .itCodiceFiscale: ItalianCodiceFiscale.isValid(Array(value))
        case .inAadhaar: Verhoeff.isAadhaar(Array(value))
        case .thNationalID: ThaiNationalID.isValid(Array(value))
        case .zaID: SouthAfricanID.isValid(Array(value))
        case .roCNP: RomanianCNP.isValid(Array(value))
        case .ruSNILS: RussianSNILS.isValid(Array(value))
        case .trIdentityNumber: TurkishIdentityNumber.isValid(Array(value))
        }
    }
}
