import Foundation

/// `scan --staged`: the content a `git commit` would record — the blobs in the index for
/// every added, copied, modified or renamed path — not the work tree, which may differ
/// (`git add -p`, or an edit made after `git add`).
///
/// Read with `git diff --cached --raw -z --no-abbrev` (mode and blob id of each staged
/// path) and one `git cat-file --batch`. Any git failure is an error, never "nothing
/// staged": a hook that exits 0 because git broke would wave personal data through.
public enum StagedFiles {
    /// The staged files of the repository whose work tree contains `directory`, as
    /// in-memory inputs named by their path in the repository. Symbolic links and
    /// submodules are not files to scan and are left out.
    public static func read(in directory: String, git: String = "git") throws(StagedFilesError) -> [InputFile] {
        let inside = try run(git, ["rev-parse", "--is-inside-work-tree"], in: directory)
        guard String(decoding: inside, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            throw StagedFilesError(message: "\(directory) is not inside a git work tree")
        }
        let raw = try run(git, ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-ext-diff",
                                "--diff-filter=ACMR"], in: directory)
        var staged: [(path: String, blob: String)] = []
        let parts = raw.split(separator: 0, omittingEmptySubsequences: false)
        var index = 0
        while index + 1 < parts.count {
            // `:oldmode newmode oldsha newsha status` then the path.
            let header = String(decoding: parts[index], as: UTF8.self).split(separator: " ")
            let path = String(decoding: parts[index + 1], as: UTF8.self)
            index += 2
            guard header.count == 5, header[0].hasPrefix(":") else {
                throw StagedFilesError(message: "unexpected output from git diff --cached --raw")
            }
            let mode = header[1]
            guard mode.hasPrefix("100") else { continue }  // 120000 link, 160000 submodule
            staged.append((path, String(header[3])))
        }
        guard !staged.isEmpty else { return [] }
        let request = staged.map { $0.blob + "\n" }.joined()
        let blobs = try run(git, ["cat-file", "--batch"], in: directory, input: Array(request.utf8))
        var files: [InputFile] = []
        var offset = 0
        for entry in staged {
            guard let newline = blobs[offset...].firstIndex(of: 0x0A) else {
                throw StagedFilesError(message: "git cat-file --batch ended early")
            }
            let header = String(decoding: blobs[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == entry.blob, header[1] == "blob", let size = Int(header[2]),
                  newline + 1 + size <= blobs.count else {
                throw StagedFilesError(message: "git cat-file --batch could not read the staged blob of \(entry.path)")
            }
            let contents = Array(blobs[(newline + 1)..<(newline + 1 + size)])
            offset = newline + 1 + size + 1
            files.append(InputFile(path: entry.path, relativePath: entry.path, displayPath: entry.path, contents: contents))
        }
        return files
    }

    /// The paths git tracks in the work tree at `root`, relative to it (`git ls-files`): whose
    /// `redact:allow` markers a scan inside the repository honours.
    public static func trackedPaths(in root: String, git: String = "git") throws(StagedFilesError) -> [String] {
        try run(git, ["ls-files", "-z", "--full-name"], in: root).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs git and returns its standard output; a non-zero exit is an error naming git's
    /// first line of complaint.
    static func run(_ git: String, _ arguments: [String], in directory: String, input: [UInt8]? = nil) throws(StagedFilesError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        do {
            try process.run()
        } catch {
            throw StagedFilesError(message: "cannot run git: \(error.localizedDescription)")
        }
        // Write and read concurrently: cat-file answers while it is still being asked.
        let writer = inPipe.fileHandleForWriting
        let payload = Data(input ?? [])
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) {
            if !payload.isEmpty { try? writer.write(contentsOf: payload) }
            try? writer.close()
        }
        DispatchQueue.global().async(group: group) {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        }
        let output = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let complaint = String(decoding: errData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw StagedFilesError(message: "git \(arguments.first ?? "") failed (exit \(process.terminationStatus))"
                                   + (complaint.isEmpty ? "" : ": \(complaint)"))
        }
        return Array(output)
    }
}

/// `--staged` could not read the index: not a git work tree, git missing or failing.
public struct StagedFilesError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "--staged: \(message)" }
}
