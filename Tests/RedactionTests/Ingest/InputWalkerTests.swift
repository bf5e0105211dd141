import Foundation
import Testing
@testable import Redaction

@Suite("Input walker")
struct InputWalkerTests {
    /// A temporary tree; removed when the test ends.
    final class Tree {
        let root: String
        init(_ files: [String]) throws {
            root = try IngestFixtures.makeTemporaryDirectory()
            for file in files { try IngestFixtures.write("fake", to: file, in: root) }
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    private func relativePaths(_ results: [Result<InputFile, IngestError>]) -> [String] {
        results.map { result in
            switch result {
            case .success(let file): file.relativePath
            case .failure(let error): "error: \(error.reason)"
            }
        }
    }

    @Test("files come sorted by relative path bytes; hidden files and directories are skipped")
    func sortedAndHiddenSkipped() throws {
        let tree = try Tree(["b.txt", "B.csv", "a.txt", "a/z.jsonl", "a/.env", ".git/config", "sub/.cache/x.txt", "sub/deep/c.csv"])
        let results = InputWalker.walk([tree.root])
        #expect(relativePaths(results) == ["B.csv", "a.txt", "a/z.jsonl", "b.txt", "sub/deep/c.csv"])
        let first = try results[0].get()
        #expect(first.path == tree.root + "/B.csv")
        #expect(try results[0].get() == InputWalker.walk([tree.root + "/"]).first?.get())
    }

    @Test("a file argument is written under its file name, even when hidden; arguments keep their order")
    func fileArguments() throws {
        let tree = try Tree(["dir/notes.txt", ".env", "z.csv"])
        let results = InputWalker.walk([tree.root + "/z.csv", tree.root + "/.env", tree.root + "/dir"])
        #expect(relativePaths(results) == ["z.csv", ".env", "notes.txt"])
        #expect(try results[0].get().path == tree.root + "/z.csv")
        // Several arguments: the directory's file is shown under the argument too, so it
        // cannot be confused with a notes.txt of another argument.
        #expect(try results.map { try $0.get().displayPath } == [tree.root + "/z.csv", tree.root + "/.env", tree.root + "/dir/notes.txt"])
    }

    @Test("two directories holding the same name are shown apart; one directory keeps its inner paths")
    func directoriesApart() throws {
        let tree = try Tree(["a/notes.md", "b/notes.md"])
        let both = InputWalker.walk([tree.root + "/a", tree.root + "/b//"])
        let shown = try both.map { try $0.get().displayPath }
        #expect(shown.count == 2 && Set(shown).count == 2)
        #expect(shown[0] == tree.root + "/a/notes.md")
        #expect(shown[1] == tree.root + "/b/notes.md")
        #expect(relativePaths(both) == ["notes.md", "notes.md"])
        #expect(try InputWalker.walk([tree.root + "/a"]).map { try $0.get().displayPath } == ["notes.md"])
        #expect(InputWalker.directoryPrefix(ofArgument: "./") == nil)
        #expect(InputWalker.directoryPrefix(ofArgument: "./docs//") == "docs/")
    }

    @Test("file arguments with the same name are shown by the argument as given, and read under it")
    func sameNameArguments() throws {
        let tree = try Tree(["h/a/README.md", "h/b/README.md", "h/c/bad.txt"])
        try Data([0x41, 0xFF]).write(to: URL(fileURLWithPath: tree.root + "/h/c/bad.txt"))
        let arguments = ["a", "b", "c/bad.txt"].map { tree.root + "/h/" + $0 + ($0.hasSuffix(".txt") ? "" : "/README.md") }
        let files = try InputWalker.walk(arguments).map { try $0.get() }
        #expect(files.map(\.relativePath) == ["README.md", "README.md", "bad.txt"])
        #expect(files.map(\.displayPath) == arguments)
        #expect(try DocumentReader.read(files[1]).path == arguments[1])
        let error = #expect(throws: IngestError.self) { try DocumentReader.read(files[2]) }
        #expect(error?.path == arguments[2])
        #expect(error?.kind == .invalidUTF8)
    }

    @Test("a relative file argument is shown without its ./ prefix")
    func relativeArgument() throws {
        let tree = try Tree(["h/a/README.md"])
        // A path relative to the working directory, without changing it (tests run in parallel).
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + tree.root.drop { $0 == "/" } + "/h/a/README.md"
        let file = try #require(try InputWalker.walk(["./" + relative]).first?.get())
        #expect(file.displayPath == relative)
        #expect(file.relativePath == "README.md")
        #expect(file.path == "./" + relative)
    }

    @Test("display path of a file argument", arguments: [
        ("README.md", "README.md"), ("./README.md", "README.md"), ("././h/a.txt", "h/a.txt"),
        (".//h/a.txt", "h/a.txt"), ("../h/a.txt", "../h/a.txt"), (".env", ".env"), ("/abs/a.txt", "/abs/a.txt"),
        ("h/./a.txt", "h/./a.txt"),
    ])
    func displayPathOfArgument(_ argument: String, _ expected: String) {
        #expect(InputWalker.displayPath(ofArgument: argument) == expected)
    }

    @Test("a missing input is an error, not a silent skip")
    func missing() throws {
        let tree = try Tree([])
        let results = InputWalker.walk([tree.root + "/nope"])
        #expect(results.count == 1)
        guard case .failure(let error) = results.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .unreadable(errno: ENOENT))
        #expect(error.path == tree.root + "/nope")
        #expect(error.description.hasSuffix("cannot read: No such file or directory"))
    }

