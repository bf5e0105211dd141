import Testing
@testable import Redaction

/// Operators through the whole pipeline: consistent pseudonyms across documents and
/// pipelines, derived outputs that pass verification, `keep`, and `remove` in CSV.
struct OperatorPipelineTests {
    func pipeline(_ yaml: String, context: OperatorContext = TransformFixtures.context()) throws -> Pipeline {
        Pipeline(catalog: Fixtures.catalog, policy: try TransformFixtures.policy(yaml), context: context)
    }

    func run(_ pipeline: Pipeline, _ text: String, format: DocumentFormat = .text, path: String = "a.txt") throws -> String {
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: path, format: format)
        let outcome = try pipeline.process(document)
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        return String(decoding: try #require(outcome.output), as: UTF8.self)
    }

    /// The cells of column `column` in the data rows of a simple CSV.
    func column(_ csv: String, _ column: Int) -> [String] {
        csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
    }

    static let documentA = "name,phone\nWang Lei,13812345678\nHelen Marsh,13912345678\n"
    static let documentB = "name,phone\nLei WANG,13812345678\nWANG Lei,13700000000\nAna Lima,13600000000\n"

    @Test("the same value gets the same token in every document and in two pipelines with the same key")
    func sameValueSameToken() throws {
        let yaml = "entities:\n  person: { operator: pseudonymize }\n  phone_number: { operator: pseudonymize, length: 8 }\n"
        let first = try pipeline(yaml, context: TransformFixtures.context())
        let second = try pipeline(yaml, context: TransformFixtures.context())
        let a = try run(first, Self.documentA, format: .csv, path: "a.csv")
        let b = try run(second, Self.documentB, format: .csv, path: "b.csv")
        let namesA = column(a, 0)
        let namesB = column(b, 0)
        #expect(namesA[0].wholeMatch(of: #/Person-[0-9A-Z]{4}/#) != nil)
        #expect(namesB[0] == namesA[0], "Lei WANG in b is Wang Lei in a")
        #expect(namesB[1] == namesA[0], "WANG Lei in b is Wang Lei in a")
        #expect(Set([namesA[0], namesA[1], namesB[2]]).count == 3, "different people, different tokens")
        #expect(column(b, 1)[0] == column(a, 1)[0], "the same phone number, the same token")
        #expect(column(a, 1)[0].hasPrefix("PhoneNumber-"))
        // A run with another key agrees on nothing.
        let other = try pipeline(yaml, context: TransformFixtures.context(key: TransformFixtures.otherKey))
        #expect(column(try run(other, Self.documentA, format: .csv, path: "a.csv"), 0)[0] != namesA[0])
    }

    @Test("sequential pseudonyms are shared by the pipelines of a run through one book")
    func sequentialAcrossPipelines() throws {
        let book = InMemoryPseudonymBook()
        let context = TransformFixtures.context(book: book)
        let yaml = "entities:\n  person: { operator: pseudonymize, style: sequential }\n  phone_number: { operator: label, template: '{entity}-{n}' }\n"
        let a = try run(try pipeline(yaml, context: context), Self.documentA, format: .csv, path: "a.csv")
        let b = try run(try pipeline(yaml, context: context), Self.documentB, format: .csv, path: "b.csv")
        #expect(column(a, 0) == ["Person 1", "Person 2"])
        #expect(column(b, 0) == ["Person 1", "Person 1", "Person 3"])
        #expect(column(a, 1) == ["PHONE_NUMBER-1", "PHONE_NUMBER-2"])
        #expect(column(b, 1) == ["PHONE_NUMBER-1", "PHONE_NUMBER-3", "PHONE_NUMBER-4"])
        #expect(book.entries.count(where: { $0.entity == .person }) == 3)
    }

