import Foundation
import Redaction

/// The work behind `redact serve`'s endpoints, without HTTP: a JSON request body in, a
/// status and a JSON body out. Kept apart from the Hummingbird glue (`ServeCommand`) so the
/// rules for what is bad input (4xx) and what is a failure (5xx) read in one place.
///
/// Request: `{"text": "...", "policy": "optional name", "format": "text|csv|jsonl"}` or
/// `{"records": [{...}, ...], "policy": "..."}` (records are JSON objects, scanned as JSON
/// Lines). Response: `{"findings": [...], "summary": {...}}` for `/v1/scan`, plus `"text"`
/// or `"records"` (redacted) for `/v1/redact`. Findings have the shape of scan's JSON Lines
/// (`file` is `"-"`); never a value. A document that could not be fully processed is never
/// answered with 200: 4xx when the input is at fault, 500 otherwise, and no text.
final class ServeHandler: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    enum Endpoint: Sendable { case scan, redact }

    let rulesDirectory: String
    let defaultPolicy: String
    let auditPath: String
    let fingerprinter: ValueFingerprinter
    /// Seals the audit chain; from the same key as `fingerprinter`.
    let chainKey: AuditChainKey
    private let setups: SetupCache
    /// One audit write at a time: the log is one SQLite file, one run per request.
    private let auditLock = NSLock()

    init(rulesDirectory: String, defaultPolicy: String, auditPath: String, fingerprinter: ValueFingerprinter,
         chainKey: AuditChainKey, inlineAllow: Bool = true, knownNames: [String: SeedOrigin] = [:]) throws {
        self.rulesDirectory = rulesDirectory
        self.defaultPolicy = defaultPolicy
        self.auditPath = auditPath
        self.fingerprinter = fingerprinter
        self.chainKey = chainKey
        setups = SetupCache(rulesDirectory: rulesDirectory, inlineAllow: inlineAllow, knownNames: knownNames)
        // Fail at start, not on the first request, when the rules or the default policy are broken.
        _ = try setups.setup(for: defaultPolicy)
    }

    func handle(_ endpoint: Endpoint, body: [UInt8]) -> Reply {
        let request: ParsedRequest
        switch ParsedRequest.parse(body) {
        case .success(let parsed): request = parsed
        case .failure(let message): return Self.error(400, message)
        }
        let policyName = request.policy ?? defaultPolicy
        // A name, never a path: a request must not make the server read arbitrary files.
        guard policyName.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil else {
            return Self.error(400, "policy must be a policy name (letters, digits, '-', '_')")
        }
        let setup: RedactionSetup
        do {
            setup = try setups.setup(for: policyName)
        } catch {
            if !FileManager.default.fileExists(atPath: RedactionSetup.policyPath(policyName, rulesDirectory: rulesDirectory)) {
                return Self.error(422, "unknown policy \(policyName)")
            }
            return Self.error(500, "policy \(policyName) could not be loaded: \(error)")
        }
        // Input the readers refuse (a CSV syntax error, a record that is not an object) is
        // the client's fault: 400, before anything is decided or audited.
        do {
            _ = try DocumentReader.read(bytes: request.bytes, displayPath: "-", format: request.format)
        } catch {
            return Self.error(400, "input could not be read: \(error.description)")
        }
        switch endpoint {
        case .scan:
            let file = StandardInputScanner.scan(request.bytes, format: request.format, setup: setup)
            if case .failed(let message) = file.status { return Self.error(500, message) }
            return Reply(status: 200, body: Self.body(file, output: nil, request: request))
        case .redact:
            return redact(request, setup: setup)
        }
    }

    /// Redacts and records the request in the audit log (one run, one document); the text
    /// goes back only once the log has it.
    private func redact(_ request: ParsedRequest, setup: RedactionSetup) -> Reply {
        auditLock.lock()
        defer { auditLock.unlock() }
        let session: AuditSession
        do {
            session = try AuditSession(path: auditPath, setup: setup, chainKey: chainKey,
                                       argv: CommandLine.arguments + ["POST /v1/redact"], toolVersion: Redact.version)
        } catch {
            return Self.error(500, "audit log unavailable: \(error)")
        }
        do {
            let book = try session.pseudonymBook(keyID: fingerprinter.keyID)
            let context = OperatorContext(fingerprinter: fingerprinter, book: book, referenceDate: Date())
            let (file, output) = StandardInputRedactor.redact(request.bytes, format: request.format, setup: setup,
                                                              fingerprinter: fingerprinter, context: context)
            try session.record(file)
            try session.recordPseudonyms(book, keyID: fingerprinter.keyID)
            let failed = file.isFailure || output == nil
            try session.finish(documents: 1, decisions: file.decisions.count, errors: failed ? 1 : 0)
            if case .failed(let message) = file.status { return Self.error(500, message) }
            guard let output else { return Self.error(500, "no redacted output was produced") }
            return Reply(status: 200, body: Self.body(file, output: output, request: request))
        } catch {
            _ = try? session.finish(documents: 1, decisions: 0, errors: 1, aborted: true)
            return Self.error(500, "audit log write failed: \(error)")
        }
    }

    static func body(_ file: FileResult, output: [UInt8]?, request: ParsedRequest) -> String {
        var object = JSONText.ObjectBuilder(capacity: 1024 + (output?.count ?? 0) * 2)
        if let output {
            if request.isRecords {
                let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
                object.addRaw("records", JSONText.array(lines.map(String.init)))
            } else {
                object.add("text", String(decoding: output, as: UTF8.self))
            }
        }
        object.addRaw("findings", JSONText.array(file.decisions.filter(\.decision.isRedaction).map { FindingLine.json($0, file: "-") }))
        object.addRaw("summary", FindingLine.summary(files: 1, findings: file.redactions, kept: file.keptCount, errors: 0,
                                                     skipped: 0, typed: false))
        return object.finished()
    }

    static func error(_ status: Int, _ message: String) -> Reply {
        var object = JSONText.ObjectBuilder()
        object.add("error", message)
        object.add("status", status)
        return Reply(status: status, body: object.finished())
    }
}

