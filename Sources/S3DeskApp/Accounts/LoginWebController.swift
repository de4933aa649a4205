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

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.loginPath.pathComponents, use: show)
        routes.post(SiteURL.loginPath.pathComponents, use: submit)
        routes.post(SiteURL.logout.pathComponents, use: logout)
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
            try await startFreshSession(req)
            WebSessions.signIn(user, on: req)
            return req.redirect(to: next ?? (user.role.may(.manageCalls) ? SiteURL.staffCalls : SiteURL.home))
        } catch let error as AppError where [.unauthorized, .forbidden, .tooManyRequests].contains(error.status) {
            let view = try await render(req, next: next, email: email, error: error.message)
            let response = try await view.encodeResponse(for: req)
            response.status = error.status == .unauthorized ? .ok : error.status
            return response
        }
    }

    @Sendable
    func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home)
    }

    private func render(_ req: Request, next: String?, email: String, error: String?) async throws -> View {
        try await req.view.render("login", LoginPage(
            layout: Layout(request: req, title: "Sign in"), csrfToken: CSRF.token(for: req),
            next: next, email: email, error: error))
    }

    /// Gives the signed-in session a new identifier, so that a session id planted before
    /// sign-in (session fixation) is worthless afterwards.
    private func startFreshSession(_ req: Request) async throws {
        if let oldID = req.session.id {
            try await req.application.sessions.driver.deleteSession(oldID, for: req).get()
            req.session.id = nil
        }
    }
}
