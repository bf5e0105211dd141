import Testing
@testable import Redaction

@Suite("Header row below a title")
struct HeaderRowTests {
    @Test("a one-cell title above a wider table is not the header", arguments: [
        "Export of 12/11/2024\nName,Passport,Phone,City\nAnn Lee,X1234567,555-0100,Oslo\nBo Li,Y7654321,555-0101,Rome\n",
        "\"Export of November 12, 2024\"\nName,Passport,Phone,City\nAnn Lee,X1234567,555-0100,Oslo\nBo Li,Y7654321,555-0101,Rome\n",
        "名册（导出于 2021/11/15）\n\n姓名,护照号码,电话,城市\n李明,E12345678,13800000000,深圳\n王芳,E87654321,13900000000,广州\n",
        "Registry,,,\nExport of 2024,,,\nName,Passport,Phone,City\nAnn Lee,X1234567,555-0100,Oslo\n",
    ])
    func titleAboveHeader(_ text: String) throws {
        let document = try IngestFixtures.read(text, path: "t.csv")
        #expect(document.header.count == 4)
        #expect(["Name", "姓名"].contains(document.header[0]))
        let data = document.records.filter { $0.number > 0 }
        #expect(data.count >= 1)
        #expect(data[0].fields.map(\.path)[1] == document.header[1])
        // The title is still read, as a record 0 that is not the header.
        #expect(document.records[0].number == 0)
        #expect(!document.isHeaderRecord(0))
        let headerIndex = try #require(document.records.firstIndex { $0.number == 1 }) - 1
        #expect(document.isHeaderRecord(headerIndex))
    }

    @Test("a first row as wide as the table stays the header, and so does a short table")
    func ordinaryHeaders() throws {
        let plain = try IngestFixtures.read("Name,Phone,City\nAnn,1,X\nBo,2,Y\n", path: "p.csv")
        #expect(plain.header == ["Name", "Phone", "City"])
        #expect(plain.records[1].number == 1)
        // Two columns: too narrow to tell a title from a header.
        let narrow = try IngestFixtures.read("Title\nName,Phone\nAnn,1\n", path: "n.csv")
        #expect(narrow.header == ["Title"])
        // A wide row after a data-like second row: the first row is the header after all.
        let data = try IngestFixtures.read("x\nAnn,1,2\nBo,1,2,3,4,5,6,7\n", path: "d.csv")
        #expect(data.header == ["x"])
    }

    @Test("the header index from the filled cells of the first rows", arguments: [
        ([1, 9, 9, 9], 1), ([1, 1, 9, 8, 9], 2), ([9, 9, 9], 0), ([1, 2], 0), ([2, 9, 9], 1),
        ([1, 5, 9, 9], 0), ([1, 1, 1, 1, 1, 1, 9], 0), ([4, 9, 9], 0),
    ])
    func index(_ filled: [Int], _ expected: Int) {
        #expect(HeaderRow.index(filled: filled) == expected)
    }

    @Test("the delimiter comes from the first line that has one, not from a title")
    func delimiterBelowTitle() throws {
        let document = try IngestFixtures.read("Export of 12 May 2024\nName;Phone;City\nAnn;1;X\nBo;2;Y\n", path: "s.csv")
        #expect(document.header == ["Name", "Phone", "City"])
    }
}
