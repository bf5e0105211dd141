import Foundation

/// Processes one input file on a worker thread: read, parse, run the pipeline, and for
/// `run` write the output atomically. Returns a `FileResult`; never throws, so one bad
/// file never stops the others.
struct FileProcessor {
    let pipeline: Pipeline
    let fingerprinter: ValueFingerprinter?

    /// `outputDirectory` nil means scan: decide only, write nothing.
    func process(_ input: Result<InputFile, IngestError>, outputDirectory: String?) -> FileResult {
        let file: InputFile
        switch input {
        case .success(let found): file = found
        case .failure(let error):
            return Self.result(path: error.path, status: .failed(message: error.description))
        }
        var result = Self.result(path: file.relativePath, inputPath: file.path, status: .processed)
        let outputPath = outputDirectory.map { ($0 as NSString).appendingPathComponent(file.relativePath) }
        result.outputPath = outputPath
        let document: Document
        do {
            document = try DocumentReader.read(file)
        } catch {
            if case .binaryFile = error.kind {
                result.status = .skipped(reason: error.reason)
            } else {
                result.status = .failed(message: error.description)
            }
            result.outputPath = nil
            if let outputPath { Self.removeStale(outputPath) }
            return result
        }
        result.format = document.format
        result.inputSHA256 = ValueFingerprinter.sha256(document.bytes)
        result.inputBytes = document.bytes.count
        result.records = document.records.count
        let outcome: DocumentOutcome
        do {
            outcome = outputPath == nil ? try pipeline.scan(document) : try pipeline.process(document)
        } catch {
            result.status = .failed(message: error.description)
            result.outputPath = nil
            if let outputPath { Self.removeStale(outputPath) }
            return result
        }
        result.decisions = outcome.locatedDecisions()
        if let fingerprinter {
            result.valueHMACs = Self.fingerprints(of: result.decisions, in: document, using: fingerprinter)
        }
        if let outputPath {
            do {
                try AtomicFileWriter.write(outcome.output, to: outputPath)
                result.outputSHA256 = ValueFingerprinter.sha256(outcome.output)
            } catch {
                result.status = .failed(message: error.description)
                result.outputPath = nil
            }
        }
        return result
    }

    /// Keyed fingerprints of each decision's value, in the same order.
    static func fingerprints(of decisions: [LocatedDecision], in document: Document, using fingerprinter: ValueFingerprinter) -> [String] {
        decisions.map { located in
            let finding = located.decision.finding
            var value = document.records[finding.field.record].fields[finding.field.field].value
            return value.withUTF8 { bytes in
                fingerprinter.fingerprint(UnsafeBufferPointer(rebasing: bytes[finding.span.lower..<finding.span.upper]))
            }
        }
    }

    static func result(path: String, inputPath: String? = nil, status: FileResult.Status) -> FileResult {
        FileResult(relativePath: path, inputPath: inputPath ?? path, format: nil, status: status, inputSHA256: nil,
                   inputBytes: 0, records: 0, decisions: [], valueHMACs: [], outputPath: nil, outputSHA256: nil)
    }

    /// A file that fails gets no output: an output left by an earlier run of an older
    /// version of the input would otherwise look current.
    static func removeStale(_ path: String) {
        unlink(path)
    }
}
