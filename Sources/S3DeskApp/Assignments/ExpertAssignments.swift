import Fluent
import S3DeskDomain
import Vapor

/// Puts an expert of the pool on an assignment, never one with a declared conflict of interest
/// or without the days and the room for one more assignment.
enum ExpertAssignments {
    /// - Parameter onlyIfUnassigned: refuse (409) when the assignment has another expert by now,
    ///   as the round's matching does: its proposal was for assignments without one.
    static func assign(_ found: AssignmentContext, expertID: UUID, onlyIfUnassigned: Bool = false, by user: User,
                       in context: ServiceContext) async throws -> Assignment {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let (assignment, application) = (found.assignment, found.application)
        let assignmentID = try assignment.requireID()
        let needs = try await ExpertSuggestions.needs(of: application, budget: assignment.expertDaysBudget, codes: context.codes, on: context.db)
        let link = context.publicURL + SiteURL.assignmentOf(try application.requireID())
        let now = context.now
        return try await context.db.withLocked(application) { db in
            guard let fresh = try await Assignment.find(assignmentID, on: db) else { throw AppError.notFound("assignment") }
            guard fresh.status == .scoping else {
                throw AppError.conflict("assignment_launched", "the assignment is launched: its expert no longer changes here")
            }
            let previousID = fresh.$expert.id
            if previousID == expertID { return try await reloaded(fresh, on: db) }
            if onlyIfUnassigned, previousID != nil {
                throw AppError.conflict("already_assigned", "application \(application.reference) has had an expert assigned since the proposal")
            }
            // Both experts' rows, in id order, so two assignments swapping experts cannot deadlock.
            try await db.lockRows(Expert.schema, ids: [expertID] + (previousID.map { [$0] } ?? []))
            // From the pool only: an erased person's profile stays for the assignments that name it.
            guard let expert = try await Expert.pool(on: db).filter(\.$id == expertID).first() else {
                throw AppError.invalidField("expertId", "no expert of the pool has this id")
            }
            if let conflict = FitScore.conflict(of: expert.facts, with: needs) {
                throw AppError.conflict("conflict_of_interest", "\(expert.name) cannot be assigned: \(conflict)")
            }
            let fit = FitScore.fit(of: expert.facts, for: needs)
            guard fit.assignable else {
                throw AppError.conflict("no_capacity", "\(expert.name) cannot be assigned: \(fit.reasons.first ?? "no capacity left")")
            }
            if let previousID, let previous = try await Expert.find(previousID, on: db) {
                previous.committedDays -= Double(fresh.expertDaysBudget)
                previous.assignmentsHeld -= 1
                previous.updatedAt = now
                try await previous.save(on: db)
            }
            expert.committedDays += Double(fresh.expertDaysBudget)
            expert.assignmentsHeld += 1
            expert.updatedAt = now
            try await expert.save(on: db)
            fresh.$expert.id = expertID
            fresh.expertAssignedAt = now
            fresh.updatedAt = now
            try await fresh.save(on: db)
            try await AuditLog.record(.expertAssigned, subject: .assignment(assignmentID),
                                      summary: "\(expert.name) (fit \(fit.score))" + (previousID == nil ? "" : ", replacing the previous expert"),
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(context.messages.expertAssigned(in: try await expert.emailLanguage(on: db), to: expert.email, name: expert.name,
                                                                     reference: application.reference,
                                                                     region: context.codes.territoryName(needs.territory), link: link),
                                     at: now, on: db, logger: context.logger)
            fresh.$expert.value = expert
            return fresh
        }
    }

    private static func reloaded(_ assignment: Assignment, on db: any Database) async throws -> Assignment {
        try await assignment.$expert.load(on: db)
        return assignment
    }
}
