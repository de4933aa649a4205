import Foundation
import Vapor

/// Refuses text with the NUL character anywhere a request carries text (its address, a form,
/// JSON): no one types it, PostgreSQL refuses it in text columns (a 500 there, and a stored
/// oddity on SQLite), and other tools cut strings at it. Uploaded files are bytes, not text.
struct NulCharacterGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.hasNul(request.url.string, escaped: .url) { throw Self.refusal(.unprocessableEntity) }
        let type = request.headers.contentType
        if type == .json || type == .urlEncodedForm {
            let body = try await request.body.collect(max: request.bodyLimit).get()
            if let body, Self.hasNul(String(buffer: body), escaped: type == .json ? .json : .url) { throw Self.refusal(.badRequest) }
        }
        return try await next.respond(to: request)
    }

    /// 422 for a query, as for any other value a list does not take; 400 for a body, as for
    /// malformed JSON, since the body is unreadable as text whatever the route.
    static func refusal(_ status: HTTPResponseStatus) -> AppError {
        AppError(status: status, code: "invalid_text",
                 message: "the text sent contains the NUL character (U+0000), which no field accepts; remove it and send again")
    }

    enum Escaping {
        case url, json
    }

    /// The character itself, or as `escaping` writes it: `%00` in a URL or a form, `\u0000` in
    /// JSON (not after a backslash, which makes it the text "\u0000").
    static func hasNul(_ text: String, escaped escaping: Escaping) -> Bool {
        if text.utf8.contains(0) { return true }
        let pattern = switch escaping {
        case .url: "%00"
        case .json: #"(?<!\\)\\u0000"#
        }
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
