/// Runs the file processor over all inputs in parallel batches and hands results, in
/// input order, to a consumer on the calling thread (reports, the audit log).
///
/// Batches bound memory: at most one batch of results (not the redacted bytes, which are
/// already on disk) is held at a time.
public struct BatchRunner: Sendable {
    public var setup: RedactionSetup
    public var workers: Int
    public var fingerprinter: ValueFingerprinter?

    public init(setup: RedactionSetup, workers: Int, fingerprinter: ValueFingerprinter?) {
        self.setup = setup
        self.workers = max(1, workers)
        self.fingerprinter = fingerprinter
    }

    /// Processes every input; `outputDirectory` nil means scan only.
    public func run(
        _ inputs: [Result<InputFile, IngestError>],
        outputDirectory: String?,
        consume: (FileResult) throws -> Void
    ) rethrows {
        let batchSize = workers * 8
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(start + batchSize, inputs.count)])
            let setup = self.setup
            let fingerprinter = self.fingerprinter
            let results = ParallelMap.map(
                batch,
                workers: workers,
                makeState: { FileProcessor(pipeline: Pipeline(catalog: setup.catalog, policy: setup.policy), fingerprinter: fingerprinter) },
                { processor, input in processor.process(input, outputDirectory: outputDirectory) }
            )
            for result in results { try consume(result) }
            start += batchSize
        }
    }
}
