import Testing
@testable import Redaction

/// Verification and `scan` run one detection: whatever a run writes, a scan of it under the
/// same policy finds nothing to redact, and a run never writes what such a scan would flag.
struct ScanVerifyAgreementTests {
    @Test("a scan of a written output finds nothing the policy redacts", arguments: [
        // A token between a label and the next value stands for the value it replaced: the
        // label was not lent to the second number before redaction and is not after it.
        "Passport numbers on file: GK482913 and 548129307.\nThe second traveller, passport number 548129307, arrived later.\n",
        "DOB: 1975-03-04, registered 2020-01-01\n",
        "Date of birth 12 March 1961; registration date 3 May 2019.\n",
    ])
    func outputScansClean(_ input: String) throws {
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy)
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "two.txt", format: .text)
        let outcome = try pipeline.process(document)
        let output = try #require(outcome.output, "the run refused the document: \(String(describing: outcome.failure))")
        let written = try DocumentReader.read(bytes: output, displayPath: "two.txt", format: .text)
        let flagged = try pipeline.scan(written).decisions.filter(\.isRedaction)
        #expect(flagged.isEmpty, "scan flags \(flagged.map(\.finding.ruleID)) in \(String(decoding: output, as: UTF8.self))")
    }

    @Test("a label whose value stands beside a token of another entity still counts")
    func otherEntityTokensHideNothing() throws {
        let pipeline = Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy)
        let text = "Date of birth [PHONE_NUMBER] 1975-03-04\n"
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "a.txt", format: .text)
        let flagged = try pipeline.scan(document).decisions.filter(\.isRedaction)
        #expect(flagged.map(\.finding.entity) == [.dateOfBirth])
    }
}
