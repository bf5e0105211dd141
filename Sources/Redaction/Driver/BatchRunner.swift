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
    ///
    /// When two inputs would be written to the same output path (`a/x.txt` and `b/x.txt`
    /// given as `a b`), the first is processed and the later ones fail: silently letting
    /// one redacted copy replace another would lose a document.
    public func run(
        _ inputs: [Result<InputFile, IngestError>],
        outputDirectory: String?,
        consume: (FileResult) throws -> Void
    ) rethrows {
        var claimed = Set<String>()
        let items: [WorkItem] = inputs.map { input in
            guard outputDirectory != nil, case .success(let file) = input else { return WorkItem(input: input, collides: false) }
            return WorkItem(input: input, collides: !claimed.insert(file.relativePath).inserted)
        }
        let batchSize = workers * 8
        var start = 0
        while start < items.count {
            let batch = Array(items[start..<min(start + batchSize, items.count)])
            let setup = self.setup
            let fingerprinter = self.fingerprinter
            let results = ParallelMap.map(
                batch,
                workers: workers,
                makeState: { FileProcessor(pipeline: Pipeline(catalog: setup.catalog, policy: setup.policy), fingerprinter: fingerprinter) },
                { processor, item in
                    if item.collides, case .success(let file) = item.input {
                        return FileProcessor.result(path: file.relativePath, inputPath: file.path, status: .failed(
                            message: "\(file.path): another input is also written to \(file.relativePath); rename one or run them separately"))
                    }
                    return processor.process(item.input, outputDirectory: outputDirectory)
                }
            )
            for result in results { try consume(result) }
            start += batchSize
        }
    }
}

/// One input and whether its output path is already taken by an earlier input.
private struct WorkItem: Sendable {
    var input: Result<InputFile, IngestError>
    var collides: Bool
}
