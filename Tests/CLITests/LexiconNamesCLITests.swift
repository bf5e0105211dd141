import Foundation
import Testing

/// Names without a cue, end to end: `run` redacts them in prose and in cells by the name
/// lexicons, keeps dates, countries and officials, and `scan` names the evidence.
struct LexiconNamesCLITests {
    @Test("run redacts lexicon names in text and CSV cells; months, countries, officials and common phrases stay")
    func runRedactsLexiconNames() throws {
        let inputs = TemporaryDirectory.with([
            "memo.txt": Array("""
                Present: ASHWORTH, Katie and Mei-hua Lin. Copies to J. Dunne.
                Letter to Mr K. Ashworth dated June 11, 2022; Senator J. Dunne replied on Monday.
                The Bill of Rights has a grace period in Jordan and Paris.

                """.utf8),
            "roster.csv": Array("id,member,city,note\n1,Katie Gentry,Paris,Grace period\n2,王小明,北京市,安全\n".utf8),
        ])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", inputs, "--out", work + "/out", "--audit", work + "/a.sqlite",
                                           "--key-file", work + "/k"])
        #expect(result.status == 0, "\(result.err)")
        let memo = try String(contentsOfFile: work + "/out/memo.txt", encoding: .utf8)
        for name in ["ASHWORTH, Katie", "Mei-hua Lin", "J. Dunne.", "K. Ashworth"] { #expect(!memo.contains(name), "\(name)") }
        for kept in ["June 11, 2022", "Senator J. Dunne", "Monday", "Bill of Rights", "grace period", "Jordan", "Paris"] {
            #expect(memo.contains(kept), "\(kept)")
        }
        let roster = try String(contentsOfFile: work + "/out/roster.csv", encoding: .utf8)
        #expect(!roster.contains("Katie Gentry"))
        #expect(!roster.contains("王小明"))
        for kept in ["Paris", "Grace period", "北京市", "安全"] { #expect(roster.contains(kept), "\(kept)") }
    }

    @Test("scan reports the lexicon rule and its evidence in words, never the value")
    func scanNamesEvidence() throws {
        let result = try RedactBinary.run(["scan", "-", "--format", "jsonl"], stdin: Data("Signed: ASHWORTH, Katie\n".utf8))
        #expect(result.status == 1)
        #expect(result.out.contains("person-lexicon-surname-comma"))
        #expect(!result.out.contains("Ashworth") && !result.out.contains("ASHWORTH"))
    }
}
