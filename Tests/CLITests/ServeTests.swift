import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `redact serve`, started for real on a loopback port and called over HTTP.
@Suite(.serialized)
struct ServeTests {
    /// A running `redact serve` and what it needs cleaned up.
    ///
    /// Safety: `@unchecked Sendable` because every stored property is set in `init` and
    /// only read afterwards (concurrent requests share one server).
    final class Server: @unchecked Sendable {
        let process = Process()
        let work = TemporaryDirectory.make()
        var port = 0
        var audit: String { work + "/audit.sqlite" }

        init(_ extra: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: RedactBinary.path)
            process.arguments = ["serve", "--port", "0", "--audit", work + "/audit.sqlite", "--key-file", work + "/key"] + extra
            process.currentDirectoryURL = URL(fileURLWithPath: RedactBinary.repositoryRoot)
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = work
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The first line names the port (`--port 0` lets the kernel pick a free one).
            var seen = Data()
            let reader = errors.fileHandleForReading
            while !seen.contains(0x0A) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            let line = String(decoding: seen, as: UTF8.self)
            guard let range = line.range(of: "listening on http://127.0.0.1:"),
                  let port = Int(line[range.upperBound...].prefix { $0.isNumber }) else {
                process.terminate()
                throw ServeTestError(message: "server did not start: \(line)")
            }
            self.port = port
        }

