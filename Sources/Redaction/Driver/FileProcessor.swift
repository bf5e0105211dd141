import Foundation

/// Processes one input file on a worker thread: read, parse, run the pipeline, and for
/// `run` write the output atomically. Returns a `FileResult`; never throws, so one bad
/// file never stops the others.
struct FileProcessor {
    let pipeline: Pipeline
    let fingerprinter: ValueFingerprinter?
    /// For `run --dry-run`: fill `FileResult.previews`.
    var previews = false
    /// Whether kept decisions are placed in the file and returned (the audit log and
    /// `scan --show-kept` need them; a plain scan only counts them).
    var locateKept = true
    /// Key for `FileResult.findingFingerprints` (baselines, SARIF); nil computes none.
    var findingFingerprinter: ValueFingerprinter? = nil
    /// `--skip-unsupported`: files Redact cannot read (binary, NUL bytes, UTF-16/32) are
    /// reported as skipped instead of failing the command.
    var skipUnsupported = false

    /// `outputDirectory` nil means scan: decide only, write nothing. For `run`, the output
    /// is only staged (a flushed temporary file): `AuditSession.publish` renames it into
    /// place once the document is in the audit log.
    /// `document` and `detected` are the parsed document and its rule findings from the
    /// first pass, when they were kept; `detectionFailure` why that pass's detection failed.
    func process(_ input: Result<InputFile, IngestError>, outputDirectory: String?,
                 document cached: Document? = nil, detected: [FieldRef: [Finding]]? = nil,
                 detectionFailure: PipelineError? = nil) -> FileResult {
        let file: InputFile
        switch input {
        case .success(let found): file = found
        case .failure(let error):
            let status: FileResult.Status = Self.isSkip(error, unsupported: skipUnsupported)
                ? .skipped(reason: error.reason) : .failed(message: Self.message(for: error))
            return Self.result(path: error.path, status: status)
        }
        var result = Self.result(path: file.relativePath, inputPath: file.path, status: .processed)
        result.displayPath = file.displayPath
        let outputPath = outputDirectory.map { ($0 as NSString).appendingPathComponent(file.relativePath) }
        let document: Document
        do {
            if let cached { document = cached } else { document = try DocumentReader.read(file) }
        } catch {
            result.status = Self.isSkip(error, unsupported: skipUnsupported)
                ? .skipped(reason: error.reason) : .failed(message: Self.message(for: error))
            if let outputPath { Self.removeStale(outputPath) }
            return result
        }
        result.format = document.format
        // Only the audit log of a run records it.
        if outputPath != nil { result.inputSHA256 = ValueFingerprinter.sha256(document.bytes) }
        result.inputBytes = document.bytes.count
        result.records = document.records.count
        let outcome: DocumentOutcome
        do throws(PipelineError) {
            if let detectionFailure { throw detectionFailure }
            outcome = outputPath == nil ? try pipeline.scan(document, detected: detected)
                : try pipeline.process(document, detected: detected)
        } catch {
            result.status = .failed(message: error.description)
            if let outputPath { Self.removeStale(outputPath) }
            return result
        }
        if let failure = outcome.failure {
            result.status = .failed(message: failure.description)
            if let outputPath { Self.removeStale(outputPath) }
            // The decisions of a document refused for a personal key would name that key in
            // the JSON Pointers of the fields under it: keep none of them.
            if case .personalDataInKey = failure { return result }
        }
        result.decisions = outcome.locatedDecisions(includingKept: locateKept)
        result.keptCount = outcome.decisions.count - outcome.redactionCount
        if let fingerprinter {
            result.valueHMACs = Self.fingerprints(of: result.decisions, in: document, using: fingerprinter)
        }
        if let findingFingerprinter {
            result.findingFingerprints = FindingFingerprint.fingerprints(of: result.decisions, file: file.displayPath,
                                                                         in: document, using: findingFingerprinter)
        }
        if previews { result.previews = ValuePreview.previews(of: result.decisions, in: document) }
        if let outputPath, let directory = outputDirectory, outcome.failure == nil, let output = outcome.output {
            do {
                result.stagedOutput = try AtomicFileWriter.stage(output, for: outputPath, within: directory)
                result.outputPath = outputPath
                result.outputSHA256 = ValueFingerprinter.sha256(output)
            } catch {
                result.status = .failed(message: error.description)
            }
        }
        return result
    }

    /// A symbolic link to a directory is skipped by design; files Redact cannot read (binary,
    /// NUL bytes, UTF-16/32) only when the user opted in (`unsupported`): otherwise an
    /// unread file would pass a scan as clean. Anything else that stops a file is an error.
    static func isSkip(_ error: IngestError, unsupported: Bool) -> Bool {
        switch error.kind {
        case .unsupported(.symlinkedDirectory): true
        case .binaryFile, .unsupported(.utf16), .unsupported(.utf32): unsupported
        default: false
        }
    }

    /// The error for a file that stops: for a file Redact cannot read, with how to skip it.
    static func message(for error: IngestError) -> String {
        guard isSkip(error, unsupported: true), !isSkip(error, unsupported: false) else { return error.description }
        return error.description + "; pass --skip-unsupported to skip files Redact cannot read"
    }

    /// Keyed fingerprints of each decision's value, in the same order.
    ///
    /// Several rules often report the same span (a passport number found by its shape, its
    /// label and its context: one redaction, two "covered" decisions); each distinct span
    /// is fingerprinted once.
    static func fingerprints(of decisions: [LocatedDecision], in document: Document, using fingerprinter: ValueFingerprinter) -> [String] {
        var known: [SpanKey: String] = [:]
        return decisions.map { located in
            let finding = located.decision.finding
            let key = SpanKey(field: finding.field, span: finding.span)
            if let fingerprint = known[key] { return fingerprint }
            var value = document.records[finding.field.record].fields[finding.field.field].value
            let fingerprint = value.withUTF8 { bytes in
                fingerprinter.fingerprint(UnsafeBufferPointer(rebasing: bytes[finding.span.lower..<finding.span.upper]))
            }
            known[key] = fingerprint
            return fingerprint
        }
    }

    private struct SpanKey: Hashable {
        var field: FieldRef
        var span: ByteSpan
    }

    static func result(path: String, inputPath: String? = nil, status: FileResult.Status) -> FileResult {
        FileResult(relativePath: path, displayPath: path, inputPath: inputPath ?? path, format: nil, status: status,
                   inputSHA256: nil, inputBytes: 0, records: 0, decisions: [], valueHMACs: [], outputPath: nil,
                   outputSHA256: nil, stagedOutput: nil)
    }

    /// A file that fails gets no output: an output left by an earlier run of an older
    /// version of the input would otherwise look current.
    static func removeStale(_ path: String) {
        unlink(path)
    }
}
