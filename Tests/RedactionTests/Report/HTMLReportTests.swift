import Foundation
import Testing
@testable import Redaction

/// The review page's renderer. The golden page is regenerated after an intended change
/// with `REDACT_UPDATE_GOLDEN=1 swift test --filter HTMLReportTests`; read its diff before
/// committing it.
@Suite("HTML review report")
struct HTMLReportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/review-report.html").path

    /// A small run: a text document with a redaction, a near-miss and an override, and a
    /// failed document without text. Offsets are UTF-8 bytes into the text.
    static func sample() -> ReviewReport {
        let text = "致电 [PHONE_NUMBER]。Meeting on 2024-03-15 <b>&</b>\nPassport: [PASSPORT_NUMBER]\n"
        func range(of part: String) -> Range<Int> {
            let bytes = Array(text.utf8)
            let needle = Array(part.utf8)
            let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
            return start..<(start + needle.count)
        }
        return ReviewReport(
            title: "Redact review — run 7",
            facts: [.init("run", "7"), .init("head hash", String(repeating: "ab", count: 32))],
            documents: [
                .init(path: "notes/<draft>.md", status: "written",
                      excerpts: [.init(label: nil, text: text, marks: [
                        .init(decision: 1, range: range(of: "[PHONE_NUMBER]")),
                        .init(decision: 2, range: range(of: "2024-03-15")),
                        .init(decision: 3, range: range(of: "[PASSPORT_NUMBER]")),
                      ])],
                      textNote: nil, facts: [.init("output", "out/notes/<draft>.md")],
                      decisions: [
                        .init(id: 1, position: "1:4", location: "",
                              entity: "phone_number", rule: "phone-cn-mobile", confidence: "high", verdict: "redact",
                              operatorName: "label", reason: "high confidence ≥ medium"),
                        .init(id: 2, position: "1:30", location: "",
                              entity: "date_of_birth", rule: "date-of-birth", confidence: "low", verdict: "keep",
                              operatorName: nil, reason: "below the policy's minimum (low < medium)"),
                        .init(id: 3, position: "2:11", location: "",
                              entity: "passport_number", rule: "passport-labelled", confidence: "high", verdict: "redact",
                              operatorName: "label", reason: "reviewer override",
                              override: .init(reviewer: "A. Counsel", reason: "confirmed \"personal\"", action: "redact")),
                        .init(id: 4, position: "2:11", location: "", entity: "national_id",
                              rule: "national-id-labelled", confidence: "medium", verdict: "keep", operatorName: nil,
                              reason: "covered by decision 3"),
                      ]),
                .init(path: "broken.csv", status: "failed", excerpts: [], textNote: "No output: the file could not be read.",
                      facts: [.init("error", "broken.csv: line 3: unterminated quote")], decisions: []),
            ])
    }

    @Test("the page matches the golden file")
    func golden() throws {
        let html = HTMLReport.render(Self.sample())
        if ProcessInfo.processInfo.environment["REDACT_UPDATE_GOLDEN"] == "1" {
            try html.write(toFile: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: Self.golden, encoding: .utf8)
        #expect(html == expected)
    }

    @Test("data is escaped, every placed decision is marked once, and nothing loads from elsewhere")
    func structure() {
        let html = HTMLReport.render(Self.sample())
        #expect(html.contains("notes/&lt;draft&gt;.md"))
        #expect(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(!html.contains("<b>&</b>"))
        #expect(html.contains("confirmed &quot;personal&quot;"))
        for id in 1...3 { #expect(html.components(separatedBy: "<mark id=\"d\(id)\"").count == 2) }
        #expect(!html.contains("<mark id=\"d4\""))
        #expect(html.contains("<tr id=\"r4\""))
        #expect(html.contains("Content-Security-Policy"))
        for external in ["src=\"http", "href=\"http", "<link", "@import", "url("] { #expect(!html.contains(external)) }
    }

    @Test("a range that overlaps an earlier mark or splits a character stays in the table only")
    func badRanges() {
        let text = "护照 E12345678"
        func item(_ id: Int64) -> ReviewReport.Item {
            .init(id: id, position: "1:4", location: "", entity: "passport_number", rule: "r",
                  confidence: "high", verdict: "redact", operatorName: "label", reason: "x")
        }
        func render(_ marks: [ReviewReport.Mark]) -> String {
            HTMLReport.render(ReviewReport(title: "t", facts: [], documents: [
                .init(path: "a.txt", status: "written", excerpts: [.init(label: nil, text: text, marks: marks)],
                      textNote: nil, facts: [], decisions: [item(1), item(2), item(3)]),
            ]))
        }
        var html = render([.init(decision: 1, range: 7..<16), .init(decision: 2, range: 8..<12), .init(decision: 3, range: 1..<3)])
        #expect(html.contains("<mark id=\"d1\""))
        #expect(!html.contains("<mark id=\"d2\""))
        #expect(!html.contains("<mark id=\"d3\""))
        #expect(html.contains("护照 "))
        html = render([.init(decision: 1, range: 7..<99), .init(decision: 9, range: 0..<3)])
        #expect(!html.contains("<mark"))
        #expect(html.contains("护照 E12345678"))
    }
}
