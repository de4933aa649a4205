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
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.pathComponents, use: show)
        routes.post(SiteURL.accountName.pathComponents, use: rename)
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
        let notice: String? = switch req.query[String.self, at: "done"] {
        case "name": "Your name is saved."
        case "email": "We have sent a link to the new address. Follow it within 48 hours to make the change."
        case "password": "Your password is changed. Your other sessions and API tokens have ended."
        case "sessions": "You are signed out everywhere else: your other sessions and API tokens have ended."
        default: nil
        }
        return try await render(req, openForm: nil, input: .empty, notice: notice, refusal: nil)
    }

    @Sendable
    func rename(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        return try await act(req, form: "name", kept: ["name": form.name ?? ""]) { user in
            _ = try await Profiles.rename(user, to: form.name ?? "", in: req.services)
        }
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
                layout: Layout(request: req, title: "Account erased"), heading: "Your account is erased",
                message: "S3Desk no longer holds your name, address or password. What your authority applied for stays with it, without your name.",
                csrfToken: nil, token: nil)).encodeResponse(for: req)
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
        var page = RegistrationWebController.MessagePage(
            layout: Layout(request: req, title: "Confirm your new address"), heading: "Confirm your new email address",
            message: "Press the button to sign in with this address from now on.",
            csrfToken: CSRF.token(for: req), token: req.query[String.self, at: "token"] ?? "")
        page.action = SiteURL.confirmEmailChangePath
        return try await req.view.render("message", page)
    }

    @Sendable
    func confirm(req: Request) async throws -> Response {
        let token = try req.content.decode(Form.self).token ?? ""
        do {
            let user = try await Profiles.confirmEmailChange(token: token, in: req.services)
            return try await req.view.render("message", RegistrationWebController.MessagePage(
                layout: Layout(request: req, title: "Address changed"), heading: "Your email address is changed",
                message: "You now sign in with \(user.email), and S3Desk writes to you there.", csrfToken: nil, token: nil))
                .encodeResponse(for: req)
        } catch let error as AppError where error.isRefusal {
            return try await req.view.render("message", RegistrationWebController.MessagePage(
                layout: Layout(request: req, title: "Link not valid"), heading: "The address could not be changed",
                message: error.fields["token"] ?? error.message, csrfToken: nil, token: nil))
                .encodeResponse(status: error.status, for: req)
        }
    }

    /// Runs `action` for the form; on success answers with `done`, by default the account page
    /// saying what changed; on refusal the page again, that form open with its errors.
    private func act(_ req: Request, form: String, kept: [String: String], _ action: (User) async throws -> Void,
                     done: (() async throws -> Response)? = nil) async throws -> Response {
        let user = try req.requireUser()
        let refusal = try await FormRefusal.catching { try await action(user) }
        guard let refusal else { return try await done?() ?? req.redirect(to: SiteURL.account + "?done=\(form)") }
        return try await render(req, openForm: form, input: FormInput(values: kept, errors: refusal.fields), notice: nil,
                                refusal: refusal.message)
            .encodeResponse(status: refusal.status, for: req)
    }

    private func render(_ req: Request, openForm: String?, input: FormInput, notice: String?, refusal: String?) async throws -> View {
        let page = try await ProfilePage.load(try req.requireUser(), openForm: openForm, input: input, notice: notice, refusal: refusal,
                                              layout: Layout(request: req, title: "Your account"), csrfToken: CSRF.token(for: req),
                                              at: req.now, on: req.db)
        return try await req.view.render("account", page)
    }
}
