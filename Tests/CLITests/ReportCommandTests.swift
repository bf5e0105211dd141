import Foundation
import Redaction
import Testing

/// `redact report --html`, against the real binary and a real audit log.
struct ReportCommandTests {
    @Test("the page shows the run, marks every redaction in the published text, masks near-misses and shows overrides")
    func reportOfARunWithAnOverride() throws {
        let (work, first) = try AuditCommandTests.runOnce()
        #expect(first.status == 0)
        let audit = ["--audit", work + "/a.sqlite"]
        let id = try AuditCommandTests.firstDecision(entity: "passport_number", verdict: "redact", audit: audit)
        let review = try AuditCommandTests.writeReview(keep: id, reason: "a fictional <character>", reviewer: "A. Chen", in: work)
        let (_, second) = try AuditCommandTests.runOnce(["--review", review], work: work)
        #expect(second.status == 0, "\(second.err)")
        let head = try #require(AuditCommandTests.head(of: second))

        let page = work + "/review.html"
        let report = try RedactBinary.run(["report", "--html", page] + audit)
        #expect(report.status == 0, "\(report.err)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("Redact review — run 2"))
        #expect(html.contains(head))
        #expect(html.contains("record 1 · name"))
        #expect(html.contains("Overridden to keep by A. Chen: a fictional &lt;character&gt;"))
        #expect(html.contains("class=\"k-override\""))
        // Redactions are marked on the replacement the run wrote; the kept passport (the
        // override) and the meeting date are near-misses, masked unless asked for.
        #expect(html.contains("[PASSPORT_NUMBER]</a></mark>"))
        #expect(html.contains("[kept date_of_birth]") || !html.contains("2024-03-05"))
        #expect(!html.contains("E12345678"))
        let shown = work + "/shown.html"
        #expect(try RedactBinary.run(["report", "--html", shown, "--show-kept-text"] + audit).status == 0)
        #expect(try String(contentsOfFile: shown, encoding: .utf8).contains("E12345678"))

        let older = try RedactBinary.run(["report", "--html", work + "/run1.html", "--run", "1"] + audit)
        #expect(older.status == 0)
        #expect(try String(contentsOfFile: work + "/run1.html", encoding: .utf8).contains("Redact review — run 1"))
    }

    @Test("a log whose chain does not verify is reported on the page, in a warning at the top")
    func tamperedLog() throws {
        let (work, _) = try AuditCommandTests.runOnce()
        let audit = ["--audit", work + "/a.sqlite", "--key-file", work + "/key"]
        let intact = work + "/intact.html"
        #expect(try RedactBinary.run(["report", "--html", intact] + audit).status == 0)
        let intactPage = try String(contentsOfFile: intact, encoding: .utf8)
        #expect(intactPage.contains("intact ("))
        #expect(!intactPage.contains("class=\"tampered\""))
        try SQLiteDatabase(path: work + "/a.sqlite").execute(sql: "UPDATE decision SET verdict = 'keep' WHERE id = 1")
        let tampered = work + "/tampered.html"
        #expect(try RedactBinary.run(["report", "--html", tampered] + audit).status == 0)
        let page = try String(contentsOfFile: tampered, encoding: .utf8)
        #expect(page.contains("class=\"tampered\""))
        #expect(page.contains("TAMPERED: decision 1"))
    }

    @Test("an unknown run, a missing log or an unwritable page is an error (2) and writes nothing")
    func errors() throws {
        let (work, _) = try AuditCommandTests.runOnce()
        let audit = ["--audit", work + "/a.sqlite"]
        let unknown = try RedactBinary.run(["report", "--html", work + "/x.html", "--run", "99"] + audit)
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("no run with id 99"))
        #expect(!FileManager.default.fileExists(atPath: work + "/x.html"))
        let missing = try RedactBinary.run(["report", "--html", work + "/y.html", "--audit", work + "/none.sqlite"])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: work + "/none.sqlite"))
        let unwritable = try RedactBinary.run(["report", "--html", work + "/a.sqlite/z.html"] + audit)  // parent is a file
        #expect(unwritable.status == 2)
    }
}
