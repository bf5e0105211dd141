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
