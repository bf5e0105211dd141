import Foundation
import Testing
@testable import Redaction

/// Properties every reader must keep for every field, checked over varied samples.
@Suite("Field invariants")
struct FieldInvariantTests {
    static let samples: [(path: String, bytes: [UInt8])] = [
        ("note.txt", [0xEF, 0xBB, 0xBF] + Array("Name: 王小明\r\nPhone: 555-0100\r\n".utf8)),
        ("plain.txt", Array("no BOM, one line".utf8)),
        ("people.csv", Array("name,note,phone\r\n\"Lee, Ann\",\"said \"\"hi\"\"\r\nok\",555-0100\r\n李雷,,\"\"\"\"\n".utf8)),
        ("semi.csv", [0xEF, 0xBB, 0xBF] + Array("名前;電話\n\"山田 \"\"太郎\"\"\";090-0000-0000\nx;y;z\n".utf8)),
        ("tabs.tsv", Array("a\tb\n\"1\t2\"\t3\n12\" monitor\t\"\"\r\n\t\n".utf8)),
        ("tabs.csv", Array("a\tb\n\"1\t2\"\t\"say \"\"x\"\"\"\n".utf8)),
        ("log.jsonl", Array((#"{"name":"Ann \u00e9\/x","n":-1.5e3,"c":[{"p":"555\"0100"},"\ud83d\ude00 中\n"]}"# + "\r\n\n"
            + #""top""# + "\n" + #"[{"a~/b":["\\", "\t", 7]}]"# + "\n"
            + #"{"k\u00e9\"y":{"marc@example.com":"primary","13812345678":true,"":[]}}"#).utf8)),
    ]

    @Test("the source bytes of a field decode back to its value", arguments: samples)
    func sourceDecodesToValue(_ sample: (path: String, bytes: [UInt8])) throws {
        let document = try IngestFixtures.read(bytes: sample.bytes, path: sample.path)
        let fields = IngestFixtures.fields(of: document)
        #expect(!fields.isEmpty)
        for (_, field) in fields {
            let raw = Array(document.bytes[field.sourceRange])
            #expect(try Self.decode(raw, field.encoding) == field.value, "\(field.path)")
        }
    }

    @Test("the source map spans exactly the value's bytes in the source", arguments: samples)
    func sourceMapEnds(_ sample: (path: String, bytes: [UInt8])) throws {
        let document = try IngestFixtures.read(bytes: sample.bytes, path: sample.path)
        for (_, field) in IngestFixtures.fields(of: document) {
            let quoteWidth = Self.isQuoted(field.encoding) ? 1 : 0
            let map = field.sourceMap
            #expect(map.sourceOffset(ofValueOffset: 0) == field.sourceRange.lowerBound + quoteWidth)
            #expect(map.sourceOffset(ofValueOffset: field.value.utf8.count) == field.sourceRange.upperBound - quoteWidth)
            // ASCII letters and digits are copied verbatim in these samples (no `\u0041`),
            // so each must map onto the same byte in the source.
            for (offset, byte) in field.value.utf8.enumerated()
            where Character(Unicode.Scalar(byte)).isASCII && Character(Unicode.Scalar(byte)).isLetter
                || (0x30...0x39).contains(byte) {
                #expect(document.bytes[map.sourceOffset(ofValueOffset: offset)] == byte, "\(field.path) at \(offset)")
            }
        }
    }

    @Test("fields are in source order and never overlap", arguments: samples)
    func ordered(_ sample: (path: String, bytes: [UInt8])) throws {
        let document = try IngestFixtures.read(bytes: sample.bytes, path: sample.path)
        let ranges = IngestFixtures.fields(of: document).map(\.field.sourceRange)
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.upperBound <= next.lowerBound)
        }
    }

    @Test("replacing every field and re-reading gives the replacements back", arguments: samples)
    func replaceAll(_ sample: (path: String, bytes: [UInt8])) throws {
        let document = try IngestFixtures.read(bytes: sample.bytes, path: sample.path)
        let fields = IngestFixtures.fields(of: document)
        // A CSV header cell (record number 0) names columns, and a JSON key names everything
        // under it; the pipeline never rewrites either (it refuses a document with such a key).
        let replaced = fields.filter { document.records[$0.ref.record].number > 0 && $0.field.encoding != .jsonKey }
        let replacing = Dictionary(uniqueKeysWithValues: replaced.map { ($0.ref, "<\($0.ref.record).\($0.ref.field)\t\"é\"\r\n>") })
        // Re-read the way the pipeline's verify step does.
        let again = try DocumentReader.read(
            bytes: DocumentRewriter.rewrite(document, replacing: replacing),
            displayPath: document.path,
            format: document.format,
            csvDelimiter: document.csvDelimiter
        )
        let reread = IngestFixtures.fields(of: again)
        #expect(reread.map(\.ref) == fields.map(\.ref))
        #expect(reread.map(\.field.path) == fields.map(\.field.path))
        #expect(reread.map(\.field.encoding) == fields.map { replacing[$0.ref] == nil ? $0.field.encoding : Self.rewritten($0.field.encoding) })
        #expect(reread.map(\.field.value) == fields.map { field in
            guard let replacement = replacing[field.ref] else { return field.field.value }
            // TSV cannot hold a tab or line break in a cell: each byte is written as a space
            // (bytes, not Characters: "\r\n" is one Character).
            guard field.field.encoding == .tsv else { return replacement }
            return String(decoding: replacement.utf8.map { [0x09, 0x0A, 0x0D].contains($0) ? 0x20 : $0 }, as: UTF8.self)
        })
    }

    /// The encoding a replaced field has when re-read: numbers become strings, and a
    /// replacement holding the delimiter or a quote is quoted in CSV. TSV never quotes.
    private static func rewritten(_ encoding: FieldEncoding) -> FieldEncoding {
        switch encoding {
        case .jsonNumber: .jsonString
        case .csv(_, let delimiter): .csv(quoted: true, delimiter: delimiter)
        case .verbatim, .tsv, .jsonString, .jsonKey: encoding
        }
    }

    private static func isQuoted(_ encoding: FieldEncoding) -> Bool {
        switch encoding {
        case .csv(let quoted, _): quoted
        case .jsonString, .jsonKey: true
        case .verbatim, .tsv, .jsonNumber: false
        }
    }

    /// An independent decoder for each encoding (Foundation's for JSON strings).
    private static func decode(_ raw: [UInt8], _ encoding: FieldEncoding) throws -> String {
        let text = try #require(String(validating: raw, as: UTF8.self))
        switch encoding {
        case .verbatim, .jsonNumber, .csv(quoted: false, _), .tsv:
            return text
        case .csv(quoted: true, _):
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        case .jsonString, .jsonKey:
            return try JSONDecoder().decode(String.self, from: Data(raw))
        }
    }
}
