import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// Changes of status, each recorded with who, when, from, to and why.
enum ApplicationLifecycle {
    static func move(_ application: ApplicationRecord, to next: ApplicationStatus, by actor: User?, reason: String,
                     at now: Date, on db: any Database) async throws {
        let from = application.status
        guard from.canMove(to: next) else {
            throw AppError.conflict("invalid_transition", "an application that is \(from.label.lowercased()) cannot become \(next.label.lowercased())")
        }
        application.status = next
        application.updatedAt = now
        try await application.save(on: db)
        try await ApplicationTransition(applicationID: try application.requireID(), at: now, actorID: try actor?.requireID(),
                                        from: from, to: next, reason: reason).create(on: db)
        if next == .withdrawn || next == .cancelled {
            try await Assignments.end(of: try application.requireID(), at: now, on: db)
        }
    }

    /// The next free reference of `year`, taken atomically so two submissions at the same
    /// moment never share one.
    static func nextReference(year: Int, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        try await sql.raw("INSERT INTO reference_counters (year, last) VALUES (\(bind: year), 0) ON CONFLICT (year) DO NOTHING").run()
        guard let row = try await sql.raw("UPDATE reference_counters SET last = last + 1 WHERE year = \(bind: year) RETURNING last").first() else {
            throw AppError(status: .internalServerError, code: "internal_error", message: "no reference counter for \(year)")
        }
        return ApplicationNumber.reference(year: year, sequence: try row.decode(column: "last", as: Int.self))
    }
}
