import Foundation
import Testing
@testable import Redaction

@Suite("Finding lines")
struct FindingLineTests {
    static func located(_ rule: String, verdict: Verdict, field: String = "name", start: Int = 3) -> LocatedDecision {
        let finding = Finding(ruleID: rule, entity: .person, field: FieldRef(record: 0, field: 0), span: ByteSpan(0, 4),
                              confidence: .medium, evidence: Evidence(source: .pattern, contextWord: "Mr."))
        return LocatedDecision(
            decision: Decision(finding: finding, verdict: verdict, redactedSpan: ByteSpan(0, 4)),
            record: 7, field: field,
            start: FilePosition(byte: start, scalar: start, line: 2, column: 4),
            end: FilePosition(byte: start + 4, scalar: start + 4, line: 2, column: 8))
    }

    static let decisions = [
        located("person-name", verdict: .redact(.label)),
        located("person-title", verdict: .keep(.overlapped(by: "person-name")), start: 40),
        located("column:person", verdict: .redact(.remove), field: "a\"b\\c\nd\u{01}护照", start: 90),
    ]

    @Test("a file's lines are its findings' single lines, each ended by a line break; kept ones only when asked")
    func linesOfAFile() {
        for includingKept in [false, true] {
            let shown = Self.decisions.filter { includingKept || $0.decision.isRedaction }
            let expected = shown.map { FindingLine.json($0, file: "dir/ä \"x\".csv") + "\n" }.joined()
            let bytes = FindingLine.jsonLines(Self.decisions, file: "dir/ä \"x\".csv", includingKept: includingKept)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    @Test("text lines name file, line, column, entity, rule and confidence; kept ones add their reason, only when asked")
    func textLinesOfAFile() {
        let file = "dir/ä \"x\".md"
        let redactions = String(decoding: FindingLine.textLines(Self.decisions, file: file, includingKept: false), as: UTF8.self)
        #expect(redactions == """
            dir/ä "x".md:2:4: person [person-name, medium]
            dir/ä "x".md:2:4: person [column:person, medium]

            """)
        let all = String(decoding: FindingLine.textLines(Self.decisions, file: file, includingKept: true), as: UTF8.self)
        let lines = all.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[1] == "dir/ä \"x\".md:2:4: person [person-title, medium] kept — \(Self.decisions[1].decision.reason)")
        #expect(!Self.decisions[1].decision.reason.isEmpty)
        #expect(FindingLine.textLines([], file: file, includingKept: true).isEmpty)
    }

    @Test("a line is one JSON object whose strings decode to the values written")
    func lineDecodes() throws {
        let line = FindingLine.json(Self.decisions[2], file: "f\t.csv")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["field"] as? String == "a\"b\\c\nd\u{01}护照")
        #expect(object["file"] as? String == "f\t.csv")
        #expect(object["score"] as? Double == Confidence.medium.score)
        #expect(object["start"] as? Int == 90)
        #expect(line.hasPrefix(#"{"type":"finding","file":"f\t.csv","entity":"person","start":90,"#))
    }

    @Test("a kept line carries its reason")
    func keptReason() throws {
        let line = FindingLine.json(Self.decisions[1], file: "f")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "kept")
        #expect(object["decision"] as? String == "keep")
        #expect(object["reason"] as? String == Self.decisions[1].decision.reason)
    }

    @Test("file positions come back in the order asked, repeated offsets included")
    func positionsInOrder() {
        let bytes = Array("ab\n护照\nc".utf8)
        let positions = PositionConverter.positions(of: [9, 0, 3, 9, 6], in: bytes)
        #expect(positions.map(\.byte) == [9, 0, 3, 9, 6])
        #expect(positions.map(\.scalar) == [5, 0, 3, 5, 4])
        #expect(positions.map(\.line) == [2, 1, 2, 2, 2])
        #expect(positions.map(\.column) == [3, 1, 1, 3, 2])
    }
}
