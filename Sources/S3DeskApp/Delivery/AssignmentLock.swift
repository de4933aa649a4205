import Fluent
import S3DeskDomain
import Vapor

extension AssignmentContext {
    /// 403 to whoever has no part in the action, 409 with the reason to a party who has, but not now.
    func require(_ action: DeliveryAction, by user: User) throws {
        switch policy(for: user).refusal(action) {
        case nil: return
        case .notYours: throw AppError.forbidden
        case .notNow(let reason): throw AppError.conflict("assignment_state", reason)
        }
    }

    /// Runs `body` in one write transaction that holds the assignment's lock, with the assignment
    /// re-read and the action allowed by it as it is now: two entries sent at the same moment
    /// are checked against the budget one after the other, never both against the same balance.
    /// - Parameter lockingApplication: for a change of the application's status too; its lock
    ///   comes first, in the order a withdrawal takes them.
    func locked<T: Sendable>(_ action: DeliveryAction, by user: User, lockingApplication: Bool = false, on db: any Database,
                             _ body: @escaping @Sendable (any Database, AssignmentContext) async throws -> T) async throws -> T {
        try require(action, by: user)
        let (id, application) = (try assignment.requireID(), application)
        let run: @Sendable (any Database) async throws -> T = { db in
            try await db.lockRow(Assignment.schema, id: id)
            guard let fresh = try await Assignment.query(on: db).filter(\.$id == id).with(\.$expert).first() else {
                throw AppError.notFound("assignment")
            }
            let current = AssignmentContext(assignment: fresh, application: application)
            try current.require(action, by: user)
            return try await body(db, current)
        }
        return lockingApplication ? try await db.withLocked(application, run) : try await db.writeTransaction(run)
    }

    /// The period once launched; a launched assignment always has one.
    func period() throws -> ClosedRange<CivilDate> {
        guard let period = assignment.period else { throw AppError.conflict("assignment_state", "the assignment is not launched yet") }
        return period
    }

    /// Everyone told of what happens in the assignment: the region's members and the expert,
    /// each with the language their emails are written in.
    func regionAndExpert(on db: any Database) async throws -> [(email: String, name: String, language: Language)] {
        let region = try await Assignments.members(of: application, on: db).map { ($0.email, $0.name, $0.language ?? .en) }
        guard let expert else { return region }
        return region + [(expert.email, expert.name, try await expert.emailLanguage(on: db))]
    }
}

extension Assignments {
    /// The secretariat's staff, told of what waits for their decision, each with the language
    /// their emails are written in.
    static func secretariat(on db: any Database) async throws -> [(email: String, name: String, language: Language)] {
        try await User.query(on: db).filter(\.$role == .secretariat).filter(\.$passwordHash != "").filter(\.$deactivatedAt == nil).sort(\.$email).all()
            .map { ($0.email, $0.name, $0.language ?? .en) }
    }
}
