import Testing
@testable import Redaction

/// The whole per-document pipeline on real readers, rules and PCRE2.
struct PipelineTests {
    func pipeline(_ policy: Policy = Fixtures.defaultPolicy) -> Pipeline {
        Pipeline(catalog: Fixtures.catalog, policy: policy)
    }

    @Test("a text document is redacted and every other byte survives")
    func text() throws {
        let input = "\u{FEFF}Passport no. 533380006\r\nMeeting on 2024-03-15.\r\nDOB: 1975-03-04\r\n"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "a.txt", format: .text)
        let outcome = try pipeline().process(document)
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self)
            == "\u{FEFF}Passport no. [PASSPORT_NUMBER]\r\nMeeting on 2024-03-15.\r\nDOB: [DATE_OF_BIRTH]\r\n")
        let kept = outcome.decisions.filter { !$0.isRedaction }
        #expect(kept.contains { $0.finding.entity == .dateOfBirth && $0.verdict == .keep(.belowThreshold(minimum: .medium)) })
    }

    @Test("a CSV column named for an entity redacts its whole cell, keeping quoting and delimiter")
    func csvColumns() throws {
        let input = "姓名;护照号码;登记日期\r\n\"WANG; Lei\";X1234;2023-05-17\r\n"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "a.csv", format: .csv)
        let outcome = try pipeline().process(document)
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self)
            == "姓名;护照号码;登记日期\r\n\"[PERSON]\";[PASSPORT_NUMBER];2023-05-17\r\n")
    }

    @Test("a phone stored as a JSON number is found and written back as a string")
    func jsonNumber() throws {
        let input = "{\"id\": 7, \"phone\": 8613812345678, \"note\": \"mail a@example.org\"}\n"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "a.jsonl", format: .jsonLines)
        let outcome = try pipeline().process(document)
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self)
            == "{\"id\": 7, \"phone\": \"[PHONE_NUMBER]\", \"note\": \"mail [EMAIL_ADDRESS]\"}\n")
    }

    @Test("verification refuses an output that still holds a finding the policy redacts")
    func verifyCatchesResidue() throws {
        let policy = try PolicyLoader.load(text: "version: 1\nentities:\n  phone_number: { operator: mask, keep_last: 11 }\n", file: "/p/leaky.yaml")
        let document = try DocumentReader.read(bytes: Array("call 13812345678".utf8), displayPath: "a.txt", format: .text)
        let outcome = try pipeline(policy).process(document)
        #expect(outcome.output == nil)
        guard case .residualFinding(_, _, _, let rule, let entity) = try #require(outcome.failure) else {
            Issue.record("expected a residual finding, got \(String(describing: outcome.failure))")
            return
        }
        #expect(rule == "phone-cn-mobile")
        #expect(entity == .phoneNumber)
        #expect(!outcome.decisions.isEmpty, "the decisions of a failed document are kept for the audit log")
    }
}
