import Fluent
import S3DeskDomain
import Vapor

/// `GET /api/v1/outbox`: the emails queued, sent or failed, newest first (admin, secretariat).
struct OutboxAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(CapabilityGuard(capability: .readOutbox)).get(APIURL.outbox.pathComponents, use: list)
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<OutboxEmailDTO> {
        let viewer = try req.requireUser()
        let query = OutboxEmail.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let to = req.query[String.self, at: "to"] {
            query.filter(\.$recipient == to.lowercased())
        }
        if let text = req.query[String.self, at: "status"] {
            guard let status = OutboxEmail.Status(rawValue: text) else {
                throw AppError.invalidField("status", "must be queued, sent or failed")
            }
            query.filter(\.$status == status)
        }
        let (emails, total) = try await query.page(PageRequest(from: req))
        return ListPage(items: try emails.map { try OutboxEmailDTO($0, for: viewer, in: req.application.environment) }, total: total)
    }
}
