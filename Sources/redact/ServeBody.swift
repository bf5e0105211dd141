import Foundation
import Hummingbird

/// Reading a request body for `redact serve` with every limit that keeps one client from
/// holding the server: a Content-Type that says JSON, a size limit and a deadline for the
/// whole body. The body is read before a processing slot is taken (`InFlightGate`), so a
/// client that sends slowly holds its own connection only, never a slot others need.
enum ServeBody {
    /// What reading a body came to: the bytes, or the error reply to send instead.
    enum Outcome: Sendable {
        case bytes([UInt8])
        case refused(ServeHandler.Reply)
    }

    /// `application/json`, with an optional `charset=utf-8` (RFC 8259: JSON exchanged
    /// between systems is UTF-8). Anything else, or no Content-Type at all, is 415: the
    /// endpoints read JSON only, and insisting on the JSON media type also means a web page
    /// cannot post to the loopback server without a CORS preflight (which it never grants).
    static func acceptsContentType(_ value: String?) -> Bool {
        guard let value else { return false }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else { return false }
        for parameter in parts.dropFirst() where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0] == "charset" else { return false }
            guard ["utf-8", "\"utf-8\"", "utf8"].contains(pair[1]) else { return false }
        }
        return true
    }

    /// The error replies, one wording each (the README quotes them by status).
    static func unsupportedMediaType() -> ServeHandler.Reply {
        ServeHandler.error(415, "Content-Type must be application/json (charset utf-8, if given)")
    }

    static func tooLarge(_ limit: Int) -> ServeHandler.Reply {
        ServeHandler.error(413, "request body over \(limit) bytes")
    }

    static func timedOut(_ deadline: Duration) -> ServeHandler.Reply {
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        return ServeHandler.error(408, "request body not received within \(String(format: "%g", seconds)) s (--body-timeout)")
    }

    /// Reads the body of `request`, at most `limit` bytes, and gives up at `deadline` after
    /// the call. A client that stops sending is cut earlier, by the connection's read
    /// timeout (`--read-timeout`); this deadline is for one that trickles bytes to stay
    /// under it.
    static func read(_ request: Request, limit: Int, deadline: Duration) async -> Outcome {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return .refused(tooLarge(limit))
        }
        return await withTaskGroup(of: Outcome.self) { group in
            group.addTask {
                do {
                    let buffer = try await request.body.collect(upTo: limit)
                    return .bytes(Array(buffer.readableBytesView))
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    return .refused(tooLarge(limit))
                } catch {
                    // The client went away or broke the framing mid-body: nothing to process.
                    return .refused(ServeHandler.error(400, "request body incomplete"))
                }
            }
            group.addTask {
                // Cancelled (returns early, its result ignored) once the body is complete.
                try? await Task.sleep(for: deadline)
                return .refused(timedOut(deadline))
            }
            // The first to finish wins; cancelling the other ends the body's stream too,
            // so the connection stops waiting for the rest of a body that came too slowly.
            let first = await group.next() ?? .refused(timedOut(deadline))
            group.cancelAll()
            return first
        }
    }
}
