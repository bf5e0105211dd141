import Testing
@testable import Redaction

/// A value the policy's operator would write unchanged is kept as already published.
struct PublishedFormTests {
    func decisions(_ text: String, policy: String, path: String = "a.csv") throws -> [Decision] {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: path, format: .csv)
        let loaded = try PolicyLoader.load(path: Fixtures.rulesDirectory + "/policies/" + policy + ".yaml")
        return try Pipeline(catalog: Fixtures.catalog, policy: loaded).decide(document)
    }

    @Test("birth years under generalize-to-year, and a plain label, are kept as the published form; a full date is not")
    func generalizedAndLabelled() throws {
        let found = try decisions("Name,Date of Birth\n[PERSON],1975\n[PERSON],1988年\n[PERSON],1990-01-02\n", policy: "data-desk")
        let births = found.filter { $0.finding.ruleID == ColumnDetector.ruleID(for: .dateOfBirth) }
        #expect(births.count == 3)
        #expect(births[0].verdict == .keep(.publishedForm(operator: "generalize(to: year)")))
        #expect(births[1].verdict == .keep(.publishedForm(operator: "generalize(to: year)")))
        #expect(births[2].isRedaction)
        #expect(births[0].reason.hasPrefix("kept: already in the form the policy publishes (generalize(to: year)"))
        #expect(!found.contains { $0.finding.entity == .person && $0.isRedaction })
    }

    @Test("a city, region or country alone in an address column is kept under generalize-to-city; an estate name or a person is not")
    func placesUnderCityPolicy() throws {
        let found = try decisions("Name,Home Address\n[PERSON],Houston\n[PERSON],München\n[PERSON],浙江省杭州市\n[PERSON],Rosewood Gardens\n[PERSON],\"918 Bellaire Court, Houston, TX 77025\"\n", policy: "data-desk")
        let addresses = found.filter { $0.finding.entity == .address && $0.finding.ruleID == ColumnDetector.ruleID(for: .address) }
        #expect(addresses.map(\.finding.field.record) == [1, 2, 3, 4, 5])
        let city = KeepReason.publishedForm(operator: "generalize(to: city)")
        #expect(addresses[0].verdict == .keep(city))
        #expect(addresses[1].verdict == .keep(city))
        #expect(addresses[2].verdict == .keep(city))
        #expect(addresses[3].isRedaction)
        // The full address is redacted (by whichever address finding covers it).
        #expect(found.contains { $0.finding.field.record == 5 && $0.finding.entity == .address && $0.isRedaction })
    }

    @Test("addresses' own forms are recognised only as known places", arguments: [
        (Generalization.city, "Houston", true), (.city, "Milano", true), (.city, "New York", true),
        (.city, "Rosewood Gardens", false), (.city, "Larch Crescent", false), (.city, "Houston TX", false),
        (.city, "Houston, TX", false), (.city, "浙江省杭州市", true), (.city, "杭州市西湖区", false),
        (.region, "BC", true), (.region, "VIC", true), (.region, "Houston", false),
        (.country, "Canada", true), (.country, "中国", true), (.country, "Houston", false),
    ])
    func addressForms(_ target: Generalization, _ value: String, _ expected: Bool) {
        #expect(AddressGeneralizer.isWrittenForm(value[...], target: target, lexicons: Fixtures.catalog.lexicons) == expected)
    }

    @Test("the verifier keeps a published form too: a birth year on a line with a redacted name is written")
    func verifierKeepsPublishedForms() throws {
        let document = try DocumentReader.read(bytes: Array("Jane Doe was born in 1948.\n".utf8), displayPath: "a.txt", format: .text)
        let loaded = try PolicyLoader.load(path: Fixtures.rulesDirectory + "/policies/data-desk.yaml")
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: loaded).process(document)
        #expect(outcome.failure == nil)
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self) == "[PERSON] was born in 1948.\n")
    }

    @Test("generalization's own forms are recognised", arguments: [
        (Generalization.year, "1975", true), (.year, "1975年", true), (.year, "19750", false),
        (.decade, "1970s", true), (.decade, "1970年代", true), (.decade, "1975s", false),
        (.ageBand, "40–49", true), (.ageBand, "40–49岁", true), (.ageBand, "40-49", false),
        (.city, "London", false),
    ])
    func writtenForms(_ target: Generalization, _ value: String, _ expected: Bool) {
        #expect(target.isWrittenForm(value[...]) == expected)
    }
}
