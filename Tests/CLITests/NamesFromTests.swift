import Foundation
import Testing

/// `--names-from`: a lone article checked against the names of its source documents.
struct NamesFromTests {
    static let root = RedactBinary.repositoryRoot

    @Test("run - with --names-from Samples redacts every fake value of the news draft alone; without it, some names stay")
    func filterWithSources() throws {
        let draft = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/Samples/news-draft-en.md"))
        let work = TemporaryDirectory.make()
        let common = ["--audit", work + "/a.sqlite", "--key-file", work + "/key"]
        let values = try PrivacyCanaryTests.lines("samples-fake-pii.txt")
        let alone = try RedactBinary.run(["run", "-"] + common, stdin: draft)
        #expect(alone.status == 0, "\(alone.err)")
        let survivorsAlone = values.filter { alone.stdout.range(of: Data($0.utf8)) != nil }
        #expect(!survivorsAlone.isEmpty, "the draft alone no longer needs its sources: tighten this test")
        let withSources = try RedactBinary.run(["run", "-", "--names-from", Self.root + "/Samples"] + common, stdin: draft)
        #expect(withSources.status == 0, "\(withSources.err)")
        let survivors = values.filter { withSources.stdout.range(of: Data($0.utf8)) != nil }
        #expect(survivors.isEmpty, "\(survivors.count) fake values survive")
        #expect(!withSources.err.contains(survivorsAlone.first ?? "\u{0}"))
        let scan = try RedactBinary.run(["scan", "-", "--format", "jsonl", "--names-from", Self.root + "/Samples"], stdin: draft)
        #expect(scan.status == 1)
        #expect(scan.out.count > 0)
        for value in values { #expect(scan.stdout.range(of: Data(value.utf8)) == nil) }
    }

    @Test("a source that cannot be read is an error (2) naming it, before anything is written")
    func unreadableSource() throws {
        let sources = TemporaryDirectory.with(["bad.csv": Array("a,b\n\"unclosed\n".utf8), "fine.txt": Array("Name: Jane Roe\n".utf8)])
        let work = TemporaryDirectory.make()
        let result = try RedactBinary.run(["run", "-", "--names-from", sources, "--audit", work + "/a.sqlite", "--key-file", work + "/key"],
                                          stdin: Data("Jane Roe called.\n".utf8))
        #expect(result.status == 2)
        #expect(result.err.contains("--names-from"))
        #expect(result.err.contains("bad.csv"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work + "/a.sqlite"))
    }
}
