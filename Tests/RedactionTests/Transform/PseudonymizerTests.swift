import Foundation
import Testing
@testable import Redaction

/// Pseudonyms: derived from the keyed HMAC of a canonical form, consistent without a table.
struct PseudonymizerTests {
    func token(_ value: String, _ entity: EntityKind = .person, style: PseudonymStyle = .hash(length: 4),
               context: OperatorContext = TransformFixtures.context()) -> String {
        Operator.pseudonymize(style).replacement(for: Substring(value), entity: entity, context: context)
    }

    @Test("a hash token is the entity in title case, a dash and Crockford base32 characters")
    func shape() {
        #expect(token("Wang Lei").wholeMatch(of: #/Person-[0-9A-HJKMNP-TV-Z]{4}/#) != nil)
        #expect(token("13812345678", .phoneNumber, style: .hash(length: 12))
            .wholeMatch(of: #/PhoneNumber-[0-9A-HJKMNP-TV-Z]{12}/#) != nil)
        #expect(token("E12345678", .nationalID).hasPrefix("NationalID-"))
        #expect(token("1975-03-04", .dateOfBirth).hasPrefix("DateOfBirth-"))
    }

    @Test("the derivation is pinned: a token under a key never changes between versions")
    func pinned() {
        // Changing the derivation would break consistency with earlier runs' outputs.
        #expect(token("Wang Lei", style: .hash(length: 8)) == Self.pinnedWangLei)
        #expect(token("Wang Lei", style: .hash(length: 4)) == String(Self.pinnedWangLei.prefix(11)))
    }

    /// Computed outside Swift: HMAC-SHA256(key 0x07 × 32, "redact pseudonym v1\0person\0lei wang"),
    /// first 40 bits in Crockford base32.
    static let pinnedWangLei = "Person-3ZWSAZ7K"

    @Test("the same key gives the same token; another key another token")
    func keyed() {
        #expect(token("Wang Lei") == token("Wang Lei", context: TransformFixtures.context(book: nil)))
        #expect(token("Wang Lei") != token("Wang Lei", context: TransformFixtures.context(key: TransformFixtures.otherKey)))
        #expect(token("Wang Lei") != token("Helen Marsh"))
    }

    @Test("name variants map to one token", arguments: ["Wang Lei", "WANG Lei", "Lei Wang", "wang  lei", "Wang, Lei", "Mr. Wang Lei", "ＷＡＮＧ Ｌｅｉ"])
    func variants(name: String) {
        #expect(token(name) == token("Wang Lei"))
    }

    @Test("Latin diacritics and Han spacing fold; different names stay apart")
    func folding() {
        #expect(token("José Núñez") == token("Jose NUNEZ"))
        #expect(token("王 磊") == token("王磊"))
        #expect(token("王磊") != token("磊王"))
        #expect(token("Wang Lei") != token("Wang Li"))
    }

    @Test("phone numbers compare by their digits; other entities by their folded text")
    func otherEntities() {
        #expect(token("138 1234 5678", .phoneNumber) == token("13812345678", .phoneNumber))
        #expect(token("A@Example.org", .emailAddress) == token("a@example.org", .emailAddress))
        #expect(token("13812345678", .phoneNumber) != token("13812345678", .nationalID))
    }

    @Test("sequential pseudonyms number values per entity in order of first appearance")
    func sequential() {
        let context = TransformFixtures.context()
        #expect(token("Wang Lei", style: .sequential, context: context) == "Person 1")
        #expect(token("Helen Marsh", style: .sequential, context: context) == "Person 2")
        #expect(token("LEI WANG", style: .sequential, context: context) == "Person 1")
        #expect(token("a@b.co", .emailAddress, style: .sequential, context: context) == "EmailAddress 1")
    }

    @Test("a book seeded with an earlier run's entries reproduces its numbers")
    func seededBook() {
        let first = InMemoryPseudonymBook()
        _ = token("Wang Lei", style: .sequential, context: TransformFixtures.context(book: first))
        _ = token("Helen Marsh", style: .sequential, context: TransformFixtures.context(book: first))
        let rerun = InMemoryPseudonymBook(entries: first.entries)
        #expect(token("Helen Marsh", style: .sequential, context: TransformFixtures.context(book: rerun)) == "Person 2")
        #expect(token("Ana Lima", style: .sequential, context: TransformFixtures.context(book: rerun)) == "Person 3")
        #expect(rerun.entries.map(\.number) == [1, 2, 3])
    }

    @Test("the book is safe to share between threads: every value gets one number, numbers are dense")
    func concurrentBook() {
        let book = InMemoryPseudonymBook()
        let values = (0..<200).map { "value \($0 % 50)" }
        let numbers = ParallelMap.map(values, workers: 4, makeState: { () }, { _, value in
            book.sequenceNumber(entity: .person, valueHMAC: value)
        })
        var byValue: [String: Int] = [:]
        for (value, number) in zip(values, numbers) {
            #expect(byValue[value, default: number] == number)
            byValue[value] = number
        }
        #expect(Set(byValue.values) == Set(1...50))
    }

    @Test("without a key (or a book for sequential) the operator writes the label, never an unkeyed hash")
    func fallback() {
        #expect(token("Wang Lei", context: OperatorContext()) == "[PERSON]")
        #expect(token("Wang Lei", style: .sequential, context: TransformFixtures.context(book: nil)) == "[PERSON]")
    }
}
