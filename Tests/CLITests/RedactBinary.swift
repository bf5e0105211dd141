import Foundation

/// Runs the real `redact` executable built next to the test bundle.
struct RedactBinary {
    /// What one invocation produced.
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
        var lines: [String] { out.split(separator: "\n").map(String.init) }
    }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The built executable: beside the test bundle (`.build/<triple>/debug/`).
    static let path: String = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first).deletingLastPathComponent()
            candidates.append(url.appendingPathComponent("redact").path)
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("redact").path)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("redact").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("redact").path)
        candidates.append(repositoryRoot + "/.build/debug/redact")
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            fatalError("redact executable not found; looked in \(candidates)")
        }
        return found
    }()

    /// Runs `redact` with `arguments`, an isolated HOME (so no test touches the user's key,
    /// audit log or rule cache), and optional standard input. `through` is a command that
    /// runs `redact` for us (e.g. `setpriv` dropping to another user), its arguments before
    /// the executable's path.
    static func run(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:],
                    home: String? = nil, stdoutPath: String? = nil, directory: String? = nil,
                    through: [String] = []) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: through.first ?? path)
        process.arguments = through.isEmpty ? arguments : Array(through.dropFirst()) + [path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home ?? TemporaryDirectory.make()
        environment.removeValue(forKey: "XDG_CONFIG_HOME")
        environment.removeValue(forKey: "XDG_STATE_HOME")
        environment.removeValue(forKey: "XDG_CACHE_HOME")
        environment.removeValue(forKey: "REDACT_NO_CACHE")
        environment.removeValue(forKey: "REDACT_AUDIT")
        environment.removeValue(forKey: "REDACT_KEY_FILE")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        let outFile = stdoutPath.flatMap { FileHandle(forWritingAtPath: $0) }
        process.standardOutput = outFile ?? outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if outFile != nil { try outPipe.fileHandleForWriting.close() }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: outData, stderr: errData)
    }
}

/// Temporary directories for one test.
enum TemporaryDirectory {
    static func make() -> String {
        let path = NSTemporaryDirectory() + "redact-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (relative path → contents) under a new directory.
    static func with(_ files: [String: [UInt8]]) -> String {
        let root = make()
        for (relative, bytes) in files {
            let path = root + "/" + relative
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
        return root
    }
}
