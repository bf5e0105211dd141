import Foundation
import Redaction
import Testing

/// `redact run` on tables whose headers `columns.yaml` does not list verbatim: the real binary,
/// its rules, the audit log's reasons.
struct ColumnProfilingCLITests {
    /// A registry export: abbreviated and translated headers, a document type column, a serial
    /// number, a nationality and a registration date that must survive.
    static let registry = """
        序号,Vorname,Nachname,Ppt no.,证件类型,证件号码,Nationality,Registration date,Member code
        1,Kate,Ashworth,X4471022,护照,E55128876,Ireland,2024-03-02,K7Q2291034
        2,Mei-hua,Lin,Y0938812,居民身份证,11010519491231002X,China,2024-03-05,M0093817XZ
        3,Tomás,Ruiz,Z7712093,护照,G48813092,Spain,2024-04-11,P55100928A

        """

    @Test("unknown headers: names, passports, typed document numbers and roster codes go; serials, nationalities, dates stay")
    func registry() throws {
        let input = TemporaryDirectory.with(["registry.csv": Array(Self.registry.utf8)])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/audit.sqlite",
                                           "--key-file", work + "/key", "--policy", "publish"])
        #expect(result.status == 0, "\(result.err)")
        let output = try String(contentsOfFile: work + "/out/registry.csv", encoding: .utf8)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "序号,Vorname,Nachname,Ppt no.,证件类型,证件号码,Nationality,Registration date,Member code")
        #expect(lines[1] == "1,[PERSON],[PERSON],[PASSPORT_NUMBER],护照,[PASSPORT_NUMBER],Ireland,2024-03-02,[NATIONAL_ID]")
        #expect(lines[2] == "2,[PERSON],[PERSON],[PASSPORT_NUMBER],居民身份证,[NATIONAL_ID],China,2024-03-05,[NATIONAL_ID]")
        for value in ["Ashworth", "X4471022", "E55128876", "11010519491231002X", "K7Q2291034"] {
            #expect(!output.contains(value), "\(value)")
        }
        let log = try AuditQuery(path: work + "/audit.sqlite")
        let run = try #require(try log.runs().last)
        let document = try #require(try log.documents(run: run.id).first)
        let reasons = try log.decisions(run: run.id, document: document.id).filter { $0.decision.verdict == "redact" }
            .map(\.decision.reason)
        #expect(reasons.contains { $0.contains("column \"Ppt no.\" matched by header abbreviation") })
        #expect(reasons.contains { $0.contains("the column \"证件类型\" names in the same row") })
        #expect(reasons.contains {
            $0.contains("column \"Member code\" identifier column in a personal roster (name column \"Vorname\", name column \"Nachname\")")
        })
        // Reasons name headers and shares, never a cell.
        for reason in reasons { #expect(!reason.contains("Ashworth") && !reason.contains("K7Q2291034")) }
    }

    @Test("rules check runs the column map's header examples")
    func rulesCheck() throws {
        let result = try RedactBinary.run(["rules", "check"])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("header examples: all passed"))
    }
}
