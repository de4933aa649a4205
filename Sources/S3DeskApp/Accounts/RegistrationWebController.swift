import Fluent
import S3DeskDomain
import Vapor

/// The registration form for applicants, and the page the confirmation link opens.
struct RegistrationWebController: RouteCollection {
    struct RegistrationForm: Content {
        var email: String?
        var name: String?
        var organisationName: String?
        var authorityType: String?
        var territory: String?
        var password: String?

        var input: RegistrationInput {
            RegistrationInput(email: email, password: password, name: name, organisationName: organisationName,
                              authorityType: authorityType, territory: territory)
        }

        /// The API's field names, the form's input ids, and the labels, in the order of the form.
        static let fields: [(field: String, input: String, label: Text)] = [
            ("email", "email", .registerEmail), ("name", "name", .registerName),
            ("organisation.name", "organisationName", .registerAuthorityName),
            ("organisation.authorityType", "authorityType", .registerAuthorityType),
            ("organisation.territory", "territory", .registerTerritory), ("password", "password", .registerPassword),
        ]
    }

    /// Error messages under the form's input names (the API's dotted names mapped to inputs).
    struct FormErrors: Encodable {
        let email: String?
        let name: String?
        let organisationName: String?
        let authorityType: String?
        let territory: String?
        let password: String?

        /// - Parameter messages: by the API's field names, in the reader's language.
        init(_ messages: [String: String]) {
            email = messages["email"]
            name = messages["name"]
            organisationName = messages["organisation.name"]
            authorityType = messages["organisation.authorityType"]
            territory = messages["organisation.territory"]
            password = messages["password"]
        }
    }

    struct RegisterPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let values: RegistrationForm
        let errors: FormErrors
        let errorList: [FieldProblem]
        let authorityTypes: [SelectOption]
        /// Every region and country by name, for the territory field to suggest as people type.
        let territories: [String]
        let passwordMinimum = Credentials.passwordMinimum
    }

    struct MessagePage: Encodable {
        let layout: Layout
        let heading: String
        let message: String
        /// The button that confirms a link's token (mail scanners open links, so GET never does).
        var form: WebForm?
        let loginURL = SiteURL.login()
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.register.pathComponents, use: show)
        routes.post(SiteURL.register.pathComponents, use: submit)
        routes.get(SiteURL.registered.pathComponents, use: sent)
        routes.get(SiteURL.confirmPath.pathComponents, use: confirmPage)
        routes.post(SiteURL.confirmPath.pathComponents, use: confirm)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        try await render(req, values: RegistrationForm(), errors: FieldErrors())
    }

    @Sendable
    func submit(req: Request) async throws -> Response {
        var form = try req.content.decode(RegistrationForm.self)
        do {
            _ = try await Registrations.register(form.input, language: req.language, client: req.clientAddress, throttle: req.application.loginThrottle, in: req.services)
            return req.redirect(to: SiteURL.registered)
        } catch let errors as FieldErrors {
            form.password = nil
            return try await render(req, values: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func sent(req: Request) async throws -> View {
        try await req.view.render("message", MessagePage(
            layout: Layout(request: req, title: .registerSentTitle), heading: req.text(Text.registerSentTitle),
            message: req.text(Text.registerSentText)))
    }

    /// Shows a button rather than confirming on GET: mail scanners open links on their own,
    /// and would otherwise use up the token.
    @Sendable
    func confirmPage(req: Request) async throws -> View {
        try await confirmation(req).render(req, token: req.query[String.self, at: "token"] ?? "")
    }

    /// The password chosen at registration is asked again: someone who registered another
    /// person's address first cannot have the owner confirm it for them by pressing a button.
    @Sendable
    func confirm(req: Request) async throws -> Response {
        try await confirmation(req).respond(req) { token, password in
            _ = try await Registrations.confirm(token: token, password: password, limits: req.passwordCheckLimits, in: req.services)
            return try await req.view.render("message", MessagePage(
                layout: Layout(request: req, title: .registerConfirmedTitle), heading: req.text(Text.registerConfirmedHeading),
                message: req.text(Text.registerConfirmedText)))
                .encodeResponse(for: req)
        }
    }

    private func confirmation(_ req: Request) -> LinkConfirmationPage {
        LinkConfirmationPage(action: SiteURL.confirmPath, texts: .init(
            title: req.text(Text.registerConfirmTitle), heading: req.text(Text.registerConfirmHeading), message: req.text(Text.registerConfirmText),
            passwordHint: req.text(AccountText.messagePasswordHint),
            invalidTitle: req.text(Text.registerInvalidLinkTitle), invalidHeading: req.text(Text.registerInvalidLinkHeading)))
    }

    private func render(_ req: Request, values: RegistrationForm, errors: FieldErrors) async throws -> View {
        let messages = req.translated(errors)
        return try await req.view.render("register", RegisterPage(
            layout: Layout(request: req, title: .registerTitle), csrfToken: CSRF.token(for: req),
            values: values, errors: FormErrors(messages),
            errorList: RegistrationForm.fields.compactMap { field, input, label in
                messages[field].map { FieldProblem(field: input, label: req.text(label), message: $0) }
            },
            authorityTypes: AuthorityType.allCases.map {
                SelectOption(value: $0.rawValue, label: req.text($0.textKey), selected: values.authorityType == $0.rawValue)
            },
            territories: req.application.referenceCodes.territoryNames))
    }
}
