import Foundation

/// `redact run -`: one document from standard input, redacted to standard output.
public enum StandardInputRedactor {
    /// The result to audit, and the bytes to print (nil when the document failed: then
    /// nothing is printed, so a filter never passes unredacted text downstream).
    public static func redact(
        _ bytes: [UInt8], format: DocumentFormat, setup: RedactionSetup, fingerprinter: ValueFingerprinter,
        context: OperatorContext = OperatorContext()
    ) -> (file: FileResult, output: [UInt8]?) {
        var result = FileProcessor.result(path: "-", status: .processed)
        let document: Document
        do {
            document = try DocumentReader.read(bytes: bytes, displayPath: "-", format: format)
        } catch {
            result.status = .failed(message: error.description)
            return (result, nil)
        }
        let (pipeline, detected) = Pipeline.withOwnNames(setup: setup, document: document, context: context)
        result.format = format
        result.inputSHA256 = ValueFingerprinter.sha256(bytes)
        result.inputBytes = bytes.count
        result.records = document.records.count
        do {
            let outcome = try pipeline.process(document, detected: detected)
            if let failure = outcome.failure {
                result.status = .failed(message: failure.description)
                if case .personalDataInKey = failure { return (result, nil) }
            }
            result.decisions = outcome.locatedDecisions()
            result.keptCount = outcome.decisions.count - outcome.redactionCount
            result.valueHMACs = FileProcessor.fingerprints(of: result.decisions, in: document, using: fingerprinter)
            guard outcome.failure == nil, let output = outcome.output else { return (result, nil) }
            result.outputSHA256 = ValueFingerprinter.sha256(output)
            result.outputPath = "-"
            return (result, output)
        } catch {
            result.status = .failed(message: error.description)
            return (result, nil)
        }
    }
}

/// `redact scan -`: one document from standard input, decided but not rewritten.
public enum StandardInputScanner {
    public static func scan(_ bytes: [UInt8], format: DocumentFormat, setup: RedactionSetup,
                            findingFingerprinter: ValueFingerprinter? = nil) -> FileResult {
        var result = FileProcessor.result(path: "-", status: .processed)
        do {
            let document = try DocumentReader.read(bytes: bytes, displayPath: "-", format: format)
            result.format = format
            result.inputBytes = bytes.count
            result.records = document.records.count
            let (pipeline, detected) = Pipeline.withOwnNames(setup: setup, document: document)
            let outcome = try pipeline.scan(document, detected: detected)
            if let failure = outcome.failure {
                result.status = .failed(message: failure.description)
            } else {
                result.decisions = outcome.locatedDecisions()
                result.keptCount = outcome.decisions.count - outcome.redactionCount
                if let findingFingerprinter {
                    result.findingFingerprints = FindingFingerprint.fingerprints(of: result.decisions, file: "-", in: document,
                                                                                 using: findingFingerprinter)
                }
            }
        } catch let error as IngestError {
            result.status = .failed(message: error.description)
        } catch {
            result.status = .failed(message: "\(error)")
        }
        return result
    }
}

extension Pipeline {
    /// A pipeline for a single document whose name lexicon is seeded from that document
    /// and the setup's known names (the two passes of propagation, for standard input and `serve`), and the document's
    /// rule findings from the seeding pass, so the second pass does not run every pattern
    /// again (as `BatchRunner` does). Nil findings when detection failed: the second pass
    /// then meets the same error and reports it.
    static func withOwnNames(setup: RedactionSetup, document: Document,
                             context: OperatorContext = OperatorContext()) -> (Pipeline, detected: [FieldRef: [Finding]]?) {
        // One document: its large fields may use every core.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let plain = Pipeline(catalog: setup.catalog, policy: setup.policy, context: context, inlineAllow: setup.inlineAllow,
                             ruleThreads: threads, matchBudget: setup.matchBudget)
        guard let detected = try? plain.detect(document) else { return (plain, nil) }
        guard let config = setup.catalog.propagation, let names = try? plain.seedNames(in: document, detected: detected) else {
            return (plain, detected)
        }
        let seeded = Pipeline(catalog: setup.catalog, policy: setup.policy,
                              lexicon: NameLexicon(seeds: setup.knownSeeds + names, config: config,
                                                   commonWords: LexiconCommonWords(config: config, lexicons: setup.catalog.lexicons)),
                              context: context, inlineAllow: setup.inlineAllow, ruleThreads: threads,
                              matchBudget: setup.matchBudget)
        return (seeded, detected)
    }
}
