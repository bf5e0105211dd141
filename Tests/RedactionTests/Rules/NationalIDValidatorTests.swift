import Testing
@testable import Redaction

/// The national-ID validators against known-good and known-bad numbers.
struct NationalIDValidatorTests {
    func accepts(_ validator: Validator, _ text: String) -> Bool {
        validator.accepts(Substring(text).utf8)
    }

    @Test("checksums lower confidence; calendar and CPR checks drop the match")
    func kinds() {
        for validator in [Validator.cnResidentID, .esDNI, .hkID, .luhn, .mrz, .sePersonnummer, .twNationalID, .ukNINO, .usSSN] {
            #expect(validator.isChecksum, "\(validator)")
        }
        for validator in [Validator.calendarDate, .dkCPR, .phoneDigits] {
            #expect(!validator.isChecksum, "\(validator)")
        }
        #expect(Validator.allCases.filter(\.validatesWholeMatch) == [.mrz])
    }

    @Test("Chinese resident IDs with a right check character and a real birth date pass",
          arguments: ["11010519491231002X", "11010519491231002x", "110101199003074514", "440305199003071236"])
    func chineseResidentIDPasses(number: String) {
        #expect(accepts(.cnResidentID, number))
    }

    @Test("Chinese resident IDs with a wrong check character, an impossible date or a wrong length fail",
          arguments: ["110101199003074515", "110101199002304517", "11010519491231002", "1101051949123100XX"])
    func chineseResidentIDFails(number: String) {
        #expect(!accepts(.cnResidentID, number))
    }

    @Test("Taiwan IDs and resident certificate numbers with a right check digit pass",
          arguments: ["A123456789", "F131104093", "A800000014", "B124589215", "B974366875", "P800390266"])
    func taiwanPasses(number: String) {
        #expect(accepts(.twNationalID, number))
    }

    @Test("Taiwan numbers with a wrong check digit, gender digit or length fail",
          arguments: ["A123456788", "A323456789", "A12345678", "1123456789", "A1234567890", "A12345678-"])
    func taiwanFails(number: String) {
        #expect(!accepts(.twNationalID, number))
    }

    @Test("Hong Kong IDs with a right check character pass, with or without parentheses",
          arguments: ["A123456(3)", "A123456 (3)", "A1234563", "G123456(A)", "AB987654(3)", "C668668(9)", "K1234560", "A123456（3）"])
    func hongKongPasses(number: String) {
        #expect(accepts(.hkID, number))
    }

    @Test("Hong Kong IDs with a wrong check character or shape fail",
          arguments: ["A123456(4)", "AB987654(4)", "A12345(3)", "1234567(3)", "ABC123456(3)", "A123456(B)"])
    func hongKongFails(number: String) {
        #expect(!accepts(.hkID, number))
    }

    @Test("issuable US SSNs pass in any separator style",
          arguments: ["489-36-8350", "514-14-8905", "690-05-5315", "109 99 6000", "109.99.6000", "726602033"])
    func ssnPasses(number: String) {
        #expect(accepts(.usSSN, number))
    }

    @Test("never-issued and published SSNs fail",
          arguments: ["123-45-6789", "078-05-1120", "219-09-9999", "987-65-4320", "987-65-4329", "000-12-3456",
                      "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "111-11-1111", "12-345-678"])
    func ssnFails(number: String) {
        #expect(!accepts(.usSSN, number))
    }

    @Test("National Insurance numbers with an allocatable prefix pass in every spacing",
          arguments: ["AZ 12 34 56 A", "AZ123456A", "AZ 123456 A", "AZ 123 456 A", "JG103759A", "OA123456D"])
    func ninoPasses(number: String) {
        #expect(accepts(.ukNINO, number))
    }

    @Test("National Insurance numbers with a never-issued prefix, a bad suffix or length fail",
          arguments: ["QQ 12 34 56 C", "DA123456A", "AO123456A", "GB123456A", "NK123456B", "ZZ123456C",
                      "AB123456E", "AB12345A", "A1123456A"])
    func ninoFails(number: String) {
        #expect(!accepts(.ukNINO, number))
    }

    @Test("Spanish DNI and NIE numbers with their mod-23 letter pass",
          arguments: ["12345678Z", "12345678-Z", "00000000T", "99999999R", "X1234567L", "X-1234567-L", "Y7654321G", "Z0000001Y"])
    func dniPasses(number: String) {
        #expect(accepts(.esDNI, number))
    }

    @Test("Spanish numbers with a wrong letter or shape fail",
          arguments: ["12345678A", "X1234567A", "A1234567L", "1234567Z", "123456789", "W1234567L"])
    func dniFails(number: String) {
        #expect(!accepts(.esDNI, number))
    }

    @Test("Swedish personnummer and samordningsnummer with a real date and Luhn digit pass",
          arguments: ["811228-9874", "19811228-9874", "198112289874", "8112289874", "670919-9530", "701063-2391",
                      "121212+1212", "000229-1235"])
    func personnummerPasses(number: String) {
        #expect(accepts(.sePersonnummer, number))
    }

    @Test("Swedish numbers with a wrong Luhn digit, an impossible date, century or length fail",
          arguments: ["811228-9875", "811328-9874", "810229-1237", "17811228-9874", "19810229-1237", "81122898", "811292-9874"])
    func personnummerFails(number: String) {
        #expect(!accepts(.sePersonnummer, number))
    }

    @Test("Danish CPR numbers pass on a real date in the century their seventh digit gives",
          arguments: ["070761-4285", "290200-4321", "0101011234", "010158-5123", "311299-9999"])
    func cprPasses(number: String) {
        #expect(accepts(.dkCPR, number))
    }

    @Test("Danish CPR numbers with an impossible date fail (29 February 1900 included)",
          arguments: ["300279-1234", "290201-4321", "320101-1234", "011301-1234", "290200-1234", "070761-428"])
    func cprFails(number: String) {
        #expect(!accepts(.dkCPR, number))
    }

    @Test("Luhn passes Canadian SINs and card numbers, fails a changed digit",
          arguments: [("130 692 544", true), ("166-997-676", true), ("4111111111111111", true),
                      ("130 692 545", false), ("130 692 454", false), ("5", false)])
    func luhn(number: String, valid: Bool) {
        #expect(accepts(.luhn, number) == valid)
    }
}
