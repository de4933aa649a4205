import Fluent
import S3DeskDomain
import Vapor

/// The sign-in page and sign-out for staff and, later, applicants.
struct LoginWebController: RouteCollection {
    struct LoginPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let next: String?
        let email: String
        let error: String?
    }

    struct LoginForm: Content {
        let email: String?
        let password: String?
        let next: String?
    }

    struct CodePage: Encodable {
        let layout: Layout
        let csrfToken: String
        let error: String?
        let action = SiteURL.loginCode
        let loginURL = SiteURL.loginPath
    }

    struct CodeForm: Content {
        let code: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.loginPath.pathComponents, use: show)
        routes.post(SiteURL.loginPath.pathComponents, use: submit)
        routes.post(SiteURL.logout.pathComponents, use: logout)
        routes.get(SiteURL.loginCode.pathComponents, use: showCode)
        routes.post(SiteURL.loginCode.pathComponents, use: submitCode)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let next = req.query[String.self, at: "next"].flatMap { SiteURL.isLocalPath($0) ? $0 : nil }
        return try await render(req, next: next, email: "", error: nil)
    }

    @Sendable
    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = form.next.flatMap { SiteURL.isLocalPath($0) ? $0 : nil }
        let email = form.email ?? ""
        do {
            let user = try await SignIn.verify(email: email, password: form.password ?? "", client: req.clientAddress,
                                               throttle: req.application.loginThrottle, in: req.services)
            try await WebSessions.renewID(of: req)
            if user.usesSecondFactor {
                try PendingSignIn.start(user, next: next, on: req)
                return req.redirect(to: SiteURL.loginCode)
            }
            WebSessions.signIn(user, on: req, secondFactor: false)
            if SecondFactor.isRequired(for: user.role, enforced: req.application.requiresSecondFactor) {
                return req.redirect(to: SiteURL.twoFactor)
            }
            return req.redirect(to: next ?? landing(for: user))
        } catch let error as AppError where [.unauthorized, .forbidden, .tooManyRequests].contains(error.status) {
            return try await refuse(error, with: render(req, next: next, email: email, error: req.translated(error.message)), for: req)
        }
    }

    /// The second step, for accounts with two-factor sign-in; back to the first when its time is up.
    @Sendable
    func showCode(req: Request) async throws -> Response {
        guard PendingSignIn.current(on: req) != nil else { return req.redirect(to: SiteURL.loginPath) }
        return try await renderCode(req, error: nil).encodeResponse(for: req)
    }

    @Sendable
    func submitCode(req: Request) async throws -> Response {
        guard let pending = PendingSignIn.current(on: req),
              let user = try await User.query(on: req.db).filter(\.$id == pending.user).filter(\.$deactivatedAt == nil).first() else {
            return req.redirect(to: SiteURL.loginPath)
        }
        do {
            try await TwoFactorAccounts.verify(try req.content.decode(CodeForm.self).code ?? "", of: user,
                                               throttle: req.application.loginThrottle, in: req.services)
        } catch let error as AppError where [.unauthorized, .tooManyRequests].contains(error.status) {
            return try await refuse(error, with: renderCode(req, error: req.translated(error.message)), for: req)
        }
        PendingSignIn.end(on: req)
        try await WebSessions.renewID(of: req)
        WebSessions.signIn(user, on: req, secondFactor: true)
        return req.redirect(to: pending.next ?? landing(for: user))
    }

    @Sendable
    func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home)
    }

    private func landing(for user: User) -> String {
        user.role.may(.manageCalls) ? SiteURL.staffCalls : SiteURL.home
    }

    /// A wrong password or code shows the form again; 200 rather than 401, which would ask a
    /// browser for HTTP credentials.
    private func refuse(_ error: AppError, with view: View, for req: Request) async throws -> Response {
        let response = try await view.encodeResponse(for: req)
        response.status = error.status == .unauthorized ? .ok : error.status
        error.headers.forEach { response.headers.replaceOrAdd(name: $0.name, value: $0.value) }
        return response
    }

    private func renderCode(_ req: Request, error: String?) async throws -> View {
        try await req.view.render("login-code", CodePage(layout: Layout(request: req, title: .loginCodeTitle),
                                                         csrfToken: CSRF.token(for: req), error: error))
    }

    private func render(_ req: Request, next: String?, email: String, error: String?) async throws -> View {
        try await req.view.render("login", LoginPage(
            layout: Layout(request: req, title: .loginTitle), csrfToken: CSRF.token(for: req),
            next: next, email: email, error: error))
    }
}
