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

    @Test(".tsv forces the tab delimiter; other names leave it to detection")
    func forcedDelimiter() {
        #expect(DocumentFormat.forcedDelimiter(path: "a/b.TSV") == UInt8(ascii: "\t"))
        #expect(DocumentFormat.forcedDelimiter(path: "a/b.csv") == nil)
    }
}
