import Foundation
import Redaction
import Testing

/// Name propagation across the files of one `redact run`, with the real binary: names from a
/// roster recur in a memo; dates, public roles and the roster's own origin stay right.
struct SafePropagationCLITests {
    @Test("a roster's names are redacted in a memo, but not a month in a date nor a premier; reasons name the seed")
    func rosterAndMemo() throws {
        let input = TemporaryDirectory.with([
            "roster.csv": Array("name,passport\nJune Park,E12345678\nZhang Qiang,E87654321\n".utf8),
            "memo.txt": Array("Memo\nOn June 11, 2022 Premier Li Qiang received June Park.\nZhang Qiang was absent.\n".utf8),
        ])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/a.sqlite",
                                           "--key-file", work + "/key"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try String(contentsOfFile: work + "/out/memo.txt", encoding: .utf8)
            == "Memo\nOn June 11, 2022 Premier Li Qiang received [PERSON].\n[PERSON] was absent.\n")
        #expect(try String(contentsOfFile: work + "/out/roster.csv", encoding: .utf8)
            == "name,passport\n[PERSON],[PASSPORT_NUMBER]\n[PERSON],[PASSPORT_NUMBER]\n")

        let log = try AuditQuery(path: work + "/a.sqlite")
        let run = try #require(try log.runs().last)
        let memo = try #require(try log.documents(run: run.id).first { $0.path == "memo.txt" })
        let decisions = try log.decisions(run: run.id, document: memo.id).map(\.decision)
        let propagated = decisions.filter { $0.rule == NameLexicon.ruleID && $0.verdict == "redact" }
        #expect(propagated.count == 2)
        #expect(propagated.contains { $0.reason.contains("propagated from a name found by rule ") && $0.reason.hasSuffix(" in roster.csv line 2") })
        #expect(propagated.contains { $0.reason.hasSuffix(" in roster.csv line 3") })
        #expect(propagated.allSatisfy { $0.evidence.contains(#""seed":{"rule":"#) && $0.evidence.contains(#""document":"roster.csv""#) })
        // The premier's surname was found and kept, with the title as its reason.
        #expect(decisions.contains { $0.rule == NameLexicon.ruleID && $0.verdict == "keep" && $0.evidence.contains("premier") })
        for decision in decisions {
            for name in ["June Park", "Zhang Qiang", "Qiang"] {
                #expect(!decision.reason.contains(name) && !decision.evidence.contains(name))
            }
        }
        let verify = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key", "--audit", work + "/a.sqlite"])
        #expect(verify.status == 0, "\(verify.err)")
    }

    @Test("a name from --names-from sources is redacted with its source's document and line as the reason")
    func namesFromOrigin() throws {
        let sources = TemporaryDirectory.with(["list.txt": Array("Visitors\nName: Katie Gentry\n".utf8)])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", "-", "--names-from", sources, "--audit", work + "/a.sqlite",
                                           "--key-file", work + "/key"], stdin: Data("Gentry called on June 3, 2024.\n".utf8))
        #expect(result.status == 0, "\(result.err)")
        #expect(String(decoding: result.stdout, as: UTF8.self) == "[PERSON] called on June 3, 2024.\n")
        let log = try AuditQuery(path: work + "/a.sqlite")
        let run = try #require(try log.runs().last)
        let document = try #require(try log.documents(run: run.id).first)
        let decision = try #require(try log.decisions(run: run.id, document: document.id).first { $0.decision.verdict == "redact" })
        #expect(decision.decision.reason.hasSuffix(" in list.txt line 2"), "\(decision.decision.reason)")
    }
}