/// A request body, checked: exactly one of `text` and `records`.
struct ParsedRequest: Sendable {
    var bytes: [UInt8]
    var format: DocumentFormat
    var policy: String?
    var isRecords: Bool

    enum Outcome { case success(ParsedRequest), failure(String) }

    static func parse(_ body: [UInt8]) -> Outcome {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .failure("the body must be a JSON object: {\"text\": \"...\"} or {\"records\": [...]}")
        }
        let known: Set<String> = ["text", "records", "policy", "format"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            return .failure("unknown member \"\(unknown)\" (expected text or records, policy, format)")
        }
        var policy: String?
        if let value = object["policy"] {
            guard let name = value as? String else { return .failure("policy must be a string") }
            policy = name
        }
        switch (object["text"], object["records"]) {
        case (let text as String, nil):
            var format = DocumentFormat.text
            if let value = object["format"] {
                guard let name = value as? String, let parsed = DocumentFormat(rawValue: name) else {
                    return .failure("format must be text, csv or jsonl")
                }
                format = parsed
            }
            return .success(ParsedRequest(bytes: Array(text.utf8), format: format, policy: policy, isRecords: false))
        case (nil, let records as [Any]):
            guard object["format"] == nil else { return .failure("format applies to text only; records are JSON objects") }
            var lines: [UInt8] = []
            for (index, record) in records.enumerated() {
                guard record is [String: Any],
                      let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
                else { return .failure("records[\(index)] must be a JSON object") }
                lines.append(contentsOf: data)
                lines.append(0x0A)
            }
            return .success(ParsedRequest(bytes: lines, format: .jsonLines, policy: policy, isRecords: true))
        case (nil, nil):
            return .failure("give text (a string) or records (an array of objects)")
        case (.some, .some):
            return .failure("give text or records, not both")
        default:
            return .failure("text must be a string, records an array of objects")
        }
    }
}

/// Loaded rule sets by policy name, each loaded once.
///
/// Safety: `@unchecked Sendable` because `cache` is only read or written under `lock`;
/// `RedactionSetup` values are immutable and Sendable.
final class SetupCache: @unchecked Sendable {
    private let rulesDirectory: String
    private let inlineAllow: Bool
    /// `--names-from`, harvested once at start and given to every policy's setup: each name
    /// with where it was found.
    private let knownNames: [String: SeedOrigin]
    private var cache: [String: RedactionSetup] = [:]
    private let lock = NSLock()

    init(rulesDirectory: String, inlineAllow: Bool, knownNames: [String: SeedOrigin]) {
        self.rulesDirectory = rulesDirectory
        self.inlineAllow = inlineAllow
        self.knownNames = knownNames
    }

    func setup(for policy: String) throws -> RedactionSetup {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[policy] { return cached }
        var loaded = try RedactionSetup.load(rulesDirectory: rulesDirectory, policy: policy)
        loaded.inlineAllow = inlineAllow
        loaded.knownNames = Set(knownNames.keys)
        loaded.knownNameOrigins = knownNames
        cache[policy] = loaded
        return loaded
    }
}
