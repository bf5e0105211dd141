import ArgumentParser
import Foundation
import Redaction

/// What a scan reads: INPUT files and directories, standard input (`-`), or with
/// `--staged` the staged content of the git repository around the current directory.
/// Shared by `scan` and `baseline create`, so a baseline is made from the same paths the
/// hook will scan.
struct ScanSource: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or directories to scan; '-' reads standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Flag(name: .long, help: "Scan the staged content of the git repository (the index, not the work tree); paths as in the repository.")
    var staged = false

    @Option(name: .customLong("key-file"), help: ArgumentHelp("HMAC key for finding fingerprints (baselines, SARIF partialFingerprints).", valueName: "PATH"))
    var keyFile: String?

    func validate() throws {
        if staged, !inputs.isEmpty { throw ValidationError("--staged takes no INPUT: it scans what git has staged") }
        if !staged, inputs.isEmpty { throw ValidationError("give INPUT files or directories, '-' for standard input, or --staged") }
        if inputs.contains("-"), inputs != ["-"] {
            throw ValidationError("'-' (standard input) cannot be combined with other inputs")
        }
    }

    /// Whether `redact:allow` markers are the repository's own word by default: with
    /// `--staged`, or when every INPUT lies inside a git work tree (not standard input, and
    /// not a file from elsewhere, which strangers may have written). Inside a work tree only
    /// the files git tracks are honoured (`scan` checks each file).
    var isInsideRepository: Bool {
        if staged { return true }
        guard inputs != ["-"] else { return false }
        return inputs.allSatisfy { GitWorkTree.contains($0) }
    }

    /// The key file path (`--key-file`, `$REDACT_KEY_FILE`, or the default location).
    func keyPath() throws -> String {
        try DefaultLocations(keyFileFlag: keyFile, auditFlag: nil, environment: ProcessInfo.processInfo.environment).keyFile
    }

    /// Scans every input and hands each file's result to `consume`, in input order.
    func scan(setup: RedactionSetup, common: CommonOptions, locateKept: Bool, fingerprinter: ValueFingerprinter?,
              consume: (FileResult) throws -> Void) throws {
        if inputs == ["-"] {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            try consume(StandardInputScanner.scan(bytes, format: common.stdinFormat, setup: setup,
                                                  findingFingerprinter: fingerprinter))
            return
        }
        var files: [Result<InputFile, IngestError>]
        if staged {
            files = try StagedFiles.read(in: FileManager.default.currentDirectoryPath).map { .success($0) }
        } else {
            files = InputWalker.walk(inputs, fromCurrentDirectory: true)
            if common.inlineAllow == nil, setup.inlineAllow {
                // Markers are on because the INPUTs lie in a work tree: only the files the
                // repository tracks are its own word; an untracked or ignored file is not.
                let tracked = GitWorkTree.trackedFiles(around: inputs)
                files = files.map { result in
                    result.map { file in
                        var file = file
                        file.honoursInlineMarkers = tracked.contains(GitWorkTree.resolved(file.path).path)
                        return file
                    }
                }
            }
        }
        var runner = BatchRunner(setup: setup, workers: common.workerCount, fingerprinter: nil)
        runner.locateKept = locateKept
        runner.findingFingerprinter = fingerprinter
        runner.skipUnsupported = common.skipUnsupported
        try runner.run(files, outputDirectory: nil) { file in
            // Standard output is gone (a closed pipe): stop rather than scan on unheard.
            if Console.outputFailed != nil { throw ExitCode(ExitStatus.error) }
            try consume(file)
        }
    }
}
