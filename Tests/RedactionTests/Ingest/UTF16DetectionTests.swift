import Testing
@testable import Redaction

/// UTF-16 and UTF-32 files (Excel's "Unicode text" export) are errors, never binary skips.
@Suite("UTF-16 and UTF-32 detection")
struct UTF16DetectionTests {
    /// `text` encoded as UTF-16 or UTF-32 in either byte order, with its BOM.
    static func encoded(_ text: String, _ encoding: Encoding) -> [UInt8] {
        let bom: [UInt8]
        let units: [[UInt8]]
        switch encoding {
        case .utf16LE, .utf16BE:
            bom = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            units = text.utf16.map { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf32LE, .utf32BE:
            bom = encoding == .utf32LE ? [0xFF, 0xFE, 0x00, 0x00] : [0x00, 0x00, 0xFE, 0xFF]
            units = text.unicodeScalars.map { scalar in
                (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
            }
        }
        let bigEndian = encoding == .utf16BE || encoding == .utf32BE
        return bom + units.flatMap { bigEndian ? $0.reversed() : $0 }
    }

    enum Encoding: CaseIterable {
        case utf16LE, utf16BE, utf32LE, utf32BE

        var reason: IngestError.UnsupportedReason {
            self == .utf16LE || self == .utf16BE ? .utf16 : .utf32
        }
    }

    static let spreadsheet = "Name\tPhone\r\nMarc Dupont\t13812345678\r\n"

    @Test("a UTF-16 or UTF-32 BOM is an unsupported-encoding error in every format, not a binary skip",
          arguments: Encoding.allCases, ["export.txt", "export.csv", "export.tsv", "export.jsonl"])
    func detected(_ encoding: Encoding, _ path: String) {
        let error = #expect(throws: IngestError.self) {
            try IngestFixtures.read(bytes: Self.encoded(Self.spreadsheet, encoding), path: path)
        }
        #expect(error?.kind == .unsupported(encoding.reason))
        #expect(error?.kind != .binaryFile)
        #expect(error?.location == nil)
        #expect(error?.path == path)
    }

    @Test("the reason says how to convert, and carries no content")
    func reasonText() throws {
        let utf16 = IngestError(path: "export.txt", kind: .unsupported(.utf16))
        #expect(utf16.description == "export.txt: UTF-16 text: convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)")
        let utf32 = IngestError(path: "export.txt", kind: .unsupported(.utf32))
        #expect(utf32.reason == "UTF-32 text: convert it to UTF-8 first (e.g. iconv -f UTF-32 -t UTF-8)")
        let error = #expect(throws: IngestError.self) {
            try IngestFixtures.read(bytes: Self.encoded(Self.spreadsheet, .utf16LE), path: "export.txt")
        }
        #expect(error?.description == utf16.description)
    }

    @Test("only the BOM decides: a bare BOM is enough, and FF FE 00 00 is UTF-32", arguments: [
        ([0xFF, 0xFE] as [UInt8], IngestError.UnsupportedReason.utf16),
        ([0xFE, 0xFF], .utf16),
        ([0xFF, 0xFE, 0x00, 0x00], .utf32),
        ([0x00, 0x00, 0xFE, 0xFF], .utf32),
        ([0xFF, 0xFE, 0x41, 0x00], .utf16),
    ])
    func bomOnly(_ bytes: [UInt8], _ reason: IngestError.UnsupportedReason) {
        let error = #expect(throws: IngestError.self) { try IngestFixtures.read(bytes: bytes, path: "b.txt") }
        #expect(error?.kind == .unsupported(reason))
    }

    @Test("without a BOM, UTF-16 and UTF-32 are told by where their NUL bytes fall", arguments: Encoding.allCases)
    func withoutMark(_ encoding: Encoding) {
        let bare = Array(Self.encoded(Self.spreadsheet + "Zhang Wei\t北京市\r\n", encoding).dropFirst(encoding.reason == .utf16 ? 2 : 4))
        let error = #expect(throws: IngestError.self) { try IngestFixtures.read(bytes: bare, path: "export.txt") }
        #expect(error?.kind == .unsupported(encoding.reason))
    }

    @Test("a binary file's scattered NUL bytes are no UTF-16 pattern")
    func binaryIsNotUTF16() {
        // A PNG signature and header: NULs at no fixed position of a 2- or 4-byte unit.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                            0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0xC8, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8]
        let error = #expect(throws: IngestError.self) { try IngestFixtures.read(bytes: png, path: "x.png") }
        #expect(error?.kind == .binaryFile)
    }

    @Test("no UTF-16/32 BOM: binary, invalid UTF-8 and UTF-8 with BOM behave as before", arguments: [
        ([0x00, 0x00, 0x41] as [UInt8], IngestError.Kind?.some(.binaryFile)),
        ([0xFE, 0x41], .some(.invalidUTF8)),
        ([0xFF, 0x41], .some(.invalidUTF8)),
        ([0xEF, 0xBB, 0xBF, 0x41], nil),
    ])
    func otherwiseUnchanged(_ bytes: [UInt8], _ kind: IngestError.Kind?) {
        do {
            _ = try IngestFixtures.read(bytes: bytes, path: "o.txt")
            #expect(kind == nil)
        } catch {
            #expect(error.kind == kind)
        }
    }
}
