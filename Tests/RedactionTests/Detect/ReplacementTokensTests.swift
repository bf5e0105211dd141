import Testing
@testable import Redaction

/// Replacement tokens are found in text by shape, as a policy writes them.
struct ReplacementTokensTests {
    func tokens(_ text: String, policy: String = "version: 1\n") throws -> [String] {
        let loaded = try PolicyLoader.load(text: policy, file: "/p/t.yaml")
        let finder = ReplacementTokens(policy: loaded, entities: Fixtures.catalog.rules.map(\.entity))
        return finder.tokens(in: text).map { token in
            let bytes = Array(text.utf8)[token.span.lower..<token.span.upper]
            return String(decoding: bytes, as: UTF8.self) + "=" + token.entity.rawValue
        }
    }

    @Test("the standard label of a known entity is a token; other bracketed words are not")
    func standardLabels() throws {
        #expect(try tokens("Call [PHONE_NUMBER] or [NOT_AN_ENTITY], born [DATE_OF_BIRTH].")
            == ["[PHONE_NUMBER]=phone_number", "[DATE_OF_BIRTH]=date_of_birth"])
        #expect(try tokens("[PASSPORT_NUMBER").isEmpty)
    }

    @Test("a policy's own template with {n} is read back, the fallback label still too")
    func templates() throws {
        let policy = "version: 1\ndefaults: { operator: label, template: '<{entity} {n}>' }\n"
        #expect(try tokens("<PERSON 12> met <PERSON ?> and [EMAIL_ADDRESS]", policy: policy)
            == ["<PERSON 12>=person", "<PERSON ?>=person", "[EMAIL_ADDRESS]=email_address"])
    }

    @Test("pseudonyms are tokens only under a policy that writes them, and never inside a word")
    func pseudonyms() throws {
        let text = "Person-7Q2K met XPerson-7Q2K and Person-7Q2KZ."
        #expect(try tokens(text).isEmpty)
        let policy = "version: 1\nentities:\n  person: { operator: pseudonymize, style: hash, length: 4 }\n"
        #expect(try tokens(text, policy: policy) == ["Person-7Q2K=person"])
    }
}
