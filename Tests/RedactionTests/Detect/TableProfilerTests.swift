import Testing
@testable import Redaction

/// Column decisions from header, value profile and rows, on small generated tables run
/// through the real pipeline and policy.
@Suite("Table profiling")
struct TableProfilerTests {
    let publish: Policy = {
        do { return try PolicyLoader.load(path: Fixtures.rulesDirectory + "/policies/publish.yaml") } catch { fatalError("\(error)") }
    }()

    func run(_ input: String, format: DocumentFormat = .csv, policy: Policy? = nil) throws -> DocumentOutcome {
        let path = format == .csv ? "t.csv" : "t.jsonl"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: path, format: format)
        return try Pipeline(catalog: Fixtures.catalog, policy: policy ?? publish).process(document)
    }

    /// A CSV run with `knownNames` found earlier in the run (name propagation).
    func run(_ input: String, knownNames: [String]) throws -> DocumentOutcome {
        let lexicon = NameLexicon(names: knownNames, config: try #require(Fixtures.catalog.propagation))
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "t.csv", format: .csv)
        return try Pipeline(catalog: Fixtures.catalog, policy: publish, lexicon: lexicon).process(document)
    }

    func output(_ outcome: DocumentOutcome) throws -> String {
        String(decoding: try #require(outcome.output), as: UTF8.self)
    }

    /// Rows of a roster: a name, a code under `codeHeader`, and a serial number.
    func roster(codeHeader: String, codes: [String]) -> String {
        let names = ["Anna Berg", "Tomás Ruiz", "Mei-hua Lin", "Kofi Mensah", "Ivo Petrov"]
        var text = "No.,Full name,\(codeHeader),Country\n"
        for (index, code) in codes.enumerated() {
            text += "\(index + 1),\(names[index % names.count]),\(code),Norway\n"
        }
        return text
    }

    @Test("a header holding a replacement token reads as if the token were absent: [PERSON] title is a title column")
    func tokenInHeader() throws {
        let outcome = try run("Full name,[PERSON] title\n[PERSON],Consultant\n[PERSON],Engineer\n")
        #expect(!outcome.decisions.contains { $0.isRedaction && $0.finding.field.field == 1 })
    }

    @Test("a name part known from the run is not redacted in a header row; a whole name is")
    func headerRowKeepsNameParts() throws {
        let output = try self.output(try run("Name,Job title,Xavier Job\nAnna Berg,Consultant,x\n", knownNames: ["Xavier Job"]))
        #expect(output.hasPrefix("Name,Job title,"))
        #expect(!output.contains("Xavier Job"))
    }

    @Test("without a header the first row is data: a known surname there is redacted")
    func firstRowWithoutHeader() throws {
        let outcome = try run("Adeyemi,arrived 2019\nnote,seen twice\n", knownNames: ["Olumide Adeyemi"])
        #expect(!(try output(outcome)).contains("Adeyemi"))
    }

    @Test("an identifier column under an unknown header in a roster is redacted, serials and countries survive")
    func rosterIdentifier() throws {
        let outcome = try run(roster(codeHeader: "Member code", codes: ["K7Q2291034", "M0093817XZ", "P55100928A", "Z8810273QQ"]))
        let text = try output(outcome)
        #expect(!text.contains("K7Q2291034") && !text.contains("Z8810273QQ"))
        #expect(text.contains("1,[PERSON],") && text.contains(",Norway"))
        let reason = try #require(outcome.decisions.first { $0.finding.field.field == 2 && $0.isRedaction }).reason
        #expect(reason.contains("identifier column in a personal roster (name column \"Full name\")"), "\(reason)")
    }

    @Test("passport-shaped codes in a roster become passport numbers")
    func rosterPassport() throws {
        let outcome = try run(roster(codeHeader: "Doc #", codes: ["E12345678", "G48813092", "EA7712093"]))
        #expect(try output(outcome).contains("[PASSPORT_NUMBER]"))
    }

    @Test("without a roster, an unknown code column survives")
    func noRoster() throws {
        let input = "Product,Code X,Price\nKettle,K7Q2291034,19.90\nToaster,M0093817XZ,24.00\nLamp,P55100928A,9.50\n"
        #expect(try output(try run(input)) == input)
    }

    @Test("an address column alone does not make a roster: a firm's codes survive")
    func addressAloneIsNoRoster() throws {
        let input = """
        Company,Reg. No.,Credit code,Address,City
        Acme Ltd,HRB 12345,91110000MA01ABCD1X,1 Main St,Berlin
        Beta GmbH,HRB 99881,91310000MA1FL2XQ3K,2 High St,Munich
        Gamma AG,HRB 55512,91440300MA5DC0QW2Y,3 Low St,Hamburg

        """
        let text = try output(try run(input))
        #expect(text.contains("Acme Ltd,HRB 12345,91110000MA01ABCD1X,[ADDRESS],Berlin"), "\(text)")
    }

    @Test("a name-shaped column under an unknown header makes a roster when another header names personal data")
    func nameShapedRoster() throws {
        let input = """
        Wer,Phone,Code X
        Anna Berg,+47 912 34 567,K7Q2291034
        Tomás Ruiz,+34 612 345 678,M0093817XZ
        Mei-hua Lin,+886 912 345 678,P55100928A

        """
        let outcome = try run(input)
        #expect(!(try output(outcome)).contains("K7Q2291034"))
        let reason = try #require(outcome.decisions.first { $0.finding.field.field == 2 && $0.isRedaction }).reason
        #expect(reason.contains("identifier column in a personal roster (name-shaped column \"Wer\")"), "\(reason)")
    }

    @Test("case numbers, amounts and registration dates in a roster survive")
    func rosterKeepsPublicColumns() throws {
        let input = """
        Name,Case No.,Salary,Registration date,Remarks X
        Anna Berg,2021CV00123,4500000,2023-05-17,1700000
        Tomás Ruiz,2021CV00187,5200000,2023-06-02,2300000
        Kofi Mensah,2022CV00011,3900000,2024-01-09,1200000

        """
        let text = try output(try run(input))
        for kept in ["2021CV00123", "4500000", "2023-05-17", "1700000"] { #expect(text.contains(kept), "\(kept)") }
        #expect(!text.contains("Anna Berg"))
    }

    @Test("a sibling document type column decides the number's entity per row")
    func siblingType() throws {
        let input = """
        姓名,证件类型,证件号码
        王小明,护照,E12345678
        李华,居民身份证,11010519491231002X

        """
        let outcome = try run(input)
        let text = try output(outcome)
        #expect(text.contains("[PASSPORT_NUMBER]") && text.contains("[NATIONAL_ID]"))
        #expect(text.contains(",护照,") && text.contains(",居民身份证,"))
        let reason = try #require(outcome.decisions.first { $0.finding.entity == .passportNumber }).reason
        #expect(reason.contains("the column \"证件类型\" names in the same row"), "\(reason)")
    }

    @Test("an abbreviated header's reason says so")
    func abbreviationReason() throws {
        let outcome = try run("Ppt no.,Remarks\nX1234567,ok\n")
        #expect(try output(outcome) == "Ppt no.,Remarks\n[PASSPORT_NUMBER],ok\n")
        let reason = try #require(outcome.decisions.first).reason
        #expect(reason.contains("column \"Ppt no.\" matched by header abbreviation"), "\(reason)")
    }

    @Test("the audit log's evidence JSON names the table evidence, never a value")
    func evidenceJSON() {
        let evidence = Evidence(source: .table(header: "Ppt no.", basis: .header(.abbreviation)))
        #expect(evidence.json == #"{"source":"table","header":"Ppt no.","basis":"matched by header abbreviation"}"#)
        let roster = Evidence(source: .table(header: "Code", basis: .roster(columns: [#"name column "姓名""#])))
        #expect(roster.json == #"{"source":"table","header":"Code","basis":"identifier column in a personal roster (name column \"姓名\")"}"#)
    }

    @Test("dates at adult ages in a roster under an unknown header are birth dates; recent event dates are not")
    func birthDates() throws {
        let input = """
        Full name,Wert A,Joined on
        Anna Berg,1961-04-12,2023-05-17
        Tomás Ruiz,1979-11-30,2023-06-02
        Kofi Mensah,1988-02-01,2024-01-09

        """
        let outcome = try run(input)
        let text = try output(outcome)
        #expect(!text.contains("1961-04-12") && text.contains("2023-05-17"))
        let reason = try #require(outcome.decisions.first { $0.finding.entity == .dateOfBirth }).reason
        #expect(reason.contains("dates at plausible ages of birth (100 %) in a personal roster"), "\(reason)")
    }

    @Test("a column of valid resident IDs is a national identifier column by its profile alone")
    func validatedProfile() throws {
        let input = "Code A,Code B\n11010519491231002X,1\n440524198001010013,2\n320102197703150027,3\n"
        let outcome = try run(input)
        let text = try output(outcome)
        #expect(!text.contains("11010519491231002X") && text.hasSuffix(",3\n"))
        // The cn-resident-id pattern finds the same spans and represents the redaction; the
        // column's finding is recorded beside it with its own evidence.
        let column = try #require(outcome.decisions.first { $0.finding.ruleID == "column:national_id" }).finding
        #expect(column.evidence.source == .table(header: "Code A", basis: .profile(shape: "valid national identifiers (check digits)", percent: 100)))
    }

    @Test("JSON contact arrays: the sibling type names the value's entity")
    func jsonTypeValue() throws {
        let input = #"{"id":"c1","contacts":[{"type":"mobile","value":"0412 555 019"},{"type":"email","value":"a.b@example.org"},{"type":"note","value":"call after 5"}]}"# + "\n"
        let text = try output(try run(input, format: .jsonLines))
        #expect(text.contains(#"{"type":"mobile","value":"[PHONE_NUMBER]"}"#), "\(text)")
        #expect(text.contains(#""value":"call after 5""#))
    }

    @Test("JSON first and last together are parts of a name; alone they are not")
    func jsonNameParts() throws {
        let input = #"{"first":"Kate","last":"Ashworth","visits":{"first":"2021-03-04","count":2}}"# + "\n"
        let outcome = try run(input, format: .jsonLines)
        #expect(try output(outcome) == #"{"first":"[PERSON]","last":"[PERSON]","visits":{"first":"2021-03-04","count":2}}"# + "\n")
        let reason = try #require(outcome.decisions.first { $0.finding.ruleID == "column:person" }).reason
        #expect(reason.contains("is a part of a name (its object holds the members first, last)"), "\(reason)")
    }

    @Test("JSON given/family and birth keys are personal")
    func jsonKeys() throws {
        let input = #"{"given":"Kate","family":"Ashworth","birth":"1969-07-12","country":"Ireland"}"# + "\n"
        let text = try output(try run(input, format: .jsonLines))
        #expect(text == #"{"given":"[PERSON]","family":"[PERSON]","birth":"[DATE_OF_BIRTH]","country":"Ireland"}"# + "\n", "\(text)")
    }
}

/// The shape-only name evidence.
@Suite("Name shape")
struct NameShapeTests {
    @Test("name-shaped", arguments: ["Mei-hua Lin", "ASHWORTH, Kate", "王小明", "Kate R. Dunne", "O'Brien Sean", "MÜLLER Hans"])
    func shaped(_ text: String) {
        #expect(NameShape().isLikelyName(text[...]) == .shape)
    }

    @Test("not name-shaped", arguments: ["Norway", "E12345678", "J. K.", "hello world", "2021-03-04", "王", "中华人民共和国外交部"])
    func notShaped(_ text: String) {
        #expect(NameShape().isLikelyName(text[...]) == .none)
    }
}
