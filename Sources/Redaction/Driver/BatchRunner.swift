import Foundation

/// Runs the file processor over all inputs in parallel batches and hands results, in
/// input order, to a consumer on the calling thread (reports, the audit log).
///
/// Batches bound memory: at most one batch of results (not the redacted bytes, which are
/// already on disk) is held at a time.
public struct BatchRunner: Sendable {
    public var setup: RedactionSetup
    public var workers: Int
    public var fingerprinter: ValueFingerprinter?
    /// Whether kept decisions are located and returned with each file (see `FileProcessor`).
    public var locateKept = true
    /// What operators need from the run: the HMAC key, the pseudonym book, the reference date.
    public var context = OperatorContext()
    /// Fill each result's masked value previews (`run --dry-run`, see `ValuePreview`).
    public var previews = false
    /// Key for each result's `findingFingerprints` (scan baselines, SARIF); nil computes none.
    public var findingFingerprinter: ValueFingerprinter?
    /// `--skip-unsupported`: report unreadable files (binary, UTF-16/32) as skipped, not failed.
    public var skipUnsupported = false

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
        var items: [WorkItem] = inputs.map { input in
            guard outputDirectory != nil, case .success(let file) = input else { return WorkItem(input: input, collides: false) }
            return WorkItem(input: input, collides: !claimed.insert(file.relativePath).inserted)
        }
        let lexicon = harvestNames(&items)
        // Sequence numbers (`Person 3`, `{n}`) are given in order of first appearance: one
        // worker keeps that order the same on every run; parallel workers would race for it.
        let sequential = setup.policy.usesSequenceNumbers && outputDirectory != nil
        let workers = sequential ? 1 : self.workers
        let batchSize = workers * 8
        let setup = self.setup
        let fingerprinter = self.fingerprinter
        let locateKept = self.locateKept
        let context = self.context
        let previews = self.previews
        let findingFingerprinter = self.findingFingerprinter
        let skipUnsupported = self.skipUnsupported
        let ruleThreads = self.ruleThreads(for: items.count)
        @Sendable func process(_ batch: [WorkItem]) -> [FileResult] {
            ParallelMap.map(
                batch,
                workers: workers,
                makeState: {
                    FileProcessor(pipeline: Pipeline(catalog: setup.catalog, policy: setup.policy, lexicon: lexicon,
                                                     context: context, inlineAllow: setup.inlineAllow,
                                                     ruleThreads: ruleThreads, matchBudget: setup.matchBudget),
                                  fingerprinter: fingerprinter, previews: previews, locateKept: locateKept,
                                  findingFingerprinter: findingFingerprinter, skipUnsupported: skipUnsupported)
                },
                { processor, item in
                    if item.collides, case .success(let file) = item.input {
                        return FileProcessor.result(path: file.relativePath, inputPath: file.path, status: .failed(
                            message: "\(file.path): another input is also written to \(file.relativePath); rename one or run them separately"))
                    }
                    return processor.process(item.input, outputDirectory: outputDirectory, document: item.document,
                                             detected: item.detected, detectionFailure: item.detectionFailure)
                }
            )
        }
        // The consumer (the audit log: hashing and SQLite, one thread) handles batch k while
        // the workers process batch k + 1, so neither waits for the other. Not with
        // sequence numbers, whose order the consumer's pseudonym records must follow.
        var start = 0
        var pending: [FileResult] = []
        while start < items.count || !pending.isEmpty {
            let end = min(start + batchSize, items.count)
            let batch = Array(items[start..<end])
            // Release the cached documents and findings of this batch once it is handed to the workers.
            for index in start..<end {
                items[index].document = nil
                items[index].detected = nil
            }
            start = end
            let next = BatchInFlight()
            if !batch.isEmpty {
                if sequential || pending.isEmpty {
                    next.finish(process(batch))
                } else {
                    next.start { process(batch) }
                }
            }
            for (index, result) in pending.enumerated() {
                do {
                    try consume(result)
                } catch {
                    // Nothing staged after a failed hand-over may linger in the output folder.
                    for later in pending[(index + 1)...] { later.stagedOutput?.discard() }
                    for later in next.results() { later.stagedOutput?.discard() }
                    throw error
                }
            }
            pending = next.results()
        }
    }
}

/// One batch being processed on another thread while the caller consumes the previous one.
///
/// Safety: `@unchecked Sendable` because `value` is written once by the worker thread before
/// `group` is left, and read only after waiting on `group`.
private final class BatchInFlight: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: [FileResult] = []

    func start(_ work: @escaping @Sendable () -> [FileResult]) {
        group.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.group.leave()
        }
    }

    func finish(_ results: [FileResult]) { value = results }

    /// Waits for the batch, if it is still being processed.
    func results() -> [FileResult] {
        group.wait()
        return value
    }
}

