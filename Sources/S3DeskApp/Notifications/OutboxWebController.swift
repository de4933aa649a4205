import Fluent
import S3DeskDomain
import Vapor

/// `/staff/outbox`: the emails queued, sent or failed, newest first, with the reason of the
/// last failure; the page to read them when no SMTP server is configured.
struct OutboxWebController: RouteCollection {
    static let pageSize = 25

    struct Row: Encodable {
        let to: String
        let subject: String
        let body: String
        let kind: String
        let status: String
        let attempts: Int
        let lastError: String?
        let createdAt: String
    }

    struct Page: Encodable {
        let layout: Layout
        let rows: [Row]
        let total: Int
        let statuses: [SelectOption]
        let pagination: Pagination
        let smtpConfigured: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(CapabilityGuard(capability: .readOutbox)).get(SiteURL.staffOutbox.pathComponents, use: list)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        let viewer = try req.requireUser()
        let status = req.query[String.self, at: "status"].flatMap(OutboxEmail.Status.init(rawValue:))
        let pageNumber = Pagination.pageNumber(req)
        let query = OutboxEmail.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$id)
        if let status { query.filter(\.$status == status) }
        let (emails, total) = try await query.page(PageRequest(limit: Self.pageSize, offset: (pageNumber - 1) * Self.pageSize))
        let statuses: [OutboxEmail.Status] = [.queued, .sent, .failed]
        return try await req.view.render("staff/outbox", Page(
            layout: Layout(request: req, title: "Outbox"),
            rows: emails.map {
                Row(to: $0.recipient, subject: $0.subject, body: $0.body(for: viewer, in: req.application.environment), kind: $0.kind, status: $0.status.rawValue,
                    attempts: $0.attempts, lastError: $0.lastError, createdAt: Instant.format($0.createdAt))
            },
            total: total,
            statuses: statuses.map { SelectOption(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == status) },
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: total, path: SiteURL.staffOutbox,
                                   query: status.map { "status=\($0.rawValue)" } ?? ""),
            smtpConfigured: req.application.mailSettings.smtp != nil))
    }
}
