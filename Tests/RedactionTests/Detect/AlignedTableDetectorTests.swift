import Testing
@testable import Redaction

/// Tables laid out with spaces inside text, read as tables through the real pipeline.
@Suite("Aligned tables in text")
struct AlignedTableDetectorTests {
    func run(_ text: String) throws -> (output: String, decisions: [Decision]) {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "list.txt", format: .text)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        return (String(decoding: try #require(outcome.output), as: UTF8.self), outcome.decisions)
    }

    static let roster = """
        出境旅游团队名单

        序号  姓名    拼音            性别  出生日期     护照号码
        01   苏建明  SU JIANMING     男   1962.03.15   E12345678
        02   李华    LI HUA          女   1975.04.02   E23456789
        03   王芳    WANG FANG       女   1990.01.07   EA1234567

        """

    @Test("a roster printed with spaces is read by its header: names, birth dates and passports go, sex and serials stay")
    func roster() throws {
        let (output, decisions) = try run(Self.roster)
        #expect(output.contains("01   [PERSON]  [PERSON]     男   [DATE_OF_BIRTH]   [PASSPORT_NUMBER]\n"))
        for value in ["苏建明", "SU JIANMING", "1962.03.15", "E12345678", "WANG FANG", "1990.01.07"] {
            #expect(!output.contains(value), "\(value)")
        }
        let birth = try #require(decisions.first { $0.finding.ruleID == ColumnDetector.ruleID(for: .dateOfBirth) })
        #expect(birth.isRedaction && birth.reason.contains(#"column "出生日期""#))
    }

    @Test("the same layout under headers the vocabulary does not know, in prose, or with cells unlike the header's entity, is no table", arguments: [
        "Item    Colour    Size\nShirt   Blue      M\nHat     Red       L\n",
        "We met  at noon  and left.\nThey said  nothing  more.\nIt rained  all  day.\n",
        "NAME                      READY   STATUS    RESTARTS   AGE\nnginx-7c5ddbdf54-x2vqz    1/1     Running   0          5d\n"
            + "redis-0                   1/1     Running   0          5d\napi-6f9c8d7b5-abcde       1/1     Running   2          3d\n",
        "Name          Version   Summary\nDjango        4.2       Web framework\nrequests      2.31      HTTP library\n"
            + "numpy         1.26      Arrays\n",
    ])
    func notTables(_ text: String) throws {
        let (_, decisions) = try run(text)
        #expect(!decisions.contains { $0.finding.ruleID.hasPrefix("column:") })
    }

    @Test("a row with another number of cells ends the table")
    func blockEnds() throws {
        let text = "Name        Date of birth   City\nAnna Berg   1961-02-03      Oslo\nIvo Petrov  1970-05-06      Bergen\n"
            + "Total 2\nNote  printed  2024-01-05\n"
        let (output, _) = try run(text)
        #expect(!output.contains("1961-02-03") && !output.contains("Ivo Petrov"))
        #expect(output.contains("2024-01-05"))
    }

    @Test("a table turned sideways, names in its first line, is not read by that line, and no name reaches a reason")
    func sideways() throws {
        let text = "Name           Maria Gonzalez          John Smith\nHome phone     +34 612 345 678         +44 7700 900123\n"
            + "Mobile         +34 699 111 222         +44 7700 900456\n"
        let (_, decisions) = try run(text)
        for decision in decisions {
            #expect(!decision.reason.contains("Maria") && !decision.finding.evidence.json.contains("Maria"))
            #expect(!decision.reason.contains("John Smith") && !decision.finding.evidence.json.contains("John Smith"))
        }
        #expect(!decisions.contains { $0.finding.ruleID.hasPrefix("column:") })
    }
}