    @Test("a pseudonym that a rule reads as a name again is not a residue")
    func pseudonymPassesVerification() throws {
        let pipeline = try pipeline("entities:\n  person: { operator: pseudonymize }\n")
        let output = try run(pipeline, "Contact: Mr. Wang Lei, tel 13812345678\n")
        let token = Operator.pseudonymize(.hash(length: 4)).replacement(for: "Wang Lei", entity: .person, context: pipeline.context)
        #expect(output == "Contact: Mr. \(token), tel [PHONE_NUMBER]\n")
        // The honorific rule reads `Person` after `Mr.` as a name; inside a token it is no
        // finding, for a later scan as for the verifier, so a hook passes what the run wrote.
        let rescan = try pipeline.scan(try DocumentReader.read(bytes: Array(output.utf8), displayPath: "o.txt", format: .text))
        #expect(!rescan.decisions.contains { $0.isRedaction })
    }

    @Test("generalized values are written and pass verification")
    func generalize() throws {
        let pipeline = try pipeline("""
        entities:
          date_of_birth: { operator: generalize, to: year }
          address: { operator: generalize, to: city }
          phone_number: { operator: generalize, to: country_code }
        """)
        let output = try run(pipeline, "DOB: 1975-03-04\nAddress: 123 Main St, Springfield, IL 62704\nPhone: +44 20 7946 0958\n住址：浙江省杭州市西湖区文三路100号\n")
        #expect(output == "DOB: 1975\nAddress: Springfield\nPhone: +44 …\n住址：浙江省杭州市\n")
    }

    @Test("keep leaves the value and records the decision with its reason")
    func keep() throws {
        let pipeline = try pipeline("entities:\n  person: { operator: keep }\n")
        let document = try DocumentReader.read(bytes: Array(Self.documentA.utf8), displayPath: "a.csv", format: .csv)
        let outcome = try pipeline.process(document)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(column(output, 0) == ["Wang Lei", "Helen Marsh"])
        #expect(column(output, 1) == ["[PHONE_NUMBER]", "[PHONE_NUMBER]"])
        let kept = outcome.decisions.filter { $0.finding.entity == .person }
        #expect(!kept.isEmpty && kept.allSatisfy { $0.verdict == .keep(.policyKeeps) })
        #expect(kept[0].reason.hasPrefix("kept: the policy keeps person (operator keep)"))
    }

    @Test("a kept entity does not shield an overlapping finding the policy redacts")
    func keepDoesNotShield() throws {
        let policy = try TransformFixtures.policy("defaults: { min_confidence: low }\nentities:\n  person: { operator: keep }\n")
        let findings = [TransformFixtures.finding(0, 10, .person), TransformFixtures.finding(5, 16, .phoneNumber, confidence: .low)]
        let decisions = PolicyEngine(policy: policy).decide(findings, in: "Wang 13812345678")
        #expect(decisions[0].verdict == .keep(.policyKeeps))
        #expect(decisions[1].verdict == .redact(.label))
    }

    @Test("removing a whole CSV cell leaves an empty cell, and text around a removal keeps single spaces")
    func remove() throws {
        let pipeline = try pipeline("entities:\n  phone_number: { operator: remove }\n  email_address: { operator: remove }\n")
        #expect(try run(pipeline, Self.documentA, format: .csv, path: "a.csv") == "name,phone\n[PERSON],\n[PERSON],\n")
        #expect(try run(pipeline, "name,phone,note\nWang Lei,\"13812345678\",x\n", format: .csv, path: "q.csv")
            == "name,phone,note\n[PERSON],,x\n")
        #expect(try run(pipeline, "Call 13812345678 or mail a@example.org, please.\n") == "Call or mail, please.\n")
    }

    @Test("an exemption covers only findings wholly inside it, and for generalize only its entity")
    func exemptions() {
        let any = FieldRewriter.Exemption(span: ByteSpan(5, 15), entity: nil)
        let address = FieldRewriter.Exemption(span: ByteSpan(5, 15), entity: .address)
        #expect(any.covers(TransformFixtures.finding(5, 15, .person)))
        #expect(!any.covers(TransformFixtures.finding(4, 15, .person)))
        #expect(!any.covers(TransformFixtures.finding(10, 16, .person)))
        #expect(address.covers(TransformFixtures.finding(6, 12, .address)))
        #expect(!address.covers(TransformFixtures.finding(6, 12, .person)))
    }
}