extension BatchRunner {
    /// Threads per document for matching large fields: the cores the workers leave idle
    /// when there are fewer documents than workers (one file in a hook), else 1.
    func ruleThreads(for documents: Int) -> Int {
        documents < workers ? max(1, workers / max(1, documents)) : 1
    }

    /// How many findings the first pass keeps for reuse by the second (about 150 bytes
    /// each); past this, the second pass detects again instead of holding more in memory.
    static let findingCacheLimit = 1_000_000

    /// How many bytes of input the first pass keeps parsed for the second (a parsed document
    /// takes a few times its size); past this, the second pass reads and parses again.
    static let documentCacheLimit = 64 << 20

    /// The first pass of name propagation: every document is read and its rules run once,
    /// and the names it gives strong evidence for are collected into the run's lexicon. The
    /// parsed documents and their rule findings are kept on the items (up to
    /// `documentCacheLimit` and `findingCacheLimit`) so that the second pass only adds the
    /// names and decides again instead of reading the file and re-running every pattern.
    /// Files that fail to read here are skipped silently: the second pass reports their
    /// error. A detection that fails (a rule over its match budget) is kept on the item, and
    /// the second pass reports it without matching again.
    /// Nil when the rules have no `propagation.yaml`.
    func harvestNames(_ items: inout [WorkItem]) -> NameLexicon? {
        guard let config = setup.catalog.propagation else { return nil }
        let setup = self.setup
        let ruleThreads = self.ruleThreads(for: items.count)
        // One seed per name, with its earliest origin: a name found in every row of a
        // large run is held once, and the origin does not depend on the workers' order.
        var seeds: [String: NameSeed] = [:]
        for seed in setup.knownSeeds { seeds[seed.name] = seed }
        var cached = 0
        var cachedBytes = 0
        let batchSize = workers * 8
        var start = 0
        while start < items.count {
            let end = min(start + batchSize, items.count)
            let batch = Array(items[start..<end])
            let found = ParallelMap.map(
                batch,
                workers: workers,
                makeState: { Pipeline(catalog: setup.catalog, policy: setup.policy, inlineAllow: setup.inlineAllow,
                                      ruleThreads: ruleThreads, matchBudget: setup.matchBudget) },
                { (pipeline: inout Pipeline, item: WorkItem) -> (names: [NameSeed], document: Document?,
                                                           detected: [FieldRef: [Finding]]?, failure: PipelineError?) in
                    guard !item.collides, case .success(let file) = item.input,
                          let document = try? DocumentReader.read(file)
                    else { return ([], nil, nil, nil) }
                    let detected: [FieldRef: [Finding]]
                    do throws(PipelineError) {
                        detected = try pipeline.detect(document)
                    } catch {
                        // Kept for the second pass to report: detecting again would spend the
                        // document's match budget a second time before failing the same way.
                        return ([], nil, nil, error)
                    }
                    return ((try? pipeline.seedNames(in: document, detected: detected)) ?? [], document, detected, nil)
                }
            )
            for (offset, result) in found.enumerated() {
                for seed in result.names {
                    // A seed found in this run says where better than a --names-from one.
                    if let kept = seeds[seed.name]?.origin, let new = seed.origin, kept <= new { continue }
                    seeds[seed.name] = seed
                }
                if let document = result.document, cachedBytes < Self.documentCacheLimit {
                    cachedBytes += document.bytes.count
                    items[start + offset].document = document
                }
                items[start + offset].detectionFailure = result.failure
                if let detected = result.detected, cached < Self.findingCacheLimit {
                    cached += detected.values.reduce(0) { $0 + $1.count }
                    items[start + offset].detected = detected
                }
            }
            start = end
        }
        return NameLexicon(seeds: seeds.values, config: config,
                           commonWords: LexiconCommonWords(config: config, lexicons: setup.catalog.lexicons))
    }
}

/// One input, whether its output path is already taken by an earlier input, and the parsed
/// document and rule findings of the first pass when they were kept.
struct WorkItem: Sendable {
    var input: Result<InputFile, IngestError>
    var collides: Bool
    var document: Document? = nil
    var detected: [FieldRef: [Finding]]? = nil
    /// Why the first pass's detection failed, when it did: the second pass reports it.
    var detectionFailure: PipelineError? = nil
}
