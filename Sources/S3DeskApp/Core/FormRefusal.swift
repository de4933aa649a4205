import S3DeskDomain
import Vapor

/// Why a form's action was refused, for the page that shows itself again with the input: the
/// field errors (422) or the reason the state does not allow it (409).
struct FormRefusal: Sendable {
    let fields: [String: String]
    let message: String
    let status: HTTPResponseStatus

    /// Runs `action`; nil when it succeeded, the refusal when it was refused. Any other error
    /// goes on to the error page.
    static func catching(_ action: () async throws -> Void) async throws -> FormRefusal? {
        do {
            try await action()
            return nil
        } catch let error as AppError where error.isRefusal || error.status == .tooManyRequests {
            return FormRefusal(fields: error.fields, message: error.fields.isEmpty ? error.message : fieldsMessage, status: error.status)
        } catch let error as AppError where error.code == "invalid_second_factor" {
            // 401 to an API client; on a page, a field to type again, not a request for HTTP credentials.
            return FormRefusal(fields: error.fields, message: error.message, status: .unprocessableEntity)
        } catch let errors as FieldErrors {
            return FormRefusal(fields: errors.messages, message: fieldsMessage, status: .unprocessableEntity)
        }
    }

    private static let fieldsMessage = "Some fields need attention: see below."
}