        func call(_ method: String, _ path: String, body: Data? = nil) async throws -> (status: Int, body: Data) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }

        func post(_ path: String, _ object: [String: Any]) async throws -> (status: Int, json: [String: Any]) {
            let reply = try await call("POST", path, body: try JSONSerialization.data(withJSONObject: object))
            return (reply.status, (try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any]) ?? [:])
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ServeTestError: Error { var message: String }

    static let text = "Contact Jane at jane.roe@example.com or +44 20 7946 0321.\n"

    @Test("healthz, scan and redact answer JSON; redact is audited; no value in a scan")
    func endpoints() async throws {
        let server = try Server()
        #expect(try await server.call("GET", "/healthz").status == 200)
        let scan = try await server.post("/v1/scan", ["text": Self.text])
        #expect(scan.status == 200)
        let findings = try #require(scan.json["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["entity"] as? String == "email_address" && $0["file"] as? String == "-" })
        #expect(scan.json["text"] == nil)
        let redact = try await server.post("/v1/redact", ["text": Self.text, "policy": "publish"])
        #expect(redact.status == 200)
        let redacted = try #require(redact.json["text"] as? String)
        #expect(!redacted.contains("jane.roe@example.com"))
        #expect(!redacted.contains("7946 0321"))
        #expect(redacted.hasPrefix("Contact"))
        // The decisions are in the audit database.
        let count = try Self.sqlite(server.audit, "select count(*) from decision")
        #expect((Int(count) ?? 0) >= 2, "decisions in the audit log: \(count)")
        // Records: JSON objects, scanned as JSON Lines.
        let records = try await server.post("/v1/redact", ["records": [["name": "A", "email": "a.person@example.com"], ["note": "none"]]])
        #expect(records.status == 200)
        let out = try #require(records.json["records"] as? [[String: Any]])
        #expect(out.count == 2)
        #expect(out[0]["email"] as? String != "a.person@example.com")
    }

    @Test("bad input is a clear 4xx with a JSON error, never a 200")
    func badInput() async throws {
        let server = try Server(["--max-body-bytes", "1000"])
        let bad = try await server.call("POST", "/v1/scan", body: Data("{not json".utf8))
        #expect(bad.status == 400)
        #expect((try JSONSerialization.jsonObject(with: bad.body) as? [String: Any])?["error"] is String)
        #expect(try await server.post("/v1/scan", ["txt": "x"]).status == 400)
        #expect(try await server.post("/v1/scan", ["text": "x", "records": []]).status == 400)
        #expect(try await server.post("/v1/scan", ["records": ["not an object"]]).status == 400)
        #expect(try await server.post("/v1/redact", ["text": "x", "policy": "no-such-policy"]).status == 422)
        #expect(try await server.post("/v1/redact", ["text": "x", "policy": "../../etc/passwd"]).status == 400)
        #expect(try await server.post("/v1/scan", ["text": "a,b\n\"unclosed\n", "format": "csv"]).status == 400)
        let large = try await server.post("/v1/redact", ["text": String(repeating: "a", count: 5000)])
        #expect(large.status == 413)
        #expect(large.json["text"] == nil)
    }

    @Test("more requests than --max-in-flight get 503, the others 200")
    func concurrencyLimit() async throws {
        let server = try Server(["--max-in-flight", "1"])
        let big = String(repeating: "Reporter's note: call jane.roe@example.com about the story. ", count: 8000)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await server.post("/v1/scan", ["text": big]).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        #expect(statuses.contains(200))
        #expect(statuses.contains(503), "\(statuses)")
    }

    /// Every Sample posted alone to both endpoints; each reply (and the redacted text,
    /// decoded) paired with where it came from.
    static func replies(from server: Server) async throws -> [(String, Data)] {
        var replies: [(String, Data)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: RedactBinary.repositoryRoot + "/Samples").sorted() {
            let text = try String(contentsOfFile: RedactBinary.repositoryRoot + "/Samples/" + name, encoding: .utf8)
            let format = name.hasSuffix(".csv") ? "csv" : name.hasSuffix(".jsonl") ? "jsonl" : "text"
            for path in ["/v1/scan", "/v1/redact"] {
                let body = try JSONSerialization.data(withJSONObject: ["text": text, "format": format])
                let reply = try await server.call("POST", path, body: body)
                #expect(reply.status == 200, "\(path) \(name): \(String(decoding: reply.body, as: UTF8.self).prefix(300))")
                replies.append(("\(path) \(name)", reply.body))
                // The JSON escapes non-ASCII only where it must; compare decoded text too.
                if let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any], let text = object["text"] as? String {
                    replies.append(("\(path) \(name) text", Data(text.utf8)))
                }
            }
        }
        return replies
    }

    @Test("privacy canary: with --names-from the source documents, no fake value from Samples in any response or redacted text")
    func canary() async throws {
        let server = try Server(["--names-from", RedactBinary.repositoryRoot + "/Samples"])
        let replies = try await Self.replies(from: server)
        for value in try PrivacyCanaryTests.lines("samples-fake-pii.txt") {
            let places = replies.filter { $0.1.range(of: Data(value.utf8)) != nil }.map(\.0)
            #expect(places.isEmpty, "a fake value (\(value.count) characters) in \(places)")
        }
    }

    @Test("privacy canary without --names-from: exactly the known names lacking single-document evidence survive, only in /v1/redact of their document")
    func canaryWithoutSources() async throws {
        let server = try Server()
        let replies = try await Self.replies(from: server)
        for value in try PrivacyCanaryTests.lines("samples-fake-pii.txt") {
            let places = replies.filter { $0.1.range(of: Data(value.utf8)) != nil }.map(\.0)
            guard let document = Self.knownLeaks[value] else {
                #expect(places.isEmpty, "a fake value (\(value.count) characters) in \(places)")
                continue
            }
            // One request is one document: these names have strong evidence only in other
            // Samples (run-wide propagation, `redact run Samples`, or --names-from) or in a
            // context the name detector does not read yet. They leak from /v1/redact of
            // their own document, in the reply and its text, and nowhere else.
            #expect(places == ["/v1/redact \(document)", "/v1/redact \(document) text"],
                    "known leak (\(value.count) characters) from \(document) now in \(places); if it is gone, remove it from knownLeaks")
        }
    }

    /// The fake values that still leak through `serve` without `--names-from`, each with
    /// the Sample it leaks from (checked exactly: a new leak fails, and so does a fixed one
    /// left in this list).
    static let knownLeaks: [String: String] = [
        // A surname named bare in the article; the full name is found, but a single word recurs
        // only through run-wide propagation from the Sample that gives the evidence.
        "Kowalczyk": "news-draft-en.md",
    ]

    static func sqlite(_ database: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database, query]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
