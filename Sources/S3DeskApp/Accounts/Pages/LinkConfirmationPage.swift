import Vapor

/// The page an emailed link opens to confirm an address: a button rather than a change on GET,
/// since mail scanners open links on their own, and the account's password, so that only the
/// person who asked for the address can make it theirs by pressing it.
enum LinkConfirmationPage {
    struct Texts {
        let title: String
        let heading: String
        let message: String
        /// Why the password is asked, under its field.
        let passwordHint: String
    }

    static func render(_ req: Request, _ texts: Texts, action: String, token: String, passwordError: String?) async throws -> View {
        let input = FormInput(values: [:], errors: passwordError.map { ["password": $0] } ?? [:])
        var password = FormField(form: "confirm", name: "password", label: req.text(AccountText.messagePassword), kind: .password, input: input,
                                 hint: texts.passwordHint)
        password.autocomplete = "current-password"
        return try await req.view.render("message", RegistrationWebController.MessagePage(
            layout: Layout(request: req, title: texts.title), heading: texts.heading, message: texts.message,
            form: WebForm(csrfToken: CSRF.token(for: req), id: "confirm", action: action, submit: req.text(AccountText.messageConfirm),
                          hidden: [.init(name: "token", value: token)], fields: [password])))
    }
}
