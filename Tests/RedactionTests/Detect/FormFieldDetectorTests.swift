import Testing
@testable import Redaction

/// `Label: value` lines of text read with the header vocabulary of `columns.yaml`, through the
/// real pipeline and the publish policy.
@Suite("Form fields in text")
struct FormFieldDetectorTests {
    let publish: Policy = {
        do { return try PolicyLoader.load(path: Fixtures.rulesDirectory + "/policies/publish.yaml") } catch { fatalError("\(error)") }
    }()

    func run(_ text: String) throws -> (output: String, decisions: [Decision]) {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "form.txt", format: .text)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: publish).process(document)
        return (String(decoding: try #require(outcome.output), as: UTF8.self), outcome.decisions)
    }

    func formFindings(_ text: String) -> [(entity: EntityKind, value: String, label: String)] {
        let names = LexiconNameEvidence(detector: LexiconNameDetector(lexicons: Fixtures.catalog.lexicons))
        let detector = FormFieldDetector(columns: Fixtures.catalog.columns, names: names, lexicons: Fixtures.catalog.lexicons)
        return detector.findings(in: text, field: FieldRef(record: 0, field: 0)).map { finding in
            let bytes = Array(text.utf8)[finding.span.lower..<finding.span.upper]
            let value = String(decoding: bytes, as: UTF8.self)
            guard case .formField(let label, _) = finding.evidence.source else { return (finding.entity, value, "") }
            return (finding.entity, value, label)
        }
    }

    @Test("labels in the languages of the header vocabulary give their values' entity", arguments: [
        ("Familienname:            Schneider", EntityKind.person, "Schneider"),
        ("Vornamen: Hans Peter", .person, "Hans Peter"),
        ("1. 姓名 Name: Jürgen Hofmann", .person, "Jürgen Hofmann"),
        ("Data di nascita: 12.05.1993", .dateOfBirth, "12.05.1993"),
        ("Дата рождения: 30.01.1979", .dateOfBirth, "30.01.1979"),
        ("Паспорт: 45 18 732019", .passportNumber, "45 18 732019"),
        ("Steuer-ID: 47 158 239 677", .nationalID, "47 158 239 677"),
        ("Anschrift: Birkenweg 17, 10437 Berlin", .address, "Birkenweg 17, 10437 Berlin"),
        ("Given name(s) .................. Chinonso Grace", .person, "Chinonso Grace"),
        ("Date of birth……12/06/1958", .dateOfBirth, "12/06/1958"),
    ])
    func oneField(text: String, entity: EntityKind, value: String) {
        let found = formFindings(text)
        #expect(found.count == 1)
        #expect(found.first?.entity == entity)
        #expect(found.first?.value == value)
    }

    @Test("several fields on a line end at the next label: two spaces, a comma, CJK punctuation, a full stop")
    func severalFields() {
        let found = formFindings("Surname: McALLISTER       Given names: Bradley James\n"
            + "Name: Jürgen Schmidt, DOB: 1981-07-12, Nationality: German\n"
            + "受詢問人：劉宗翰  性別：男  出生：1987年6月18日\n"
            + "Address: Islamabad. Date of birth: 1999.\n")
        #expect(found.map(\.value) == ["McALLISTER", "Bradley James", "Jürgen Schmidt", "1981-07-12", "劉宗翰", "1987年6月18日",
                                       "1999"])
        // A town alone under an address label is a place, not a home: it is left, as data-desk publishes it.
    }

    @Test("times, links, placeholders, numbers of cases and phrases are no field values", arguments: [
        "Note: meeting at 10:30, see https://example.org/a:b",
        "Name: n/a",
        "Address: see below",
        "Claim No.: 13-7Q42-88F",
        "FIR No.: 0417",
        "Passport numbers on file: GK482913 and 548129307.",
        "Contact person: Press Office",
        "Well... Name the day and we will come",
        "Server address: db.internal.example:5432",
        "remote_addr=203.0.113.7 bind_address=127.0.0.1",
        "Address: Please Update",
        "- Address: Main Street Station is the default",
        "出生证明编号：2020123456",
    ])
    func notValues(text: String) {
        #expect(formFindings(text).isEmpty, "\(text)")
    }

    @Test("key=value pairs of a log line are fields; comparisons are not")
    func keyValues() {
        let found = formFindings("2024-03-01T12:00 checkin room=806 guest_name=\"钱振宇\" id_type=ID dob=19640309 phone=+8613812345678\n"
            + "if (count >= 3 && name == x) return\n")
        #expect(found.map(\.value) == ["钱振宇", "19640309", "+8613812345678"])
        #expect(found.map(\.entity) == [.person, .dateOfBirth, .phoneNumber])
        // An escaped quote is inside the value; a given-name field holds one word.
        #expect(formFindings(#"name="Maria \"Mia\" Gonzalez" given=Ngozi"#).map(\.value) == [#"Maria \"Mia\" Gonzalez"#, "Ngozi"]
                || formFindings(#"name="Maria \"Mia\" Gonzalez" given=Ngozi"#).map(\.value) == ["Ngozi"])
        #expect(formFindings("First name: Ngozi\nSurname: Okafor").map(\.value) == ["Ngozi", "Okafor"])
    }

    @Test("a value stops where the sentence goes on, and a number where its characters end")
    func valueEnds() {
        let found = formFindings("DOB: 1978, residing at Kunming\n担保人（身份证号：110101199003071234，电话：13812345678）陪同接受询问。\n")
        #expect(found.map(\.value) == ["1978", "110101199003071234", "13812345678"])
    }

    @Test("the reason quotes the synonym matched, never text before the label, which can hold a name")
    func reasonQuotesSynonym() throws {
        let (output, decisions) = try run("王小明住址：北京市朝阳区建国路88号\nFamilienname: Schneider\n")
        #expect(output.contains("Familienname: [PERSON]"))
        let forms = decisions.filter { $0.finding.ruleID.hasPrefix(FormFieldDetector.ruleIDPrefix) }
        #expect(forms.count == 2)
        for decision in forms {
            #expect(!decision.finding.evidence.json.contains("王小明"))
            #expect(!decision.reason.contains("王小明"))
        }
        let person = try #require(forms.first { $0.finding.entity == .person })
        #expect(person.isRedaction)
        #expect(person.reason.contains(#"form field "familienname" (label matched by synonym)"#))
        #expect(person.finding.evidence.json.contains(#""source":"form_field","label":"familienname""#))
    }

    @Test("the speaker of a chat or transcript line is a name the lexicons read; labels, and tokens before a colon, are not")
    func speakers() throws {
        let found = formFindings("[12/03/2024, 09:12] Dave Kowalski: see you at 10:30\n2024-03-01 09:12 - Maria Gonzalez: ok\n"
            + "Note: call back\nFrom: Press Office\n")
        #expect(found.map(\.value) == ["Dave Kowalski", "Maria Gonzalez"])
        let (output, _) = try run("[09:12] 王小明: 好的\n[09:13] Dave Kowalski: ok\n")
        #expect(output == "[09:12] [PERSON]: 好的\n[09:13] [PERSON]: ok\n")
    }
}
