import Fluent
import S3DeskDomain
import Vapor

/// `/notices`: what happened to one's applications and assignments, marking them read, and
/// the optional emails one wants.
struct NoticesWebController: RouteCollection {
    struct ChoicesForm: Content {
        /// The kinds ticked: wanted by email.
        var emails: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        // Every handler asks for the signed-in person: a visitor is sent to sign in.
        routes.get(SiteURL.notices.pathComponents, use: list)
        routes.post(SiteURL.noticesRead.pathComponents, use: readAll)
        routes.post(SiteURL.noticeRead.path, use: read)
        routes.post(SiteURL.emailChoices.pathComponents, use: changeChoices)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await req.view.render("notices", NoticesPage.load(
            for: try req.requireUser(), pageNumber: Pagination.pageNumber(req), layout: Layout(request: req, title: req.text(AccountText.noticesTitle)),
            csrfToken: CSRF.token(for: req), saved: req.query[String.self, at: "saved"] == "1", wording: req.wording, on: req.db))
    }

    @Sendable
    func read(req: Request) async throws -> Response {
        let notice = try await Notices.markRead(req.parameters.get("id", as: UUID.self), by: try req.requireUser(), in: req.services)
        return req.redirect(to: notice.link ?? SiteURL.notices)
    }

    @Sendable
    func readAll(req: Request) async throws -> Response {
        try await Notices.markAllRead(by: try req.requireUser(), in: req.services)
        return req.redirect(to: SiteURL.notices)
    }

    @Sendable
    func changeChoices(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let wanted = Set(try req.content.decode(ChoicesForm.self).emails ?? [])
        let off = Notices.emailChoices(of: user).map(\.kind).filter { !wanted.contains($0.rawValue) }
        try await Notices.setEmailChoices(off: off, for: user, in: req.services)
        return req.redirect(to: SiteURL.notices + "?saved=1")
    }
}
