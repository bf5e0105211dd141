import Testing
@testable import Redaction

@Suite("Hash filter")
struct HashFilterTests {
    @Test("an empty filter contains nothing; every inserted hash may be contained")
    func membership() {
        var filter = HashFilter()
        let hashes: [UInt64] = (0..<3_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        #expect(!hashes.contains { filter.mayContain($0) })
        for hash in hashes { filter.insert(hash) }
        #expect(hashes.allSatisfy { filter.mayContain($0) })
    }
}
