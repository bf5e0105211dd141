/// Names of private persons harvested from other documents than the ones being processed:
/// `--names-from PATH` gives a single article (standard input, `serve`, a hook scanning one
/// changed file) what a whole `redact run` gets from propagation — a name with strong
/// evidence in the source documents (a row of the leaked list, `Name:` in a registry) is
/// redacted where the article mentions it without such evidence.
///
/// The names stay in memory only; nothing about them is printed or logged.
public enum KnownNames {
    /// One of the sources could not be read: an error for the whole command, since a
    /// silently skipped source would silently weaken the redaction.
    public struct SourceError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "--names-from: \(message)" }
    }

    /// Every name the propagation rules give strong evidence for in `inputs` (files or
    /// folders, walked like `redact run`'s), with the rules and policy of `setup`.
    public static func harvest(from inputs: [String], setup: RedactionSetup, workers: Int) throws(SourceError) -> Set<String> {
        Set(try harvestSeeds(from: inputs, setup: setup, workers: workers).keys)
    }

    /// `harvest`, with the earliest place (source document, line, rule) each name was found.
    public static func harvestSeeds(from inputs: [String], setup: RedactionSetup,
                                    workers: Int) throws(SourceError) -> [String: SeedOrigin] {
        var files: [InputFile] = []
        for input in InputWalker.walk(inputs) {
            switch input {
            case .success(let file): files.append(file)
            case .failure(let error) where FileProcessor.isSkip(error, unsupported: true): continue
            case .failure(let error): throw SourceError(message: error.description)
            }
        }
        let found = ParallelMap.map(files, workers: workers,
                                    makeState: { Pipeline(catalog: setup.catalog, policy: setup.policy, matchBudget: setup.matchBudget) }) { pipeline, file -> Result<[NameSeed], SourceError> in
            do {
                let document = try DocumentReader.read(file)
                return .success(try pipeline.seedNames(in: document))
            } catch let error as IngestError where FileProcessor.isSkip(error, unsupported: true) {
                return .success([])  // binary files and linked folders, as run skips them
            } catch let error as IngestError {
                return .failure(SourceError(message: error.description))
            } catch {
                return .failure(SourceError(message: "\(file.path): \(error)"))
            }
        }
        var names: [String: SeedOrigin] = [:]
        for result in found {
            for seed in try result.get() {
                guard let origin = seed.origin else { continue }
                if let kept = names[seed.name], kept <= origin { continue }
                names[seed.name] = origin
            }
        }
        return names
    }
}
