import Testing
@testable import Redaction

/// The ICAO 9303 machine-readable zone validator against specimen zones and damaged copies.
struct MRZValidatorTests {
    /// ICAO 9303 specimens (Part 4 TD3, Part 5 TD1, Part 6 TD2, Part 7 MRV-A/B) and zones
    /// built to the same rules for the oddities: German `D<<`, Zimbabwe's `ZIM`, a document
    /// number with `<` filler, a TD1 long document number, a TD1 personal number.
    static let valid: [(name: String, lines: [String])] = [
        ("TD3 specimen", ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]),
        ("TD3 D<<", ["POD<<SCHMIDT<<ANNA<LENA<<<<<<<<<<<<<<<<<<<<<", "C4J7K9LM28D<<7503049F3101229<<<<<<<<<<<<<<<4"]),
        ("TD3 ZIM, number with filler", ["P<ZIMMOYO<<TENDAI<FARAI<<<<<<<<<<<<<<<<<<<<<", "FN123456<5ZIM8802141M2908133<<<<<<<<<<<<<<<2"]),
        ("TD1 specimen", ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]),
        ("TD1 long number", ["I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]),
        ("TD1 personal number", ["IDESPBAA000589599999999R<<<<<<", "8001014F3101012ESP<<<<<<<<<<<5", "ESPANOLA<ESPANOLA<<CARMEN<<<<<"]),
        ("TD2 specimen", ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]),
        ("MRV-A specimen", ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"]),
        ("MRV-B specimen", ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]),
    ]

    func accepts(_ text: String) -> Bool {
        Validator.mrz.accepts(Substring(text).utf8)
    }

    @Test("the check digit weighs 7-3-1, counts < as 0 and letters from 10")
    func checkDigit() {
        #expect(MRZCheckDigit.compute(Array("L898902C3".utf8)) == 6)
        #expect(MRZCheckDigit.compute(Array("740812".utf8)) == 2)
        #expect(MRZCheckDigit.compute(Array("ZE184226B<<<<<".utf8)) == 1)
        #expect(MRZCheckDigit.compute(Array("D23145890734".utf8)) == 9)
        #expect(MRZCheckDigit.compute(Array("<<<<<<".utf8)) == 0)
        #expect(MRZCheckDigit.compute(Array("ab".utf8)) == nil)
    }

    @Test("specimen zones pass with any line break, joined by a space or written on one line",
          arguments: valid.map(\.name))
    func specimensPass(name: String) throws {
        let lines = try #require(Self.valid.first { $0.name == name }).lines
        for separator in ["\n", "\r\n", "\n  ", " ", ""] {
            #expect(accepts(lines.joined(separator: separator)), "\(name) joined by \(separator.debugDescription)")
        }
    }

    @Test("the layout follows the length and the document code")
    func layouts() throws {
        let layouts = try Self.valid.map { try #require(MachineReadableZone(Array($0.lines.joined(separator: "\n").utf8))).layout }
        #expect(layouts == [.td3, .td3, .td3, .td1, .td1, .td1, .td2, .visaA, .visaB])
    }

    @Test("changing any character a check digit covers, or the check digit itself, fails the zone",
          arguments: valid.map(\.name))
    func damagedZonesFail(name: String) throws {
        let lines = try #require(Self.valid.first { $0.name == name }).lines
        let text = Array(lines.joined(separator: "\n").utf8)
        // Every digit of the zone is covered by a check digit, or is one, except a visa's
        // optional data: visas have no composite check digit.
        let uncovered = name.hasPrefix("MRV") ? (text.count - lines[1].count + 28) : text.count
        for index in text.indices where index < uncovered && (0x30...0x39).contains(text[index]) {
            var damaged = text
            damaged[index] = text[index] == UInt8(ascii: "9") ? UInt8(ascii: "0") : text[index] + 1
            #expect(!Validator.mrz.accepts(Substring(decoding: damaged, as: UTF8.self).utf8),
                    "\(name): digit at \(index) changed")
        }
    }

    @Test("text that is not a zone fails: filler only, wrong length, lower case, no document number",
          arguments: [
              String(repeating: "<", count: 44) + "\n" + String(repeating: "<", count: 44),
              "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1",
              "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nl898902c36UTO7408122F1204159ZE184226B<<<<<10",
              "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<0UTO7408122F1204159ZE184226B<<<<<12",
              "PASSENGERLISTFORFLIGHTCA981BEIJINGTOTORONTOX\nALLPASSENGERSMUSTSHOWAVALIDTRAVELDOCUMENTNOW",
          ])
    func nonZonesFail(text: String) {
        #expect(!accepts(text))
    }
}
