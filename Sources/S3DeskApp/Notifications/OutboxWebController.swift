import Fluent
import S3DeskDomain
import Vapor

/// `/staff/outbox`: the emails queued, sent or failed, newest first, with the reason of the
/// last failure; the page to read them when no SMTP server is configured.
struct OutboxWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(CapabilityGuard(capability: .readOutbox)).get(SiteURL.staffOutbox.pathComponents, use: list)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await req.view.render("staff/outbox", OutboxPage.load(
            status: req.query[String.self, at: "status"].flatMap(OutboxEmail.Status.init(rawValue:)), pageNumber: Pagination.pageNumber(req),
            for: try req.requireUser(), in: req.application.environment, smtpConfigured: req.application.mailSettings.smtp != nil,
            layout: Layout(request: req, title: .layoutOutbox), wording: req.wording, on: req.db))
    }
}
