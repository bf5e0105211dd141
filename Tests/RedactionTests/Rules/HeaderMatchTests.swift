import Testing
@testable import Redaction

/// The column map's header matching: many spellings per kind, in several languages, and the
/// headers that must not map.
@Suite("Header matching")
struct HeaderMatchTests {
    let columns = Fixtures.catalog.columns

    @Test("spellings of a kind map to its entity", arguments: [
        ("Ppt no.", "passport_number"), ("PP #", "passport_number"), ("Passport-Nr.", "passport_number"),
        ("N° de passeport", "passport_number"), ("Reisepassnummer", "passport_number"), ("旅行证件号", "passport_number"),
        ("護照號碼", "passport_number"), ("旅券番号", "passport_number"), ("passportNo", "passport_number"),
        ("Pasport number", "passport_number"),
        ("Vorname", "person"), ("Nachname", "person"), ("Fname", "person"), ("lname", "person"), ("Given names", "person"),
        ("Prénom", "person"), ("Apellidos", "person"), ("Cognome", "person"), ("氏名", "person"), ("姓名Name", "person"),
        ("名", "person"), ("姓", "person"), ("Voornamen", "person"), ("Фамилия", "person"),
        ("D.O.B.", "date_of_birth"), ("Geb.", "date_of_birth"), ("Geburtsdatum", "date_of_birth"), ("birth", "date_of_birth"),
        ("Data di nascita", "date_of_birth"), ("生年月日", "date_of_birth"),
        ("Tel.", "phone_number"), ("Mob. no", "phone_number"), ("Ph#", "phone_number"), ("電話番号", "phone_number"),
        ("Telefonnummer", "phone_number"),
        ("Addr.", "address"), ("Adresse", "address"), ("Adress", "address"), ("Indirizzo", "address"),
        ("E-Mail", "email_address"), ("Courriel", "email_address"),
        ("ID No.", "national_id"), ("Ausweisnummer", "national_id"), ("身分證字號", "national_id"),
    ])
    func maps(_ header: String, _ entity: String) {
        #expect(columns.entity(forHeader: header) == EntityKind(entity), "\(header)")
    }

    @Test("a JSON leaf takes its own key's entity, else an ancestor's; a role key lends no name", arguments: [
        ("/name/en", "person"), ("/姓名/拼音", "person"), ("/applicant/fullName", "person"),
        ("/address/street", "address"),
        ("/person/documents/0/type", nil), ("/person/documents/0/number", nil), ("/passenger/status", nil),
        ("/passenger/en", "person"), ("/holder/full", "person"),
        ("/person", "person"),
    ] as [(String, String?)])
    func pointers(_ pointer: String, _ entity: String?) {
        #expect(columns.entity(forPointer: pointer)?.rawValue == entity, "\(pointer)")
    }

    @Test("headers of public or other data map to nothing personal", arguments: [
        "Company name", "Country", "City", "序号", "Registration date", "No.", "Nationality", "Amount", "Case No.",
        "Project name", "Phone model", "Place of birth", "IP address", "名称", "Passport expiry", "Status",
        "签名", "성별", "名次",
    ])
    func noEntity(_ header: String) {
        #expect(columns.entity(forHeader: header) == nil, "\(header)")
    }

    @Test("generic identifier headers are identifiers, not an entity", arguments: [
        "证件号码", "证件号", "Doc #", "ID", "Document number", "Nr.", "證件號碼", "Dokumentnummer",
    ])
    func identifier(_ header: String) {
        guard case .identifier = columns.meaning(ofHeader: header) else {
            Issue.record("\(header): \(String(describing: columns.meaning(ofHeader: header)))")
            return
        }
    }

    @Test("case, order and registration numbers are not identifiers of a person", arguments: [
        "Case No.", "Order ID", "Registration number", "Invoice #", "序号", "Amount",
    ])
    func notPersonal(_ header: String) {
        #expect(columns.meaning(ofHeader: header) == nil || columns.isNotPersonal(header: header), "\(header)")
        #expect(columns.isNotPersonal(header: header), "\(header)")
    }

    @Test("a document type header, and the words of its cells")
    func documentType() {
        #expect(columns.meaning(ofHeader: "证件类型") == .documentType)
        #expect(columns.meaning(ofHeader: "Doc. type") == .documentType)
        #expect(columns.entity(forDocumentType: "护照") == .passportNumber)
        #expect(columns.entity(forDocumentType: "Passport") == .passportNumber)
        #expect(columns.entity(forDocumentType: "居民身份证") == .nationalID)
        #expect(columns.entity(forDocumentType: "ID card") == .nationalID)
        #expect(columns.entity(forDocumentType: "Driving licence") == nil)
    }

    @Test("the basis names how the header matched")
    func basis() {
        #expect(columns.meaning(ofHeader: "Passport number") == .entity(.passportNumber, .synonym))
        #expect(columns.meaning(ofHeader: "Ppt no.") == .entity(.passportNumber, .abbreviation))
        #expect(columns.meaning(ofHeader: "Pasport") == .entity(.passportNumber, .fuzzy))
    }

    @Test("short words are never matched fuzzily")
    func shortWordsExact() {
        // `nome` is one edit from `name` but both are short: a slip there is another word.
        #expect(ColumnMap.token("phone", matches: "phones", fuzzy: true) == false)
        #expect(ColumnMap.token("address", matches: "adress", fuzzy: true))
        #expect(ColumnMap.token("address", matches: "adress", fuzzy: false) == false)
    }

    @Test("the examples in columns.yaml all hold")
    func fileExamples() {
        #expect(!columns.examples.isEmpty)
        #expect(columns.exampleFailures() == [])
    }

    @Test("a failing header example is reported with file and line")
    func failingExample() throws {
        let text = """
        version: 1
        columns:
          - entity: person
            headers: [name]
            examples:
              match: [Company]
        """
        let map = try ColumnMap.load(text: text, file: "columns.yaml")
        let failures = map.exampleFailures()
        #expect(failures.count == 1)
        #expect(failures.first?.description == "columns.yaml:6: \"Company\" should map to person")
    }
}
