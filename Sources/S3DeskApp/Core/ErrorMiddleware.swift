import Fluent
import S3DeskDomain
import Vapor

/// Turns every error into the API's JSON error shape under `/api/`, and into a page a person
/// can read elsewhere. Bad input never becomes a 500; only real faults do, and those are
/// logged as critical.
struct ErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.appError(for: error, request: request)
            if appError.status.code >= 500 {
                request.logger.critical("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            if request.isAPI {
                return try Self.json(appError, in: request.wording)
            }
            if appError.status == .unauthorized, request.method == .GET {
                return request.redirect(to: SiteURL.login(next: request.url.string))
            }
            return await Self.page(appError, for: request)
        }
    }

    static func appError(for error: any Error, request: Request) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as FieldErrors:
            return .validation(error)
        case let error as DecodingError:
            return decodingError(error)
        case let error as any AbortError where error.status == .payloadTooLarge:
            // The API's messages are worded here in English and translated with the others; a
            // page's, which carry a figure, are worded in the reader's language at once.
            if let upload = request.uploadLimit {
                return AppError(status: .payloadTooLarge, code: "file_too_large", message: request.isAPI
                    ? "the upload is larger than \(upload >> 20) MB, the most S3Desk accepts for one file; nothing was saved"
                    : request.text(AccountText.errorUploadTooLarge, request.wording.integer(upload >> 20)))
            }
            let limit = "\(request.application.routes.defaultMaxBodySize.value >> 10) KB"
            return AppError(status: .payloadTooLarge, code: "payload_too_large", message: request.isAPI
                ? "the request body is larger than \(limit), the most S3Desk accepts"
                : request.text(AccountText.errorBodyTooLarge, limit))
        case let error as any AbortError:
            return AppError(status: error.status, code: code(for: error.status),
                            message: error.reason, headers: error.headers)
        case let error as any DatabaseError where error.isConstraintFailure:
            return .conflict("conflict", "this conflicts with a record that already exists")
        case is ConnectionPoolTimeoutError:
            // A burst that outlasts the wait for a database connection: a retry moments later
            // succeeds. A change may have been saved before the wait that failed, so say so.
            return AppError(status: .serviceUnavailable, code: "busy", message: request.method == .GET
                ? "S3Desk is very busy right now; try again in a few seconds"
                : "S3Desk is very busy right now and may not have finished this request; look before sending it again",
                            headers: ["Retry-After": "5"])
        default:
            return AppError(status: .internalServerError, code: "internal_error",
                            message: "something went wrong on our side; it has been logged")
        }
    }

    /// Malformed JSON is a 400; a field of the wrong type or a missing one is a 422 naming it.
    private static func decodingError(_ error: DecodingError) -> AppError {
        func field(_ path: [any CodingKey], extra: (any CodingKey)? = nil) -> String {
            (path + (extra.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .invalidField(field(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalidField(field(context.codingPath), "must be \(describe(type)), not null")
        case .keyNotFound(let key, let context):
            return .invalidField(field(context.codingPath, extra: key), "is required")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return .invalidField(field(context.codingPath), context.debugDescription)
        default:
            return AppError(status: .badRequest, code: "malformed_request",
                            message: "the request body is not valid JSON")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }

    private static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .badRequest: "malformed_request"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .conflict: "conflict"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .unprocessableEntity: "validation_failed"
        case .tooManyRequests: "too_many_requests"
        default: status.code >= 500 ? "internal_error" : "error"
        }
    }

    private struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
            let fields: [String: String]?
        }
        let error: Detail
    }

    /// The code stays English for programs; `message` and each field's problem read in the
    /// request's language where the catalogues translate them.
    static func json(_ error: AppError, in wording: Wording) throws -> Response {
        let body = Body(error: .init(code: error.code, message: wording.translated(error.message),
                                     fields: error.fields.isEmpty ? nil : error.fields.mapValues(wording.translated)))
        let response = Response(status: error.status, headers: error.headers)
        try response.content.encode(body, as: .json)
        return response
    }

    private struct ErrorPage: Encodable {
        let layout: Layout
        let status: UInt
        let heading: String
        let message: String
    }

    /// In the reader's language: the heading from the status, the message where the catalogues
    /// translate it.
    private static func page(_ error: AppError, for request: Request) async -> Response {
        let key: AccountText = switch error.status {
        case .notFound: .errorNotFound
        case .forbidden: .errorForbidden
        case .unauthorized: .errorSignIn
        case .payloadTooLarge: .errorTooLarge
        default: error.status.code >= 500 ? .errorInternal : .errorOther
        }
        let heading = request.text(key)
        let context = ErrorPage(layout: Layout(request: request, title: heading),
                                status: error.status.code, heading: heading, message: request.translated(error.message))
        do {
            let response = try await request.view.render("error", context).encodeResponse(for: request)
            response.status = error.status
            for (name, value) in error.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        } catch {
            request.logger.critical("error page failed", metadata: ["error": "\(String(reflecting: error))"])
            return Response(status: .internalServerError, body: .init(string: request.text(AccountText.errorInternal) + "."))
        }
    }
}

extension Request {
    /// API paths answer in JSON; everything else is for people.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
