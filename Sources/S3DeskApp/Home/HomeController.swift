import Fluent
import S3DeskDomain
import Vapor

/// The public call page: what the service offers, the open calls and how to apply.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        // Only an applicant of an authority can start one; the layout tells the others why.
        let user = req.auth.get(User.self)
        let applies = user.map { $0.role.may(.apply) && $0.$organisation.id != nil } == true
        return try await req.view.render("home", HomePage.load(
            at: req.now, for: user, layout: Layout(request: req, title: .homeTitle), wording: req.wording,
            csrfToken: applies ? CSRF.token(for: req) : nil, workCounts: req.application.workCountCache, on: req.db))
    }
}
