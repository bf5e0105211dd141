import Foundation
import Testing

/// Nothing unread passes: a file Redact cannot read is an error (exit 2) with a hint, in
/// `scan`, `scan --staged` and `run`, unless the user opts in with `--skip-unsupported`.
struct UnreadableInputTests {
    /// Text with one NUL byte: the reproduction.
    static let withNUL = Array("Ms. Alice Vandermeer, passport number QZ7001234\n".utf8) + [0x00, 0x0A]
    /// UTF-16LE without a byte order mark.
    static let utf16LE = "Passport number QZ7001234, phone 13812345678\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    /// UTF-32BE without a byte order mark.
    static let utf32BE = "Passport number QZ7001234\n".unicodeScalars.flatMap { scalar in
        (0..<4).reversed().map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
    }

    @Test("scan of a file with a NUL byte, or BOM-less UTF-16/32, exits 2 with a hint; --skip-unsupported skips it",
          arguments: [("n.txt", withNUL, "NUL"), ("u16.txt", utf16LE, "UTF-16"), ("u32.csv", utf32BE, "UTF-32")])
    func scanRefuses(_ name: String, _ bytes: [UInt8], _ said: String) throws {
        let root = TemporaryDirectory.with([name: bytes])
        let scan = try RedactBinary.run(["scan", root + "/" + name])
        #expect(scan.status == 2, "\(scan.err)")
        #expect(scan.err.contains(said) && scan.err.contains("--skip-unsupported"), "\(scan.err)")
        let skipped = try RedactBinary.run(["scan", root, "--skip-unsupported", "--format", "jsonl"])
        #expect(skipped.status == 0, "\(skipped.err)")
        #expect(skipped.out.contains("\"type\":\"skipped\""))
    }

    @Test("run reports such a file as an error, exit 2, and writes nothing for it")
    func runRefuses() throws {
        let root = TemporaryDirectory.with(["n.txt": Self.withNUL, "ok.txt": Array("nothing here\n".utf8)])
        let work = TemporaryDirectory.make()
        let run = try RedactBinary.run(["run", root, "--out", work + "/out", "--audit", work + "/a.sqlite", "--key-file", work + "/k"])
        #expect(run.status == 2)
        #expect(run.err.contains("0 skipped, 1 errors") || run.out.contains("0 skipped, 1 errors"), "\(run.out) \(run.err)")
        #expect(!FileManager.default.fileExists(atPath: work + "/out/n.txt"))
        #expect(FileManager.default.fileExists(atPath: work + "/out/ok.txt"))
    }

    @Test("scan --staged fails on a staged file it cannot read")
    func stagedRefuses() throws {
        let repo = TemporaryDirectory.make()
        try HookScanTests.git(["init", "-q"], in: repo)
        try Data(Self.withNUL).write(to: URL(fileURLWithPath: repo + "/n.txt"))
        try HookScanTests.git(["add", "n.txt"], in: repo)
        let staged = try RedactBinary.run(["scan", "--staged"], directory: repo)
        #expect(staged.status == 2, "\(staged.err)")
        #expect(try RedactBinary.run(["scan", "--staged", "--skip-unsupported"], directory: repo).status == 0)
    }
}

/// A directory the walker cannot list is an error, not a quiet gap in the scan. Root reads
/// any directory, and CI runs the tests as root: there the child `redact` is started as
/// `nobody` (uid 65534, no capabilities, via `setpriv`), so the permission check is the
/// kernel's real one in every environment, never a skipped test.
struct UnreadableDirectoryTests {
    /// How to start `redact` so that a mode-000 directory is unreadable to it.
    static var unprivileged: [String] {
        guard getuid() == 0 else { return [] }
        return ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--"]
    }

    @Test("scan of a tree with an unreadable directory exits 2 naming it, and still scans the rest")
    func unreadableDirectory() throws {
        let root = TemporaryDirectory.with(["ok.txt": Array("Write to jane.roe@example.com\n".utf8),
                                            "locked/x.txt": Array("nothing\n".utf8)])
        // The tree is root's (mode 0755 under umask 022): `nobody` can list all but `locked`.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root + "/locked")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/locked") }
        let home = TemporaryDirectory.make()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: home)
        let scan = try RedactBinary.run(["scan", root, "--format", "jsonl"], home: home, through: Self.unprivileged)
        #expect(scan.status == 2, "exit \(scan.status): \(scan.err)")
        #expect(scan.err.contains("locked: cannot read: Permission denied"), "\(scan.err)")
        // The readable file next to it was scanned all the same.
        #expect(scan.out.contains("\"entity\":\"email_address\""), "\(scan.out)")
    }
}