    @Test("symbolic links: files followed; directories not followed but reported in place; dangling ones reported")
    func symbolicLinks() throws {
        let tree = try Tree(["data/a.txt", "data/z.txt", "outside/secret.txt"])
        let data = tree.root + "/data"
        try FileManager.default.createSymbolicLink(atPath: data + "/link.txt", withDestinationPath: data + "/a.txt")
        try FileManager.default.createSymbolicLink(atPath: data + "/out", withDestinationPath: tree.root + "/outside")
        try FileManager.default.createSymbolicLink(atPath: data + "/dangling.txt", withDestinationPath: data + "/gone")
        let results = InputWalker.walk([data])
        #expect(relativePaths(results) == [
            "a.txt", "error: cannot read: No such file or directory", "link.txt",
            "error: symbolic link to a directory, not followed", "z.txt",
        ])
        guard case .failure(let error) = results[3] else { return }
        #expect(error == IngestError(path: data + "/out", kind: .unsupported(.symlinkedDirectory)))
        #expect(error.description == data + "/out: symbolic link to a directory, not followed")
    }

    @Test("a symbolic link to a directory given as an argument is followed")
    func symlinkedDirectoryArgument() throws {
        let tree = try Tree(["real/a.txt"])
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/link", withDestinationPath: tree.root + "/real")
        #expect(relativePaths(InputWalker.walk([tree.root + "/link"])) == ["a.txt"])
    }

    /// In-process, so it needs a user the permission bits apply to; as root (CI) the same
    /// path is exercised by `UnreadableDirectoryTests` in CLITests, which runs `redact` as
    /// `nobody`.
    @Test("an unreadable directory is reported", .enabled(if: getuid() != 0, "root reads anything; see UnreadableDirectoryTests"))
    func unreadableDirectory() throws {
        let tree = try Tree(["ok.txt", "locked/x.txt"])
        let locked = tree.root + "/locked"
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        let results = InputWalker.walk([tree.root])
        #expect(relativePaths(results) == ["error: cannot read: Permission denied", "ok.txt"])
    }

    @Test("a FIFO and a non-UTF-8 file name are reported in their sorted place")
    func specialEntries() throws {
        let tree = try Tree(["a.txt", "z.txt"])
        #expect(mkfifo(tree.root + "/m.pipe", 0o600) == 0)
        // Safety: a NUL-terminated byte array that outlives the call.
        let badName: [CChar] = Array((tree.root + "/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0]
        let descriptor = badName.withUnsafeBufferPointer { creat($0.baseAddress!, 0o600) }
        #expect(descriptor >= 0)
        close(descriptor)
        let results = InputWalker.walk([tree.root])
        #expect(relativePaths(results) == [
            "a.txt", "error: file name is not valid UTF-8", "error: is not a regular file", "z.txt",
        ])
        guard case .failure(let error) = results[1] else { return }
        #expect(error.path == tree.root + "/bad\\xFF")
    }

    @Test("a directory read as a file is unsupported; a file reads with its relative path")
    func readingFiles() throws {
        let tree = try Tree(["sub/p.TSV"])
        let error = #expect(throws: IngestError.self) { try DocumentReader.read(filePath: tree.root + "/sub") }
        #expect(error?.kind == .unsupported(.directory))
        try IngestFixtures.write("a,b\tc\n1,2\t3\n", to: "sub/p.TSV", in: tree.root)
        let file = try #require(try InputWalker.walk([tree.root]).first?.get())
        let document = try DocumentReader.read(file)
        #expect(document.path == "sub/p.TSV")
        #expect(document.format == .csv)
        #expect(document.header == ["a,b", "c"])
    }
}
