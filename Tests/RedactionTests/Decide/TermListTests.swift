import Crypto
import Foundation
import Testing
@testable import Redaction

/// Allow and deny lists: folding, list files, matching, and their place in the decisions.
struct TermListTests {
    static func load(_ yaml: String, files: [String: String] = [:]) throws -> Policy {
        let directory = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/policies", withIntermediateDirectories: true)
        for (name, text) in files {
            let path = directory + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return try PolicyLoader.load(text: yaml, file: directory + "/policies/p.yaml")
    }

    static func finding(_ value: String, _ needle: String, entity: EntityKind = .person, rule: String = "r",
                        confidence: Confidence = .high) -> Finding {
        let range = value.range(of: needle)!
        let lower = value.utf8.distance(from: value.startIndex, to: range.lowerBound)
        return Finding(ruleID: rule, entity: entity, field: FieldRef(record: 0, field: 0),
                       span: ByteSpan(lower, lower + needle.utf8.count), confidence: confidence, evidence: Evidence(source: .pattern))
    }

    @Test("list lines are trimmed exactly as Foundation's whitespace set trims them", arguments: [
        "  Wang Lei\t", "\u{00A0}\u{3000}王伟\u{2009}", "\u{200B}zero width\u{200B}", "\u{FEFF}bom ", "keep\r", " \t ",
        "", "a\u{0301} ", " \u{1680}x\u{205F}", "\u{2028}x\u{0085}", "\nx\n", "\u{2005}\u{200A}\u{202F}y",
    ])
    func listLineTrimming(line: String) {
        #expect(TermListLoader.trimmingWhitespace(Substring(line)) == line.trimmingCharacters(in: .whitespaces))
    }

    @Test("folding ignores case, full-width forms, traditional characters and whitespace runs", arguments: [
        ("Wang Jianguo", "wang jianguo"),
        ("ＷＡＮＧ　Ｊｉａｎｇｕｏ", "wang jianguo"),
        ("  Wang \t\n Jianguo ", "wang jianguo"),
        ("陳建國", "陈建国"),
        ("MÜLLER", "müller"),
    ])
    func folding(input: String, folded: String) {
        #expect(FoldedText.key(input) == folded)
    }

    @Test("a folded span maps back to the original bytes")
    func foldedSpans() {
        let text = "Ａb  陳x"
        let folded = FoldedText(text)
        #expect(folded.string == "ab 陈x")
        // "陳" starts after Ａ (3 bytes), b (1) and two spaces.
        #expect(folded.originalSpan(3..<4) == ByteSpan(6, 9))
        #expect(folded.originalSpan(2..<3) == ByteSpan(4, 6))
    }

    @Test("list files: comments, blank lines, re: patterns, [entity] prefixes; errors name the file and line")
    func listFiles() throws {
        let policy = try Self.load("""
        version: 1
        allow: { files: [../lists/allow.txt] }
        deny: { files: [../lists/deny.txt] }
        """, files: [
            "lists/allow.txt": "# public names\n\nWang Jianguo\n[address] Shenzhen\nre:case no\\. [0-9-]+\n",
            "lists/deny.txt": "\u{FEFF}Nightingale\r\n[passport_number] re:x[0-9]{8}\r\n",
        ])
        #expect(policy.allow.terms.map(\.text) == ["Wang Jianguo", "Shenzhen"])
        #expect(policy.allow.terms[1].entity == .address)
        #expect(policy.allow.patterns.map(\.source) == ["case no\\. [0-9-]+"])
        #expect(policy.allow.sources == [.init(name: "../lists/allow.txt", terms: 2, patterns: 1)])
        #expect(policy.deny.terms.map(\.text) == ["Nightingale"])
        #expect(policy.deny.patterns.first?.entity == .passportNumber)

        for (text, line) in [("ok\n[Not An Entity] x\n", 2), ("ok\n\nre:(unclosed\n", 3)] {
            do {
                _ = try Self.load("version: 1\ndeny:\n  files: [../lists/d.txt]\n", files: ["lists/d.txt": text])
                Issue.record("expected an error")
            } catch let error as RuleError {
                #expect(error.file.hasSuffix("lists/d.txt"))
                #expect(error.line == line)
            }
        }
    }

    @Test("the policy digest covers the list files")
    func digestCoversLists() throws {
        let yaml = "version: 1\ndeny: { files: [../lists/d.txt] }\n"
        let first = try Self.load(yaml, files: ["lists/d.txt": "Nightingale\n"])
        let second = try Self.load(yaml, files: ["lists/d.txt": "Kestrel\n"])
        #expect(first.digest != second.digest)
    }

    @Test("policy errors in allow/deny name the file, line and key", arguments: [
        ("version: 1\nallow: { terms: [a], colour: red }\n", "allow.colour", 2),
        ("version: 1\ndeny:\n  patterns: ['(open']\n", "deny.patterns[0]", 3),
        ("version: 1\nallow: { entity: person }\n", "allow.entity", 2),
        ("version: 1\ndeny:\n  terms: [{term: x, entity: Person}]\n", "deny.terms[0].entity", 3),
        ("version: 1\ndeny:\n  files: [../lists/missing.txt]\n", "deny.files[0]", 3),
        ("version: 1\nallow: ['   ']\n", "allow[0]", 2),
    ])
    func rejects(yaml: String, key: String, line: Int) throws {
        // (Self.load also throws file-system errors, hence the typed catch below.)
        do {
            _ = try Self.load(yaml)
            Issue.record("expected an error")
        } catch let error as RuleError {
            #expect(error.key == key, "\(error)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test("allow: terms equal to the whole finding after folding, patterns matching it whole, entity limits")
    func allowMatching() throws {
        let policy = try Self.load("""
        version: 1
        allow:
          terms: ["Wang Jianguo", {term: Shenzhen, entity: address}]
          patterns: ['case no\\. [0-9-]+']
        """)
        let engine = PolicyEngine(policy: policy)
        #expect(engine.isAllowListed("ＷＡＮＧ  jianguo", entity: .person))
        #expect(!engine.isAllowListed("Wang Jianguo Jr", entity: .person))
        #expect(engine.isAllowListed("Shenzhen", entity: .address))
        #expect(!engine.isAllowListed("Shenzhen", entity: .person))
        #expect(engine.isAllowListed("Case No. 2024-0315", entity: .nationalID))
        #expect(!engine.isAllowListed("see Case No. 2024-0315", entity: .nationalID))
    }

    @Test("deny terms: Latin whole-word and case-insensitive, CJK anywhere, variants folded")
    func denyMatching() throws {
        var list: TermList = ["Lee", "陳建國", "Project Nightingale"]
        list.defaultEntity = .person
        let detector = DenyListDetector(list: list)
        func found(_ text: String) -> [String] {
            detector.findings(in: text, field: FieldRef(record: 0, field: 0)).map { finding in
                String(decoding: Array(text.utf8)[finding.span.lower..<finding.span.upper], as: UTF8.self)
            }
        }
        #expect(found("Mr LEE went to Leeds") == ["LEE"])
        #expect(found("联系人陈建国电话") == ["陈建国"])
        #expect(found("ｐｒｏｊｅｃｔ   NIGHTINGALE.") == ["ｐｒｏｊｅｃｔ   NIGHTINGALE"])
        #expect(found("王Lee先生") == ["Lee"])
        #expect(found("Fleet") == [])
        let finding = try #require(detector.findings(in: "Lee", field: FieldRef(record: 0, field: 0)).first)
        #expect(finding.ruleID == "deny-list")
        #expect(finding.entity == .person)
        #expect(finding.confidence == .high)
    }

    @Test("deny patterns run over folded text and report the entry's entity")
    func denyPatterns() throws {
        let policy = try Self.load("""
        version: 1
        deny:
          entity: messaging_id
          patterns: ['agent-[0-9]{3}']
          terms: [{pattern: 'x[0-9]{8}', entity: passport_number}]
        """)
        let detector = DenyListDetector(list: policy.deny)
        let text = "AGENT-００７ carried X12345678"
        let findings = detector.findings(in: text, field: FieldRef(record: 0, field: 0))
        #expect(findings.map(\.entity) == [EntityKind("messaging_id"), .passportNumber])
        #expect(findings.map { String(decoding: Array(text.utf8)[$0.span.lower..<$0.span.upper], as: UTF8.self) }
            == ["AGENT-００７", "X12345678"])
    }

    @Test("a deny-list finding is redacted even when allow-listed, in an untouched field, or below a threshold")
    func denyWins() throws {
        let policy = try Self.load("""
        version: 1
        defaults: { min_confidence: high }
        allow: ["Nightingale"]
        deny: ["Nightingale"]
        fields:
          - match: notes
            action: untouched
        """)
        let value = "Nightingale"
        let deny = Finding(ruleID: DenyListDetector.ruleID, entity: .person, field: FieldRef(record: 0, field: 0),
                           span: ByteSpan(0, 11), confidence: .medium, evidence: Evidence(source: .denyList(source: "inline")))
        let other = Self.finding(value, "Nightingale", rule: "person-x")
        let untouched = FieldTreatment(rule: policy.fields[0], name: "notes")
        let decisions = PolicyEngine(policy: policy).decide([deny, other], in: value, field: untouched)
        #expect(decisions[0].isRedaction)
        #expect(decisions[1].verdict == .keep(.fieldUntouched(field: "notes")))
        #expect(decisions[1].reason == "kept: field left untouched by policy")
        let allowOnly = PolicyEngine(policy: policy).decide([other], in: value)
        #expect(allowOnly[0].verdict == .keep(.allowListed))
        #expect(allowOnly[0].reason == "kept: on the allow list")
    }

    @Test("a deny-list term is redacted by the whole pipeline wherever it occurs, and verified")
    func denyInPipeline() throws {
        var policy = Fixtures.defaultPolicy
        policy.deny = ["Nightingale", "夜莺"]
        let input = "The source, codenamed NIGHTINGALE (夜鶯), met us on 2024-03-15.\n"
        let document = try DocumentReader.read(bytes: Array(input.utf8), displayPath: "a.txt", format: .text)
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: policy).process(document)
        #expect(String(decoding: try #require(outcome.output), as: UTF8.self)
            == "The source, codenamed [PERSON] ([PERSON]), met us on 2024-03-15.\n")
        #expect(outcome.decisions.filter(\.isRedaction).allSatisfy { $0.finding.ruleID == "deny-list" })
        #expect(outcome.decisions.contains { $0.reason.contains("on the deny list (inline)") })
    }
}
