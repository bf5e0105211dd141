/// `redact run -`: one document from standard input, redacted to standard output.
public enum StandardInputRedactor {
    /// The result to audit, and the bytes to print (nil when the document failed: then
    /// nothing is printed, so a filter never passes unredacted text downstream).
    public static func redact(
        _ bytes: [UInt8], format: DocumentFormat, setup: RedactionSetup, fingerprinter: ValueFingerprinter
    ) -> (file: FileResult, output: [UInt8]?) {
        let pipeline = Pipeline(catalog: setup.catalog, policy: setup.policy)
        var result = FileProcessor.result(path: "-", status: .processed)
        let document: Document
        do {
            document = try DocumentReader.read(bytes: bytes, displayPath: "-", format: format)
        } catch {
            result.status = .failed(message: error.description)
            return (result, nil)
        }
        result.format = format
        result.inputSHA256 = ValueFingerprinter.sha256(bytes)
        result.inputBytes = bytes.count
        result.records = document.records.count
        do {
            let outcome = try pipeline.process(document)
            result.decisions = outcome.locatedDecisions()
            result.valueHMACs = FileProcessor.fingerprints(of: result.decisions, in: document, using: fingerprinter)
            result.outputSHA256 = ValueFingerprinter.sha256(outcome.output)
            result.outputPath = "-"
            return (result, outcome.output)
        } catch {
            result.status = .failed(message: error.description)
            return (result, nil)
        }
    }
}

/// `redact scan -`: one document from standard input, decided but not rewritten.
public enum StandardInputScanner {
    public static func scan(_ bytes: [UInt8], format: DocumentFormat, setup: RedactionSetup) -> FileResult {
        var result = FileProcessor.result(path: "-", status: .processed)
        do {
            let document = try DocumentReader.read(bytes: bytes, displayPath: "-", format: format)
            result.format = format
            result.inputBytes = bytes.count
            result.records = document.records.count
            result.decisions = try Pipeline(catalog: setup.catalog, policy: setup.policy).scan(document).locatedDecisions()
        } catch let error as IngestError {
            result.status = .failed(message: error.description)
        } catch {
            result.status = .failed(message: "\(error)")
        }
        return result
    }
}
