import Fluent
import S3DeskDomain
import Vapor

/// The audit trail of one application or one round, with each entry's place and hashes, for an
/// auditor to check away from the service: each entry's hash is recomputed from its fields by
/// `algorithm` (or by `scripts/verify-audit-export`), and compared with a full `s3desk audit verify`.
struct AuditTrailExport: Content {
    struct Entry: Content {
        let sequence: Int
        let previousHash: String
        let hash: String
        let occurredAt: String
        /// The instant as the hash covers it.
        let occurredAtMillis: Int64
        let actorId: String?
        let action: String
        let subjectType: String
        let subjectId: String
        /// Outside the hash: it may name people, and erasure rewrites it.
        let summary: String
    }

    struct Head: Content {
        let sequence: Int
        let hash: String
    }

    let subjectType: String
    let subjectId: String
    let title: String
    let exportedAt: String
    /// The last entry of the whole chain when exported: a later verification that reaches it
    /// proves nothing before it changed.
    let chainHead: Head
    /// How each entry's hash is made from its fields, said in the file itself.
    var algorithm = Self.algorithm
    let entries: [Entry]

    static let algorithm = """
        hash = lower-case hex SHA-256 of the UTF-8 text made of these fields joined by line feeds (\\n): sequence, \
        previousHash, occurredAtMillis, actorId (lower-case, or "-" when none), action, subjectType, subjectId
        """

    static func application(_ id: UUID, at now: Date, on db: any Database) async throws -> AuditTrailExport {
        guard let application = try await ApplicationRecord.find(id, on: db) else { throw AppError.notFound("The application") }
        let events = try await AuditEvent.query(on: db).filter(\.$subjectType == "application").filter(\.$subjectID == id.uuidString)
            .sort(\.$sequence).all()
        return try await make(.application(id), title: application.reference, events: events, at: now, on: db)
    }

    /// The round's own entries and those of every application in it.
    static func round(_ id: UUID, at now: Date, on db: any Database) async throws -> AuditTrailExport {
        guard let round = try await Round.find(id, on: db) else { throw AppError.notFound("The round") }
        let applications = try await ApplicationRecord.query(on: db).filter(\.$round.$id == id).all(\.$id).map(\.uuidString)
        let events = try await AuditEvent.query(on: db).group(.or) { either in
            either.group(.and) { $0.filter(\.$subjectType == "round").filter(\.$subjectID == id.uuidString) }
            if !applications.isEmpty {
                either.group(.and) { $0.filter(\.$subjectType == "application").filter(\.$subjectID ~~ applications) }
            }
        }.sort(\.$sequence).all()
        return try await make(.round(id), title: "Round \(round.number), cut-off \(round.cutoffDate)", events: events, at: now, on: db)
    }

    private static func make(_ subject: AuditSubject, title: String, events: [AuditEvent], at now: Date,
                             on db: any Database) async throws -> AuditTrailExport {
        let head = try await AuditChainHead.find(AuditChainHead.only, on: db)
        return AuditTrailExport(
            subjectType: subject.type, subjectId: subject.id, title: title, exportedAt: Instant.format(now),
            chainHead: Head(sequence: head?.sequence ?? 0, hash: head?.hash ?? AuditChain.origin),
            entries: events.compactMap { event in
                guard let sequence = event.sequence, let previous = event.previousHash, let hash = event.hash else { return nil }
                return Entry(sequence: sequence, previousHash: previous, hash: hash, occurredAt: Instant.format(event.occurredAt),
                             occurredAtMillis: AuditChain.millis(event.occurredAt), actorId: event.$actor.id?.uuidString.lowercased(),
                             action: event.action, subjectType: event.subjectType, subjectId: event.subjectID, summary: event.summary)
            })
    }

    /// As a file to keep: `audit-trail-<title>.json`.
    func download(for req: Request) async throws -> Response {
        let response = try await encodeResponse(for: req)
        let name = title.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit-trail-\(name).json\"")
        return response
    }
}

/// The two exports, registered once for the API (bearer token) and once for the pages (session),
/// with the same handlers; staff who see every application only.
struct AuditExportRoutes: RouteCollection {
    let application: SiteRoute
    let round: SiteRoute

    func boot(routes: any RoutesBuilder) throws {
        routes.get(application.path) { req async throws -> Response in
            _ = try req.require(.viewAllApplications)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("The application") }
            return try await AuditTrailExport.application(id, at: req.now, on: req.db).download(for: req)
        }
        routes.get(round.path) { req async throws -> Response in
            _ = try req.require(.viewAllApplications)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("The round") }
            return try await AuditTrailExport.round(id, at: req.now, on: req.db).download(for: req)
        }
    }
}
