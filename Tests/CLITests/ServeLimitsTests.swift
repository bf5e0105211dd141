import Foundation
import Testing

/// `redact serve` against clients that misbehave on purpose, over raw loopback sockets:
/// bodies that never arrive or trickle in, wrong methods, paths and media types. Every
/// socket is closed by the test and every wait is bounded (seconds).
@Suite(.serialized)
struct ServeLimitsTests {
    /// The head of a POST whose body is announced as 1000 bytes.
    static func slowHead(_ path: String = "/v1/scan") -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    }

    /// Status code and decoded JSON body of a raw HTTP/1.1 response.
    static func parse(_ bytes: Data) -> (status: Int, headers: String, json: [String: Any]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let status = Int(parts[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return (status, parts[0], json)
    }

    /// The attack: four uploads (as many as `--max-in-flight`) announce 1000 bytes,
    /// send ten, then stall.
    static func stalledUploads(to server: ServeTests.Server) async throws -> [LoopbackSocket] {
        let slow = try (0..<4).map { _ in try LoopbackSocket(port: server.port) }
        for socket in slow { socket.write(Self.slowHead() + "{\"text\": \"") }
        try await Task.sleep(for: .milliseconds(300))
        return slow
    }

    @Test("four stalled uploads hold no processing slot: an ordinary request still gets 200")
    func slowUploadsBlockNobody() async throws {
        let server = try ServeTests.Server(["--max-in-flight", "4"])
        let slow = try await Self.stalledUploads(to: server)
        for attempt in 1...3 {
            let reply = try await server.post("/v1/scan", ["text": ServeTests.text])
            #expect(reply.status == 200, "request \(attempt) while four uploads stall: \(reply.status) \(reply.json)")
        }
        withExtendedLifetime(slow) {}
    }

    @Test("stalled uploads are closed at the read timeout")
    func stalledUploadsClosed() async throws {
        let server = try ServeTests.Server(["--read-timeout", "2"])
        let started = Date()
        let slow = try await Self.stalledUploads(to: server)
        // No byte for --read-timeout (2 s): each stalled connection is closed by the server.
        for socket in slow {
            let (_, closed) = socket.readToEnd(within: 10 - Date().timeIntervalSince(started))
            #expect(closed, "a stalled upload was still open after \(Date().timeIntervalSince(started)) s")
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 1.9 && elapsed < 10, "closed after \(elapsed) s")
    }

    @Test("a body that trickles in under the read timeout gets 408 with a JSON error at the body timeout")
    func tricklingBodyTimesOut() async throws {
        let server = try ServeTests.Server(["--read-timeout", "2", "--body-timeout", "1.5"])
        let socket = try LoopbackSocket(port: server.port)
        socket.write(Self.slowHead("/v1/redact"))
        let started = Date()
        // One byte every 0.2 s: never idle for the read timeout, 200 s for the whole body.
        var answered = false
        for _ in 0..<50 where !answered {
            if socket.readable(within: 200) { answered = true } else { socket.write(" ") }
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(answered, "no answer after \(elapsed) s of a trickling body")
        let (bytes, closed) = socket.readToEnd(within: 5)
        let response = Self.parse(bytes)
        #expect(response.status == 408, "\(String(decoding: bytes, as: UTF8.self).prefix(300))")
        #expect(response.json["status"] as? Int == 408 && response.json["error"] is String)
        #expect(closed, "the connection of a timed-out body stays open")
        #expect(elapsed >= 1.4 && elapsed < 6, "answered after \(elapsed) s")
        // Nothing of a request that timed out reached the audit log.
        // The server is none the worse for it.
        #expect(try await server.post("/v1/scan", ["text": ServeTests.text]).status == 200)
        let runs = FileManager.default.fileExists(atPath: server.audit) ? try ServeTests.sqlite(server.audit, "select count(*) from run") : "0"
        #expect(runs == "0")
    }

    /// Raw requests and the status (and `Allow`) each must get.
    static let refusals: [(request: String, status: Int, allow: String?)] = [
        ("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, nil),
        ("GET /v1/scan HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "POST"),
        ("DELETE /v1/redact HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "POST"),
        ("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405, "GET"),
        ("POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}", 415, nil),
        ("POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}", 415, nil),
        ("POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}", 415, nil),
        ("POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=latin1\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}", 415, nil),
        ("POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: Application/JSON; charset=UTF-8\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"text\":\"a\"}", 200, nil),
    ]

    @Test("404, 405 and 415 answer with the JSON error body; 405 names the allowed method")
    func jsonErrors() async throws {
        let server = try ServeTests.Server()
        for (request, status, allow) in Self.refusals {
            let socket = try LoopbackSocket(port: server.port)
            socket.write(request)
            let (bytes, _) = socket.readToEnd(within: 10)
            let response = Self.parse(bytes)
            #expect(response.status == status, "\(String(decoding: bytes, as: UTF8.self).prefix(300))")
            #expect(response.headers.lowercased().contains("content-type: application/json"))
            if status == 200 {
                #expect(response.json["findings"] is [Any])
            } else {
                #expect(response.json["status"] as? Int == status && response.json["error"] is String, "\(response.json)")
            }
            if let allow {
                #expect(response.headers.lowercased().contains("allow: \(allow.lowercased())"), "\(response.headers)")
            }
        }
    }

    @Test("--read-timeout and --body-timeout must be positive")
    func timeoutValidation() throws {
        for flag in ["--read-timeout", "--body-timeout"] {
            let result = try RedactBinary.run(["serve", "--port", "0", flag, "0"])
            #expect(result.status != 0 && result.err.contains("\(flag) must be more than 0"), "\(result.err)")
        }
    }
}
