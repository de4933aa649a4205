import Vapor

/// The page an emailed link opens to confirm an address: a button rather than a change on GET,
/// since mail scanners open links on their own, and the account's password, so that only the
/// person who asked for the address can make it theirs by pressing it.
struct LinkConfirmationPage {
    struct Texts {
        let title: String
        let heading: String
        let message: String
        /// Why the password is asked, under its field.
        let passwordHint: String
        /// The page when the link no longer works.
        let invalidTitle: String
        let invalidHeading: String
    }

    /// Where the form posts.
    let action: String
    let texts: Texts

    func render(_ req: Request, token: String, passwordError: String? = nil) async throws -> View {
        let input = FormInput(values: [:], errors: passwordError.map { ["password": $0] } ?? [:])
        var password = FormField(form: "confirm", name: "password", label: req.text(AccountText.messagePassword), kind: .password, input: input,
                                 hint: texts.passwordHint)
        password.autocomplete = "current-password"
        return try await req.view.render("message", RegistrationWebController.MessagePage(
            layout: Layout(request: req, title: texts.title), heading: texts.heading, message: texts.message,
            form: WebForm(csrfToken: CSRF.token(for: req), id: "confirm", action: action, submit: req.text(AccountText.messageConfirm),
                          hidden: [.init(name: "token", value: token)], fields: [password])))
    }

    /// Runs `confirm` with what the form posted. A wrong password, or too many, shows the form
    /// again with the link still usable; a link that no longer works says so.
    func respond(_ req: Request, confirm: (_ token: String, _ password: String) async throws -> Response) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let token = form.token ?? ""
        do {
            return try await confirm(token, form.password ?? "")
        } catch let error as AppError where (error.status == .unprocessableEntity && error.fields["password"] != nil) || error.status == .tooManyRequests {
            return try await render(req, token: token, passwordError: req.translated(error.fields["password"] ?? error.message))
                .encodeResponse(status: error.status, headers: error.headers, for: req)
        } catch let error as AppError where error.isRefusal {
            return try await req.view.render("message", RegistrationWebController.MessagePage(
                layout: Layout(request: req, title: texts.invalidTitle), heading: texts.invalidHeading,
                message: req.translated(error.fields["token"] ?? error.message)))
                .encodeResponse(status: error.status, for: req)
        }
    }

    private struct Form: Content {
        var token: String?
        var password: String?
    }
}
