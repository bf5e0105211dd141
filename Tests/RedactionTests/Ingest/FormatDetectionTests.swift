import Testing
@testable import Redaction

@Suite("Format detection")
struct FormatDetectionTests {
    @Test("the extension picks the reader, case-insensitively", arguments: [
        ("people.csv", DocumentFormat.csv), ("PEOPLE.CSV", .csv), ("data/x.tsv", .csv), ("x.Tsv", .csv),
        ("log.jsonl", .jsonLines), ("LOG.NDJSON", .jsonLines), ("notes.txt", .text), ("README", .text),
        (".env", .text), (".csv", .text), ("dir.csv/notes", .text), ("archive.csv.gz", .text),
    ])
    func detect(_ path: String, _ format: DocumentFormat) {
        #expect(DocumentFormat.detect(path: path) == format)
    }

    @Test("a .json file of one JSON value per line is read as JSON Lines; a pretty-printed one stays text")
    func jsonFileContent() throws {
        func format(_ text: String) throws -> DocumentFormat {
            let file = InputFile(path: "/in/export.json", relativePath: "export.json", contents: Array(text.utf8))
            return try DocumentReader.read(file).format
        }
        #expect(try format("{\"given\": \"Aiko\", \"family\": \"Tanaka\"}\n{\"given\": \"Rahul\"}\n") == .jsonLines)
        #expect(try format("{\n  \"given\": \"Aiko\"\n}\n") == .text)
        #expect(try format("not json at all\n") == .text)
    }

    @Test(".tsv forces the tab delimiter; other names leave it to detection")
    func forcedDelimiter() {
        #expect(DocumentFormat.forcedDelimiter(path: "a/b.TSV") == UInt8(ascii: "\t"))
        #expect(DocumentFormat.forcedDelimiter(path: "a/b.csv") == nil)
    }
}
