import Testing
@testable import Redaction

/// The check-digit validators of the national schemes that prove themselves without a label:
/// published or computed good numbers pass; the same numbers with one digit changed, a wrong
/// length or an impossible date fail.
struct NationalSchemeValidatorTests {
    func accepts(_ validator: Validator, _ text: String) -> Bool {
        validator.accepts(Substring(text).utf8)
    }

    static let schemes: [(Validator, good: [String], bad: [String])] = [
        (.deDocumentSerial, ["T220001293", "C01X00T478", "FHJ8Z48PL2"], ["T220001294", "C01X00T47", "A220001293"]),
        (.auTFN, ["123 456 782", "457491186", "252-760-189"], ["123 456 783", "403423667", "12345678"]),
        (.auMedicare, ["2123 45670 1", "6586264549", "2123456701/1"], ["2123 45671 1", "1123 45670 1", "212345670"]),
        (.ukNHS, ["943 476 5919", "5001826330"], ["943 476 5918", "6014193141", "0000000000"]),
        (.nlBSN, ["111222333", "2847.77.183"], ["111222334", "217047187", "000000000"]),
        (.ptNIF, ["123456789", "252984153"], ["123456788", "423456789", "205656304"]),
        (.plPESEL, ["44051401359", "52032187046"], ["44051401358", "44133101356", "65030861078"]),
        (.brCPF, ["111.444.777-35", "10008577196"], ["111.444.777-36", "111.111.111-11", "72275296813"]),
        (.krRRN, ["771118-1707357", "6107091977458"], ["771118-1707358", "771318-1707357", "9909131864413"]),
        (.usITIN, ["912-70-1234", "951 83 0042"], ["912-40-1234", "812-70-1234", "912-89-123"]),
        (.beNationalNumber, ["85.07.30-033.28", "77061269155"], ["85.07.30-033.29", "97101825539"]),
        (.frNIR, ["2 95 10 99 126 111 93", "150042A01355187"], ["2 95 10 99 126 111 94", "150042B01355187", "5 95 10 99 126 111 93"]),
        (.fiHETU, ["131052-308T", "150561A9868"], ["131052-308U", "311352-308T", "131052*308T"]),
        (.sgNRIC, ["S1234567D", "T2857578A", "M1965697N"], ["S1234567E", "F6574254U", "A1234567D"]),
        (.itCodiceFiscale, ["RSSMRA85T10A562S", "FNZZCV13M02M368O"], ["RSSMRA85T10A562T", "ZPLLFR61R01D684G", "RSSMRA85T10A562"]),
        (.thNationalID, ["1-1017-00230-70-8", "4703742447978"], ["1-1017-00230-70-9", "9101700230705", "110170023070"]),
        (.inAadhaar, ["2341 2341 2346", "355983108669"], ["2341 2341 2347", "1341 2341 2346", "878231686207"]),
        (.zaID, ["9303049528085", "680105 6864 189"], ["9303049528086", "9313049528085", "9303049538085"]),
        (.roCNP, ["1130119105491", "6880317022108"], ["1130119105492", "1131319105491", "1130119995491"]),
        (.ruSNILS, ["112-233-445 95", "52483067083"], ["112-233-445 96", "001-001-997 00", "111-111-111 11"]),
        (.trIdentityNumber, ["10000000146", "23385993552"], ["10000000147", "03385993552", "2338599355"]),
    ]

    @Test("each scheme's good numbers pass and its bad ones fail")
    func schemes() {
        for (validator, good, bad) in Self.schemes {
            #expect(validator.isChecksum, "\(validator)")
            for number in good {
                #expect(accepts(validator, number), "\(validator) \(number)")
            }
            for number in bad {
                #expect(!accepts(validator, number), "\(validator) \(number)")
            }
        }
    }

    @Test("a Chinese resident ID written in groups is checked as the same 18 characters",
          arguments: [("110105 19491231 002X", true), ("1101-0519-4912-3100-2X", true),
                      ("110105 19491231 0021", false), ("1101 0519 4912 3100 2", false)])
    func groupedChineseResidentID(number: String, valid: Bool) {
        #expect(accepts(.cnResidentID, number) == valid)
    }
}
