import Fluent
import S3DeskDomain
import Vapor

/// An assignment with what its rules need: its application (with call and round) and its expert.
/// For anyone who is not one of its parties it does not exist (404).
struct AssignmentContext: Sendable {
    let assignment: Assignment
    let application: ApplicationRecord

    var expert: Expert? { assignment.$expert.value ?? nil }

    func policy(for user: User) -> AssignmentPolicy {
        assignment.policy(for: user, application: application)
    }

    static func find(_ id: UUID?, for user: User, on db: any Database) async throws -> AssignmentContext {
        guard let id, let assignment = try await Assignment.query(on: db).filter(\.$id == id).with(\.$expert).first(),
              let application = try await ApplicationRecord.query(on: db).filter(\.$id == assignment.$application.id)
                  .with(\.$call, { $0.with(\.$rounds) }).with(\.$round).first()
        else { throw AppError.notFound("assignment") }
        let context = AssignmentContext(assignment: assignment, application: application)
        guard context.policy(for: user).canView else { throw AppError.notFound("assignment") }
        return context
    }
}

enum Assignments {
    /// The assignment of an application, with its expert; nil before the scope is recorded.
    static func of(_ applicationID: UUID, on db: any Database) async throws -> Assignment? {
        try await Assignment.query(on: db).filter(\.$application.$id == applicationID).with(\.$expert).first()
    }

    static func expert(of applicationID: UUID, on db: any Database) async throws -> Expert? {
        try await of(applicationID, on: db)?.expert ?? nil
    }

    static func expertUserID(of applicationID: UUID, on db: any Database) async throws -> UUID? {
        try await expert(of: applicationID, on: db)?.$user.id
    }

    /// Ends the assignment of an application withdrawn or cancelled, inside the transaction that
    /// holds the application's lock: its expert's days and place are given back, and it is
    /// offered to no matching.
    static func end(of applicationID: UUID, at now: Date, on db: any Database) async throws {
        guard let assignment = try await Assignment.query(on: db).filter(\.$application.$id == applicationID).first(),
              assignment.status != .ended else { return }
        try await releaseExpert(of: assignment, at: now, on: db)
        assignment.status = .ended
        assignment.updatedAt = now
        try await assignment.save(on: db)
    }

    /// Gives the expert's days and place back when the assignment ends or closes.
    static func releaseExpert(of assignment: Assignment, at now: Date, on db: any Database) async throws {
        guard let expertID = assignment.$expert.id else { return }
        try await db.lockRow(Expert.schema, id: expertID)
        guard let expert = try await Expert.find(expertID, on: db) else { return }
        expert.committedDays -= Double(assignment.expertDaysBudget)
        expert.assignmentsHeld -= 1
        expert.updatedAt = now
        try await expert.save(on: db)
    }

    /// The application for one of its assignment's parties: as `ApplicationAccess` finds it, and
    /// for the assigned expert too, who is no member of the region.
    static func application(_ id: UUID?, forParty user: User, on db: any Database) async throws -> ApplicationRecord {
        do {
            return try await ApplicationAccess.find(id, for: user, on: db)
        } catch let error as AppError where error.status == .notFound {
            guard let id, user.role == .expert, try await expertUserID(of: id, on: db) == user.id,
                  let application = try await ApplicationRecord.query(on: db).filter(\.$id == id)
                      .with(\.$call, { $0.with(\.$rounds).with(\.$questions) }).with(\.$round).first()
            else { throw error }
            return application
        }
    }

    /// The region's members, who are told of what they must act on.
    static func members(of application: ApplicationRecord, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$organisation.$id == application.$organisation.id)
            .filter(\.$role == .applicant).filter(\.$passwordHash != "").filter(\.$deactivatedAt == nil).sort(\.$email).all()
    }
}
