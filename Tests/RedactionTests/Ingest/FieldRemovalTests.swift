import Foundation
import Testing
@testable import Redaction

/// `DocumentRewriter.removal` / `rewrite(_:replacing:removing:)`: whole CSV columns and JSON
/// members removed byte-exactly, everything else kept, and the result readable again.
@Suite("field removal")
struct FieldRemovalTests {
    /// Removes the CSV columns at `columns` (0-based) from every row.
    static func dropColumns(_ text: String, path: String = "x.csv", _ columns: Set<Int>,
                            replacing: [FieldRef: String] = [:]) throws -> String {
        let document = try IngestFixtures.read(text, path: path)
        var refs = Set<FieldRef>()
        for (recordIndex, record) in document.records.enumerated() {
            for fieldIndex in record.fields.indices where columns.contains(fieldIndex) {
                refs.insert(FieldRef(record: recordIndex, field: fieldIndex))
            }
        }
        let removal = DocumentRewriter.removal(of: refs, in: document)
        let output = String(decoding: DocumentRewriter.rewrite(document, replacing: replacing, removing: removal), as: UTF8.self)
        // The output reads again, with the removed fields gone from every record.
        let again = try IngestFixtures.read(output, path: path)
        #expect(again.records.count == document.records.count)
        for (index, record) in again.records.enumerated() {
            let expected = document.records[index].fields.count - document.records[index].fields.indices.count { columns.contains($0) }
            #expect(record.fields.count == expected)
        }
        return output
    }

    /// Removes every JSON member whose key is in `keys`.
    static func dropMembers(_ text: String, _ keys: Set<String>) throws -> String {
        let document = try IngestFixtures.read(text, path: "x.jsonl")
        var refs = Set<FieldRef>()
        for (ref, field) in IngestFixtures.fields(of: document) where field.encoding == .jsonKey && keys.contains(field.value) {
            refs.insert(ref)
        }
        let output = String(decoding: DocumentRewriter.rewrite(document, replacing: [:],
                                                               removing: DocumentRewriter.removal(of: refs, in: document)), as: UTF8.self)
        // Every line is still JSON Lines the reader accepts.
        _ = try IngestFixtures.read(output, path: "x.jsonl")
        return output
    }

    @Test("CSV columns: first, middle, last, several adjacent, every one", arguments: [
        ([0], "b,c\n2,3\n"),
        ([1], "a,c\n1,3\n"),
        ([2], "a,b\n1,2\n"),
        ([0, 1], "c\n3\n"),
        ([1, 2], "a\n1\n"),
        ([0, 2], "b\n2\n"),
    ] as [(Set<Int>, String)])
    func csvColumns(columns: Set<Int>, expected: String) throws {
        #expect(try Self.dropColumns("a,b,c\n1,2,3\n", columns) == expected)
    }

    @Test("CSV: quoting of the other cells, CRLF, BOM, blank lines and ragged rows are kept")
    func csvKeepsBytes() throws {
        let input = "\u{FEFF}\"a\";b;c\r\n\"x;1\";\"line\r\nbreak\";\"\"\"q\"\"\"\r\n\r\nshort\r\n4;5;6;7\r\n"
        #expect(try Self.dropColumns(input, [1])
            == "\u{FEFF}\"a\";c\r\n\"x;1\";\"\"\"q\"\"\"\r\n\r\nshort\r\n4;6;7\r\n")
    }

    @Test("TSV: the tab goes with the cell")
    func tsv() throws {
        #expect(try Self.dropColumns("a\tb\tc\n1\t\"2\t3\n", path: "x.tsv", [1]) == "a\tc\n1\t3\n")
    }

    @Test("a replacement in a kept cell and one in a removed cell: only the kept one is written")
    func replacementsAndRemoval() throws {
        let output = try Self.dropColumns("name,phone\nJane Roe,555\n", [1], replacing: [
            FieldRef(record: 1, field: 0): "[PERSON]", FieldRef(record: 1, field: 1): "[PHONE_NUMBER]",
        ])
        #expect(output == "name\n[PERSON]\n")
    }

    @Test("a row left with one empty replaced cell stays a record")
    func lastCellEmptied() throws {
        let output = try Self.dropColumns("name,phone\nJane Roe,555\n", [1], replacing: [FieldRef(record: 1, field: 0): ""])
        #expect(output == "name\n\"\"\n")
    }

    @Test("JSON members: first, middle, last, only, adjacent, nested and in arrays", arguments: [
        (#"{"phone": 1, "a": 2}"#, #"{"a": 2}"#),
        (#"{"a": 1, "phone": "x", "b": 2}"#, #"{"a": 1, "b": 2}"#),
        (#"{"a": 1, "phone": [1, {"c": "]}"}]}"#, #"{"a": 1}"#),
        (#"{ "phone" : null }"#, #"{  }"#),
        (#"{"a":1,"phone":2,"phone_2":3,"b":4}"#, #"{"a":1,"phone_2":3,"b":4}"#),
        (#"{"a":1,"phone":2,"fax":3}"#, #"{"a":1}"#),
        (#"{"phone":2,"fax":3}"#, #"{}"#),
        (#"[{"phone": true, "k": {"fax": "\"}", "z": 0}}]"#, #"[{"k": {"z": 0}}]"#),
        (#"{"phone": {"fax": 1, "y": 2}, "b": 3}"#, #"{"b": 3}"#),
    ])
    func jsonMembers(input: String, expected: String) throws {
        #expect(try Self.dropMembers(input + "\r\n", ["phone", "fax"]) == expected + "\r\n")
    }

    @Test("JSON Lines: blank lines, other lines and escapes are untouched")
    func jsonKeepsBytes() throws {
        let input = "{\"n\": \"\\u00e9\\/\", \"phone\": 1.0e2}\n\n[1, 2]\n{\"phone\": 5}"
        #expect(try Self.dropMembers(input, ["phone"]) == "{\"n\": \"\\u00e9\\/\"}\n\n[1, 2]\n{}")
    }

    @Test("the removal reports the fields inside removed members")
    func removedFields() throws {
        let document = try IngestFixtures.read(#"{"a": 1, "phone": {"x": "y"}, "b": 2}"#, path: "x.jsonl")
        let key = try #require(IngestFixtures.fields(of: document).first { $0.field.encoding == .jsonKey && $0.field.value == "phone" })
        let removal = DocumentRewriter.removal(of: [key.ref], in: document)
        let removed = IngestFixtures.fields(of: document).filter { removal.fields.contains($0.ref) }.map(\.field.value)
        #expect(removed == ["phone", "x", "y"])
    }
}
