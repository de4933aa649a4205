import S3DeskDomain
import Vapor

/// An error meant for the client, rendered as the API's error shape or as an HTML page.
struct AppError: Error, Sendable {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    var fields: [String: String] = [:]
    var headers: HTTPHeaders = [:]

    /// The message starts with a capital: people read it on a page, clients in `message`.
    init(status: HTTPResponseStatus, code: String, message: String, fields: [String: String] = [:], headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.message = message.sentenceCased
        self.fields = fields
        self.headers = headers
    }

    static func notFound(_ what: String) -> AppError {
        AppError(status: .notFound, code: "not_found", message: "\(what) was not found")
    }

    static let unauthenticated = AppError(
        status: .unauthorized, code: "unauthenticated",
        message: "sign in first: send a valid bearer token, or log in on the web")

    static let forbidden = AppError(
        status: .forbidden, code: "forbidden", message: "your role does not allow this action")

    static func validation(_ errors: FieldErrors) -> AppError {
        AppError(status: .unprocessableEntity, code: "validation_failed",
                 message: "some fields need attention", fields: errors.messages)
    }

    static func invalidField(_ field: String, _ message: String) -> AppError {
        var errors = FieldErrors()
        errors.add(field, message)
        return validation(errors)
    }

    static func conflict(_ code: String, _ message: String) -> AppError {
        AppError(status: .conflict, code: code, message: message)
    }

    /// The request was understood and refused for what it holds or for the state it met (422,
    /// 409, and a file too large or of a type not accepted, 413 and 415): a page shows itself
    /// again with the input and the reason, not an error page.
    var isRefusal: Bool { [.unprocessableEntity, .conflict, .payloadTooLarge, .unsupportedMediaType].contains(status) }
}
