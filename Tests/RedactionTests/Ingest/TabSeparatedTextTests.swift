import Testing
@testable import Redaction

/// A `.tsv` file is IANA text/tab-separated-values: tab-delimited, with no quoting.
@Suite("TSV reader and rewrite")
struct TabSeparatedTextTests {
    @Test("quotes are ordinary characters in a .tsv file")
    func quotesAreData() throws {
        let document = try IngestFixtures.read("item\tphone\n12\" monitor\t13812345678\n\"quoted\"\t\"\n", path: "p.tsv")
        #expect(document.header == ["item", "phone"])
        #expect(document.records[1].fields.map(\.value) == ["12\" monitor", "13812345678"])
        #expect(document.records[2].fields.map(\.value) == ["\"quoted\"", "\""])
        #expect(IngestFixtures.text(document, document.records[2].fields[0].sourceRange) == "\"quoted\"")
    }

    @Test("every cell of a .tsv without quotes, header included, is .tsv", arguments: ["p.tsv", "P.TSV", "p.Tsv"])
    func encodings(_ path: String) throws {
        let document = try IngestFixtures.read("a\tb\nx y\tz\n", path: path)
        #expect(IngestFixtures.fields(of: document).map(\.field.encoding) == Array(repeating: .tsv, count: 4))
        #expect(document.csvDelimiter == nil)
    }

    @Test("a .tsv whose every quote parses as CSV quoting (Excel, Python) is read with it; a .csv too", arguments: [
        "p.tsv", "P.TSV", "p.csv",
    ])
    func quotedTabSeparated(_ path: String) throws {
        let document = try IngestFixtures.read("a\tb\n\"x\ty\"\tz\n", path: path)
        #expect(IngestFixtures.fields(of: document).map(\.field.encoding)
            == [.csv(quoted: false, delimiter: 9), .csv(quoted: false, delimiter: 9),
                .csv(quoted: true, delimiter: 9), .csv(quoted: false, delimiter: 9)])
        #expect(document.records[1].fields.map(\.value) == ["x\ty", "z"])
        #expect(document.csvDelimiter == 9)
    }

    @Test("a quoted two-line address in a .tsv stays one cell under its header, and is redacted whole")
    func quotedMultiLineCell() throws {
        let input = "Name\tAddress\tCity\nAnn Lee\t\"12 Harbour Road\nFlat 3\"\tOslo\n"
        let document = try IngestFixtures.read(input, path: "r.tsv")
        #expect(document.records.count == 2)
        #expect(document.records[1].fields.map(\.path) == ["Name", "Address", "City"])
        let outcome = try Pipeline(catalog: Fixtures.catalog, policy: Fixtures.defaultPolicy).process(document)
        let output = String(decoding: try #require(outcome.output), as: UTF8.self)
        #expect(output == "Name\tAddress\tCity\n[PERSON]\t\"[ADDRESS]\"\tOslo\n")
    }

    @Test("an explicit delimiter means CSV quoting even for a .tsv display path")
    func explicitDelimiterIsCSV() throws {
        let document = try DocumentReader.read(
            bytes: Array("a\tb\n\"x\ty\"\tz\n".utf8), displayPath: "p.tsv", format: .csv, csvDelimiter: 9)
        #expect(document.records[1].fields.map(\.value) == ["x\ty", "z"])
    }

    @Test("a file read from disk is TSV by its real name", arguments: ["p.tsv", "p.TSV"])
    func fromDisk(_ name: String) throws {
        let root = try IngestFixtures.makeTemporaryDirectory()
        defer { IngestFixtures.removeDirectory(root) }
        try IngestFixtures.write("size\tphone\n12\"\t13812345678\n", to: name, in: root)
        let document = try DocumentReader.read(filePath: root + "/" + name, displayPath: "shown")
        #expect(document.records[1].fields.map(\.value) == ["12\"", "13812345678"])
        #expect(document.records[1].fields.map(\.encoding) == [.tsv, .tsv])
    }

    @Test("a TSV replacement is never quoted; tab, CR and LF become spaces", arguments: [
        ("[PHONE]", "[PHONE]"),
        ("say \"hi\"", "say \"hi\""),
        ("a\tb", "a b"),
        ("two\r\nlines\n", "two  lines "),
        ("中文\t😀", "中文 😀"),
        ("", ""),
    ])
    func replacementEncoding(_ value: String, _ expected: String) {
        var output: [UInt8] = []
        FieldEncoding.tsv.append(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test("rewriting keeps every other byte and re-reads as TSV")
    func rewrite() throws {
        let source = "item\tphone\tnote\r\n12\" monitor\t13812345678\t\"as is\"\r\n"
        let document = try IngestFixtures.read(source, path: "r.tsv")
        let phone = try #require(IngestFixtures.ref(document, record: 1, path: "phone"))
        let item = try #require(IngestFixtures.ref(document, record: 1, path: "item"))
        let output = DocumentRewriter.rewrite(document, replacing: [phone: "[PHONE\t\"X\"]", item: "24\" monitor"])
        #expect(String(decoding: output, as: UTF8.self) == "item\tphone\tnote\r\n24\" monitor\t[PHONE \"X\"]\t\"as is\"\r\n")
        // As the pipeline's verify step re-reads it.
        let again = try DocumentReader.read(
            bytes: output, displayPath: document.path, format: document.format, csvDelimiter: document.csvDelimiter)
        #expect(again.records[1].fields.map(\.value) == ["24\" monitor", "[PHONE \"X\"]", "\"as is\""])
    }

    @Test("an emptied single-cell TSV row becomes one space, so it stays a record")
    func emptiedSingleCell() throws {
        let document = try IngestFixtures.read("phone\n13812345678\n13812345679", path: "e.tsv")
        let output = DocumentRewriter.rewrite(document, replacing: [
            FieldRef(record: 1, field: 0): "", FieldRef(record: 2, field: 0): "",
        ])
        #expect(String(decoding: output, as: UTF8.self) == "phone\n \n ")
        #expect(try IngestFixtures.read(bytes: output, path: "e.tsv").records.count == 3)
    }

    @Test("an emptied TSV cell with neighbours stays empty")
    func emptiedCellWithNeighbours() throws {
        let document = try IngestFixtures.read("a\tb\nx\ty\n", path: "n.tsv")
        let output = DocumentRewriter.rewrite(document, replacing: [FieldRef(record: 1, field: 0): ""])
        #expect(String(decoding: output, as: UTF8.self) == "a\tb\n\ty\n")
    }
}
