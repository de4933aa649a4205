import Fluent
import S3DeskDomain
import Vapor

/// The pages behind emailed links (accepting an invitation, choosing a new password), the
/// password-reset request, and the organisation page where members invite colleagues.
struct AccountLinksWebController: RouteCollection {
    struct TokenForm: Content {
        let token: String?
        let name: String?
        let password: String?
        let email: String?
    }

    struct FormPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let heading: String
        let intro: String
        let action: String
        let token: String?
        let askName: Bool
        let askEmail: Bool
        let askPassword: Bool
        let submitLabel: String
        let values: [String: String]
        let errors: [String: String]
        let passwordMinimum = Credentials.passwordMinimum
    }

    struct OrganisationPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let organisation: OrganisationDTO
        let territory: String
        let invited: String?
        let error: String?
        let email: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.organisation.pathComponents, use: organisation)
        routes.post(SiteURL.invitations.pathComponents, use: invite)
        routes.get(SiteURL.acceptInvitationPath.pathComponents, use: acceptForm)
        routes.post(SiteURL.acceptInvitationPath.pathComponents, use: accept)
        routes.get(SiteURL.passwordReset.pathComponents, use: resetForm)
        routes.post(SiteURL.passwordReset.pathComponents, use: requestReset)
        routes.get(SiteURL.choosePasswordPath.pathComponents, use: newPasswordForm)
        routes.post(SiteURL.choosePasswordPath.pathComponents, use: newPassword)
    }

    @Sendable
    func organisation(req: Request) async throws -> View {
        try await renderOrganisation(req, invited: req.query[String.self, at: "invited"], error: nil, email: "")
    }

    @Sendable
    func invite(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let email = (try? req.content.get(String.self, at: "email")) ?? ""
        do {
            let invited = try await Invitations.invite(email: email, by: user, in: req.services)
            var components = URLComponents()
            components.path = SiteURL.organisation
            components.queryItems = [URLQueryItem(name: "invited", value: invited.email)]
            return req.redirect(to: components.string ?? SiteURL.organisation)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderOrganisation(req, invited: nil, error: req.translated(error.fields["email"] ?? error.message), email: email)
                .encodeResponse(status: error.status, for: req)
        }
    }

    @Sendable
    func acceptForm(req: Request) async throws -> View {
        try await render(req, .accept, token: req.query[String.self, at: "token"] ?? "", values: [:], errors: [:])
    }

    @Sendable
    func accept(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        do {
            _ = try await Invitations.accept(token: form.token ?? "", name: form.name ?? "", password: form.password ?? "", in: req.services)
            return try await message(req, req.text(AccountText.formWelcomeTitle), req.text(AccountText.formWelcomeText))
        } catch let errors as FieldErrors {
            return try await render(req, .accept, token: form.token ?? "", values: ["name": form.name ?? ""], errors: errors.messages)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func resetForm(req: Request) async throws -> View {
        try await render(req, .request, token: nil, values: [:], errors: [:])
    }

    @Sendable
    func requestReset(req: Request) async throws -> Response {
        let email = (try? req.content.get(String.self, at: "email")) ?? ""
        do {
            try await PasswordResets.request(email: email, client: req.clientAddress, throttle: req.application.loginThrottle, in: req.services)
            return try await message(req, req.text(AccountText.formCheckEmailTitle), req.text(AccountText.formResetSentText, email))
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, .request, token: nil, values: ["email": email], errors: error.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func newPasswordForm(req: Request) async throws -> View {
        try await render(req, .choose, token: req.query[String.self, at: "token"] ?? "", values: [:], errors: [:])
    }

    @Sendable
    func newPassword(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        do {
            _ = try await PasswordResets.complete(token: form.token ?? "", password: form.password ?? "", in: req.services)
            return try await message(req, req.text(AccountText.formPasswordChangedTitle), req.text(AccountText.formPasswordChangedText))
        } catch let errors as FieldErrors {
            return try await render(req, .choose, token: form.token ?? "", values: [:], errors: errors.messages)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private enum Kind {
        case accept, request, choose
    }

    private func render(_ req: Request, _ kind: Kind, token: String?, values: [String: String],
                        errors: [String: String]) async throws -> View {
        let page: FormPage
        let translated = errors.mapValues(req.translated)
        switch kind {
        case .accept:
            page = FormPage(layout: Layout(request: req, title: req.text(AccountText.formAcceptTitle)), csrfToken: CSRF.token(for: req),
                            heading: req.text(AccountText.formAcceptHeading), intro: req.text(AccountText.formAcceptIntro),
                            action: SiteURL.acceptInvitationPath, token: token, askName: true, askEmail: false, askPassword: true,
                            submitLabel: req.text(AccountText.formAcceptSubmit), values: values, errors: translated)
        case .request:
            page = FormPage(layout: Layout(request: req, title: req.text(AccountText.formResetTitle)), csrfToken: CSRF.token(for: req),
                            heading: req.text(AccountText.formResetTitle), intro: req.text(AccountText.formResetIntro),
                            action: SiteURL.passwordReset, token: nil, askName: false, askEmail: true, askPassword: false,
                            submitLabel: req.text(AccountText.formResetSubmit), values: values, errors: translated)
        case .choose:
            page = FormPage(layout: Layout(request: req, title: req.text(AccountText.formChooseTitle)), csrfToken: CSRF.token(for: req),
                            heading: req.text(AccountText.formChooseTitle), intro: req.text(AccountText.formChooseIntro),
                            action: SiteURL.choosePasswordPath, token: token, askName: false, askEmail: false, askPassword: true,
                            submitLabel: req.text(AccountText.formChooseSubmit), values: values, errors: translated)
        }
        return try await req.view.render("account-form", page)
    }

    private func message(_ req: Request, _ heading: String, _ text: String) async throws -> Response {
        try await req.view.render("message", RegistrationWebController.MessagePage(
            layout: Layout(request: req, title: heading), heading: heading, message: text))
            .encodeResponse(for: req)
    }

    private func renderOrganisation(_ req: Request, invited: String?, error: String?, email: String) async throws -> View {
        let user = try req.requireUser()
        let organisation = try await OrganisationDTO.of(user, on: req.db)
        return try await req.view.render("organisation", OrganisationPage(
            layout: Layout(request: req, title: req.text(AccountText.organisationTitle)), csrfToken: CSRF.token(for: req),
            organisation: organisation, territory: req.application.referenceCodes.territoryName(organisation.territory),
            invited: invited, error: error, email: email))
    }
}
