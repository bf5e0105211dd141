import Testing
@testable import Redaction

/// An allow-list term protects every finding it contains or overlaps where it occurs in the
/// field, matched as allow terms are (case, width, traditional and simplified Chinese).
struct AllowOccurrenceTests {
    static func person(_ lower: Int, _ upper: Int, rule: String = NameLexicon.ruleID) -> Finding {
        OverlapResolverTests.finding(rule, lower, upper, entity: .person)
    }

    static func verdicts(allow: String, _ value: String, _ findings: [Finding]) throws -> [Verdict] {
        let policy = try PolicyLoader.load(text: "version: 1\nallow: \(allow)\n", file: "/p/a.yaml")
        return PolicyEngine(policy: policy).decide(findings, in: value).map(\.verdict)
    }

    @Test("a part of an allow-listed name found inside its occurrence is kept; the same part elsewhere is not")
    func partInsideOccurrence() throws {
        let value = "Premier li QIANG met Zhang Qiang."
        // `QIANG` (11..<16) lies in the occurrence `li QIANG`; `Qiang` (27..<32) does not.
        let verdicts = try Self.verdicts(allow: "['Li Qiang']", value, [Self.person(11, 16), Self.person(27, 32)])
        #expect(verdicts == [.keep(.allowListed), .redact(.label)])
    }

    @Test("a finding overlapping an occurrence is kept")
    func overlapping() throws {
        let value = "Premier Li Qiang"
        #expect(try Self.verdicts(allow: "['Li Qiang']", value, [Self.person(0, 10, rule: "r")]) == [.keep(.allowListed)])
    }

    @Test("occurrences follow the allow list's folding: full width and Han variants")
    func folding() throws {
        #expect(try Self.verdicts(allow: "['李强']", "總理李強說", [Self.person(9, 12)]) == [.keep(.allowListed)])
        #expect(try Self.verdicts(allow: "['Li Qiang']", "ＬＩ ＱＩＡＮＧ", [Self.person(7, 22)]) == [.keep(.allowListed)])
    }

    @Test("an occurrence inside a longer word does not count, and an entity limit holds")
    func boundariesAndEntities() throws {
        #expect(try Self.verdicts(allow: "['Li Qiang']", "Li Qiangson", [Self.person(3, 11)]) == [.redact(.label)])
        #expect(try Self.verdicts(allow: "[{term: 'Li Qiang', entity: email_address}]", "Li Qiang", [Self.person(3, 8)])
            == [.redact(.label)])
        #expect(try Self.verdicts(allow: "[{term: 'Li Qiang', entity: person}]", "Li Qiang", [Self.person(3, 8)])
            == [.keep(.allowListed)])
    }
}
