import Testing
@testable import Redaction

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("accepts valid text", arguments: [
        "", "plain ascii longer than eight bytes", "中文地址：北京市", "emoji 😀👍🏽 mixed é", "\u{10FFFF}", "a\u{0}b",
    ])
    func acceptsValid(_ text: String) {
        #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == nil)
    }

    /// Each class of invalid input, with the offset of the first byte that is not valid.
    static let invalid: [(name: String, bytes: [UInt8], offset: Int)] = [
        ("stray continuation byte", [0x80], 0),
        ("overlong 2-byte (C0)", Array("ab".utf8) + [0xC0, 0xAF], 2),
        ("overlong 2-byte (C1)", [0xC1, 0xBF], 0),
        ("overlong 3-byte", [0xE0, 0x80, 0xAF], 0),
        ("overlong 4-byte", [0xF0, 0x80, 0x80, 0xAF], 0),
        ("UTF-16 surrogate", Array("ok ".utf8) + [0xED, 0xA0, 0x80], 3),
        ("above U+10FFFF (F4 90)", [0xF4, 0x90, 0x80, 0x80], 0),
        ("lead byte F5", [0xF5, 0x80, 0x80, 0x80], 0),
        ("byte FF", Array("中".utf8) + [0xFF], 3),
        ("truncated at end", Array("abc".utf8) + [0xE4, 0xB8], 3),
        ("truncated before ASCII", [0xF0, 0x9F, 0x98, 0x61], 0),
        ("bad continuation", [0xC3, 0x28], 0),
        ("after a long ASCII run", Array("seventeen bytes!!".utf8) + [0x80], 17),
        ("after valid 4-byte", Array("😀".utf8) + [0xBF], 4),
    ]

    @Test("rejects each invalid class at the first bad byte", arguments: invalid)
    func rejectsInvalid(_ sample: (name: String, bytes: [UInt8], offset: Int)) {
        #expect(UTF8Validation.firstInvalidOffset(in: sample.bytes) == sample.offset, "\(sample.name)")
    }

    @Test("agrees with the standard library on random bytes")
    func agreesWithStandardLibrary() {
        var generator = SplitMix64(seed: 0x5EED)
        // Bytes drawn mostly from the interesting high range, in short sequences.
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xED, 0xEE, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 12)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let offset = UTF8Validation.firstInvalidOffset(in: bytes)
            let reference = String(validating: bytes, as: UTF8.self)
            #expect((offset == nil) == (reference != nil), "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }

    @Test("the document reader reports offset and line of invalid UTF-8")
    func readerReportsPlace() throws {
        let bytes = Array("name\nJane\n".utf8) + [0x4A, 0xFF, 0x0A]
        let error = #expect(throws: IngestError.self) {
            try IngestFixtures.read(bytes: bytes, path: "people.txt")
        }
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.location == FileLocation(offset: 11, line: 3))
        #expect(error?.description == "people.txt:3: byte 11: invalid UTF-8")
    }

    @Test("a NUL byte in the first 8 KiB marks a file binary")
    func binaryDetection() throws {
        let error = #expect(throws: IngestError.self) {
            try IngestFixtures.read(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x41], path: "archive.txt")
        }
        #expect(error?.kind == .binaryFile)
        let late = [UInt8](repeating: 0x61, count: 8 * 1024) + [0x00]
        #expect(try IngestFixtures.read(bytes: late, path: "late.txt").records.count == 1)
    }
}

/// A tiny seeded generator so the random test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
