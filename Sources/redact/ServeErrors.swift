import Foundation
import Hummingbird

/// Turns every answer `redact serve`'s router does not produce itself — an unknown path
/// (404), a known path with the wrong method (405, with `Allow`), an error thrown anywhere
/// below — into the JSON error body the README promises: `{"error": "...", "status": N}`.
/// The messages never repeat the request's path or body: a client may put a value there.
struct ServeErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods each endpoint answers, by path.
    let endpoints: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound {
                return notFound(request)
            }
            return ServeCommand.json(error.status.code, ServeHandler.error(error.status.code, error.status.reasonPhrase).body)
        } catch {
            return ServeCommand.reply(ServeHandler.error(500, "internal error"))
        }
    }

    /// 405 when the path exists under another method, 404 otherwise; both list what exists.
    private func notFound(_ request: Request) -> Response {
        let listing = endpoints.keys.sorted().flatMap { path in endpoints[path, default: []].map { "\($0) \(path)" } }
            .joined(separator: ", ")
        guard let methods = endpoints[request.uri.path] else {
            return ServeCommand.reply(ServeHandler.error(404, "no such endpoint; the endpoints are \(listing)"))
        }
        let allowed = methods.map(\.rawValue).joined(separator: ", ")
        var response = ServeCommand.reply(ServeHandler.error(405, "method not allowed here; use \(allowed)"))
        response.headers[.allow] = allowed
        return response
    }
}
