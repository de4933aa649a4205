import Fluent
import SQLKit
import Vapor

/// `GET /health`: 200 once the database answers, 503 while it does not.
struct HealthController: RouteCollection {
    struct Health: Content {
        let status: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable
    func health(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
            try await sql.raw("SELECT 1").run()
            return try await Health(status: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed", metadata: ["error": "\(error)"])
            return try await Health(status: "unavailable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
