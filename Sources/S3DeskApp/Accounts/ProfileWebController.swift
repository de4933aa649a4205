import Fluent
import S3DeskDomain
import Vapor

/// The account page where every signed-in person changes their name, address and password and
/// downloads their data, and the page the email-change link opens.
struct ProfileWebController: RouteCollection {
    struct Form: Content {
        let name: String?
        let email: String?
        let password: String?
        let currentPassword: String?
        let newPassword: String?
        let token: String?
        let code: String?
        let language: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.pathComponents, use: show)
        routes.post(SiteURL.accountName.pathComponents, use: rename)
        routes.post(SiteURL.accountLanguage.pathComponents, use: changeLanguage)
        routes.post(SiteURL.accountEmail.pathComponents, use: changeEmail)
        routes.post(SiteURL.accountPassword.pathComponents, use: changePassword)
        routes.post(SiteURL.accountData.pathComponents, use: download)
        routes.post(SiteURL.accountSessions.pathComponents, use: endOtherSessions)
        routes.post(SiteURL.accountErasure.pathComponents, use: erase)
        // Opened from the email, perhaps in a browser where nobody is signed in.
        routes.get(SiteURL.confirmEmailChangePath.pathComponents, use: confirmPage)
        routes.post(SiteURL.confirmEmailChangePath.pathComponents, use: confirm)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let notice: AccountText? = switch req.query[String.self, at: "done"] {
        case "name": .profileDoneName
        case "language": .profileDoneLanguage
        case "email": .profileDoneEmail
        case "password": .profileDonePassword
        case "sessions": .profileDoneSessions
        default: nil
        }
        return try await render(req, openForm: nil, input: .empty, notice: notice.map { req.text($0) }, refusal: nil)
    }

    @Sendable
    func rename(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await act(req, form: "name", kept: ["name": form.name ?? ""]) { user in
            _ = try await Profiles.rename(user, to: form.name ?? "", in: req.services)
        }
    }

    /// The language of the person's pages and emails. A language chosen in this browser with the
    /// switcher would hide the change on every page, so it becomes this one too.
    @Sendable
    func changeLanguage(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let code = form.language ?? ""
        let response = try await act(req, form: "language", kept: ["language": code]) { user in
            _ = try await Profiles.update(user, name: nil, language: code, in: req.services)
        }
        if response.status == .seeOther, let chosen = req.auth.get(User.self)?.language,
           let cookie = req.cookies[LanguageChoice.cookie], cookie.string != chosen.rawValue {
            response.cookies[LanguageChoice.cookie] = LanguageChoice.cookieValue(chosen, secure: req.application.usesSecureCookies)
        }
        return response
    }

    @Sendable
    func changeEmail(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await act(req, form: "email", kept: ["email": form.email ?? ""]) { user in
            try await Profiles.requestEmailChange(of: user, to: form.email ?? "", password: form.password ?? "", guard: req.passwordCheckLimits, in: req.services)
        }
    }

    @Sendable
    func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await act(req, form: "password", kept: [:]) { user in
            let changed = try await Profiles.changePassword(of: user, current: form.currentPassword ?? "", new: form.newPassword ?? "",
                                                            keepingToken: nil, guard: req.passwordCheckLimits, in: req.services)
            // This session goes on, as of the new generation; every other one has ended.
            WebSessions.signIn(changed, on: req)
        }
    }

    @Sendable
    func endOtherSessions(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await Profiles.endOtherSessions(of: user, keepingToken: nil, in: req.services)
        WebSessions.signIn(user, on: req)
        return req.redirect(to: SiteURL.account + "?done=sessions")
    }

    @Sendable
    func erase(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await act(req, form: "erase", kept: [:], { user in
            try await AccountErasure.erase(user, password: form.password ?? "", code: form.code, limits: req.passwordCheckLimits, in: req.services)
        }, done: {
            req.auth.logout(User.self)
            req.session.destroy()
            return try await req.view.render("message", RegistrationWebController.MessagePage(
                layout: Layout(request: req, title: req.text(AccountText.profileErasedTitle)), heading: req.text(AccountText.profileErasedHeading),
                message: req.text(AccountText.profileErasedText))).encodeResponse(for: req)
        })
    }

    /// A POST: the download is audited, and a link others could make a browser follow must not do it.
    @Sendable
    func download(req: Request) async throws -> Response {
        try await PersonalDataExport.response(for: try req.requireUser(), req: req)
    }

    /// A button rather than a change on GET: mail scanners open links on their own.
    @Sendable
    func confirmPage(req: Request) async throws -> View {
        try await confirmation(req).render(req, token: req.query[String.self, at: "token"] ?? "")
    }

    /// The account's password is asked: someone signed in cannot make another person's address
    /// theirs by having that person press the button in the email.
    @Sendable
    func confirm(req: Request) async throws -> Response {
        try await confirmation(req).respond(req) { token, password in
            let user = try await Profiles.confirmEmailChange(token: token, password: password, limits: req.passwordCheckLimits, in: req.services)
            return try await req.view.render("message", RegistrationWebController.MessagePage(
                layout: Layout(request: req, title: req.text(AccountText.profileChangedTitle)), heading: req.text(AccountText.profileChangedHeading),
                message: req.text(AccountText.profileChangedText, user.email)))
                .encodeResponse(for: req)
        }
    }

    private func confirmation(_ req: Request) -> LinkConfirmationPage {
        LinkConfirmationPage(action: SiteURL.confirmEmailChangePath, texts: .init(
            title: req.text(AccountText.profileConfirmTitle), heading: req.text(AccountText.profileConfirmHeading),
            message: req.text(AccountText.profileConfirmText), passwordHint: req.text(AccountText.messageEmailChangePasswordHint),
            invalidTitle: req.text(AccountText.profileLinkInvalidTitle), invalidHeading: req.text(AccountText.profileNotChangedHeading)))
    }

    /// Runs `action` for the form; on success answers with `done`, by default the account page
    /// saying what changed; on refusal the page again, that form open with its errors.
    private func act(_ req: Request, form: String, kept: [String: String], _ action: (User) async throws -> Void,
                     done: (() async throws -> Response)? = nil) async throws -> Response {
        let user = try req.requireUser()
        let refusal = try await FormRefusal.catching { try await action(user) }
        guard let refusal else { return try await done?() ?? req.redirect(to: SiteURL.account + "?done=\(form)") }
        return try await render(req, openForm: form, input: FormInput(values: kept, errors: refusal.fields.mapValues(req.translated)), notice: nil,
                                refusal: req.translated(refusal.message))
            .encodeResponse(status: refusal.status, for: req)
    }

    private func render(_ req: Request, openForm: String?, input: FormInput, notice: String?, refusal: String?) async throws -> View {
        let page = try await ProfilePage.load(try req.requireUser(), openForm: openForm, input: input, notice: notice, refusal: refusal,
                                              layout: Layout(request: req, title: req.text(AccountText.accountTitle)), csrfToken: CSRF.token(for: req),
                                              wording: req.wording, at: req.now, on: req.db)
        return try await req.view.render("account", page)
    }
}
