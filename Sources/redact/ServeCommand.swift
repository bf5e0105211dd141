import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Redaction

/// `redact serve`: the scan and redaction of a CMS's publish button, over HTTP on loopback.
/// The work is `ServeHandler`'s; this file is the Hummingbird glue and the limits.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve POST /v1/scan, POST /v1/redact and GET /healthz over HTTP (JSON in, JSON out).",
        discussion: """
        Request: {"text": "...", "policy": "optional name", "format": "text|csv|jsonl"} or
        {"records": [{...}, ...], "policy": "..."}. Response: {"findings": [...], "summary": {...}}
        (findings as in scan's JSON Lines, never values), plus "text" or "records" — redacted —
        for /v1/redact. Every /v1/redact is recorded in the audit database (one run each)
        before the answer is sent; /v1/scan writes nothing.

        Requests must say Content-Type: application/json. Status: 200 done; 400 bad JSON
        or input the readers refuse; 404 no such endpoint; 405 wrong method (Allow names
        the right one); 408 body not complete within --body-timeout; 413 body over
        --max-body-bytes; 415 Content-Type not application/json; 422 unknown policy; 503
        more than --max-in-flight requests being processed at once; 500 a document that
        could not be fully processed or audited (never a 200 with unscanned or unredacted
        text). Errors are {"error": "...", "status": N}. A connection that sends nothing
        for --read-timeout is closed; bodies are read before a processing slot is taken,
        so a slow client never holds one.

        Listens on 127.0.0.1 unless --host says otherwise; --port 0 picks a free port (the
        line "redact serve: listening on http://HOST:PORT" on standard error names it).

        Examples:
          redact serve --port 8750 --audit /var/lib/redact/audit.sqlite
          curl -s localhost:8750/v1/scan -H 'Content-Type: application/json' -d '{"text": "Call 138 0013 8000"}'
        """
    )

    @Option(name: .long, help: ArgumentHelp("TCP port (0: any free port).", valueName: "N"))
    var port: Int

    @Option(name: .long, help: ArgumentHelp("Address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Audit database (SQLite) for /v1/redact.", valueName: "PATH"))
    var audit: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp("HMAC key for value fingerprints.", valueName: "PATH"))
    var keyFile: String?

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("Largest request body accepted (larger: 413).", valueName: "BYTES"))
    var maxBodyBytes = 10_000_000

    @Option(name: .customLong("read-timeout"), help: ArgumentHelp("Close a connection that sends nothing for this long (headers, body or between requests).", valueName: "SECONDS"))
    var readTimeout = 10.0

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp("Longest a request body may take to arrive (longer: 408).", valueName: "SECONDS"))
    var bodyTimeout = 30.0

    @Option(name: .customLong("max-in-flight"), help: ArgumentHelp("Requests processed at once (more: 503). Default: 2 per core.", valueName: "N"))
    var maxInFlight: Int?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard readTimeout > 0, readTimeout <= 86_400 else { throw ValidationError("--read-timeout must be more than 0 and at most 86400 seconds") }
        guard bodyTimeout > 0, bodyTimeout <= 86_400 else { throw ValidationError("--body-timeout must be more than 0 and at most 86400 seconds") }
        if let maxInFlight, maxInFlight < 1 { throw ValidationError("--max-in-flight must be at least 1") }
    }

    func run() throws {
        let locations = try DefaultLocations(keyFileFlag: keyFile, auditFlag: audit, environment: ProcessInfo.processInfo.environment)
        let key = try HMACKeyFile.loadOrCreate(at: locations.keyFile)
        let fingerprinter = ValueFingerprinter(key: key)
        // --names-from is harvested once, with the default policy, for every request.
        let knownNames = common.namesFrom.isEmpty ? [:] : try common.loadSetup().knownNameOrigins
        let handler = try ServeHandler(rulesDirectory: try common.rulesDirectory(), defaultPolicy: common.policy,
                                       auditPath: locations.auditDatabase, fingerprinter: fingerprinter,
                                       chainKey: AuditChainKey(hmacKey: key),
                                       inlineAllow: common.inlineAllow ?? false, knownNames: knownNames)
        let gate = InFlightGate(limit: maxInFlight ?? 2 * ProcessInfo.processInfo.activeProcessorCount)
        let limits = Limits(bodyBytes: maxBodyBytes, bodyTime: .milliseconds(Int(bodyTimeout * 1000)))
        let router = Router()
        // First: middleware applies to the routes added after it (and to "not found").
        router.add(middleware: ServeErrorMiddleware(endpoints: ["/healthz": [.get], "/v1/scan": [.post], "/v1/redact": [.post]]))
        router.get("/healthz") { _, _ in
            Self.json(200, "{\"status\":\"ok\"}")
        }
        for (path, endpoint) in [("/v1/scan", ServeHandler.Endpoint.scan), ("/v1/redact", .redact)] {
            router.post(RouterPath(stringLiteral: path)) { request, _ in
                await Self.respond(endpoint, request: request, handler: handler, gate: gate, limits: limits)
            }
        }
        var logger = Logger(label: "redact-serve")
        logger.logLevel = .warning
        let host = self.host
        let app = Application(
            router: router,
            // The read timeout: a connection with no byte for this long (a stalled header or
            // body, or an idle keep-alive) is closed. Work in progress is never cut by it.
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(readTimeout * 1000)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "redact"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                Console.error("redact serve: listening on http://\(host):\(bound)")
            },
            logger: logger
        )
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await app.runService()
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message { throw CLIError("serve: \(message)") }
    }

    /// The limits on one request's body.
    struct Limits: Sendable {
        var bodyBytes: Int
        var bodyTime: Duration
    }

    static func respond(_ endpoint: ServeHandler.Endpoint, request: Request, handler: ServeHandler, gate: InFlightGate,
                        limits: Limits) async -> Response {
        guard ServeBody.acceptsContentType(request.headers[.contentType]) else { return reply(ServeBody.unsupportedMediaType()) }
        // The body first, then a slot: waiting for a slow client must not take one.
        let body: [UInt8]
        switch await ServeBody.read(request, limit: limits.bodyBytes, deadline: limits.bodyTime) {
        case .bytes(let bytes): body = bytes
        case .refused(let answer): return reply(answer)
        }
        guard gate.enter() else { return reply(ServeHandler.error(503, "too many requests in flight; retry later")) }
        defer { gate.leave() }
        // The pipeline is synchronous CPU work: keep it off the server's cooperative threads.
        let answer = await withCheckedContinuation { (continuation: CheckedContinuation<ServeHandler.Reply, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: handler.handle(endpoint, body: body)) }
        }
        return reply(answer)
    }

    static func reply(_ reply: ServeHandler.Reply) -> Response {
        json(reply.status, reply.body)
    }

    static func json(_ status: Int, _ body: String) -> Response {
        Response(status: HTTPResponse.Status(code: status),
                 headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// Bounds the requests processed at once; beyond the limit the server answers 503 at once
/// instead of queueing CPU work without end. A request takes a slot only once its body is
/// complete.
///
/// Safety: `@unchecked Sendable` because `count` is only touched under `lock`.
final class InFlightGate: @unchecked Sendable {
    private let limit: Int
    private var count = 0
    private let lock = NSLock()

    init(limit: Int) { self.limit = limit }

    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func leave() {
        lock.lock()
        count -= 1
        lock.unlock()
    }
}

/// Why the server stopped, handed from its task to the command.
///
/// Safety: `@unchecked Sendable` because `message` is only touched under `lock`.
final class ServeFailure: @unchecked Sendable {
    private var stored: String?
    private let lock = NSLock()
    var message: String? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
    func set(_ message: String) {
        lock.lock()
        stored = message
        lock.unlock()
    }
}
