import Fluent
import S3DeskDomain
import Vapor

/// The scope the topic-definition meeting agreed: recorded by the secretariat (the first time,
/// that creates the assignment) and confirmed by the region, version by version.
enum Scopes {
    static func record(_ application: ApplicationRecord, scope rawScope: Scope, by user: User,
                       in context: ServiceContext) async throws -> (assignment: Assignment, created: Bool) {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let scope = ScopeRules.normalised(rawScope)
        let applicationID = try application.requireID()
        let link = context.publicURL + SiteURL.assignmentOf(applicationID)
        let now = context.now
        return try await context.db.withLocked(application) { db in
            guard application.policy(for: user).canRecordScope, let roundID = application.$round.id else {
                throw AppError.conflict("not_selected", "application \(application.reference) is \(application.status.label.lowercased()): a scope is agreed for a selected application before its launch")
            }
            let existing = try await Assignment.query(on: db).filter(\.$application.$id == applicationID).first()
            try ScopeRules.problems(scope, choices: try await choices(keeping: existing?.scope, on: db)).throwIfAny()
            let assignment = existing ?? Assignment()
            let wasConfirmed = existing?.scopeConfirmed ?? false
            if existing == nil {
                assignment.$application.id = applicationID
                assignment.$round.id = roundID
                assignment.status = .scoping
                assignment.scopeVersion = 0
                assignment.expertDaysBudget = application.call.expertDaysPerAssignment
                assignment.launchLate = false
                assignment.halfDaysLogged = 0
                assignment.createdAt = now
            } else if assignment.status != .scoping {
                throw AppError.conflict("assignment_launched", "the assignment is launched: its scope no longer changes here")
            }
            assignment.scope = scope
            assignment.scopeVersion += 1
            assignment.$scopeRecordedBy.id = try user.requireID()
            assignment.scopeRecordedAt = now
            assignment.updatedAt = now
            try await assignment.save(on: db)
            if application.status == .selected {
                try await ApplicationLifecycle.move(application, to: .scoping, by: user, reason: "scope recorded", at: now, on: db)
            }
            let summary = "version \(assignment.scopeVersion): topics \(scope.topics.joined(separator: ", "))"
            try await AuditLog.record(wasConfirmed ? .scopeChanged : .scopeRecorded, subject: .assignment(try assignment.requireID()),
                                      summary: wasConfirmed ? summary + "; the region must confirm it again" : summary,
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(try await Assignments.members(of: application, on: db).map {
                context.messages.scopeToConfirm(in: $0.language ?? .en, to: $0.email, name: $0.name, reference: application.reference,
                                                changed: existing != nil, link: link)
            }, at: now, on: db, logger: context.logger)
            return (assignment, existing == nil)
        }
    }

    /// - Parameter version: the version the region read; a confirmation of an older one is refused
    ///   (409), so a change recorded meanwhile is never confirmed unseen.
    static func confirm(_ found: AssignmentContext, version: Int?, by user: User, in context: ServiceContext) async throws -> Assignment {
        let (assignment, application) = (found.assignment, found.application)
        guard ApplicationAccess.isMember(user, of: application) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "only the region's authority confirms the scope of its assignment")
        }
        let now = context.now
        return try await context.db.withLocked(application) { db in
            guard let fresh = try await Assignment.find(assignment.requireID(), on: db) else { throw AppError.notFound("assignment") }
            guard fresh.status == .scoping else {
                throw AppError.conflict("assignment_launched", "the assignment is launched: its scope was confirmed before")
            }
            if let version, version != fresh.scopeVersion {
                throw AppError.conflict("scope_changed", "the scope changed since you read version \(version): read version \(fresh.scopeVersion), then confirm it")
            }
            guard !fresh.scopeConfirmed else {
                throw AppError.conflict("already_confirmed", "version \(fresh.scopeVersion) of the scope is already confirmed")
            }
            fresh.confirmedVersion = fresh.scopeVersion
            fresh.$scopeConfirmedBy.id = try user.requireID()
            fresh.scopeConfirmedAt = now
            fresh.updatedAt = now
            try await fresh.save(on: db)
            try await AuditLog.record(.scopeConfirmed, subject: .assignment(try fresh.requireID()), summary: "version \(fresh.scopeVersion)",
                                      actor: user, at: now, on: db)
            fresh.$expert.value = assignment.$expert.value
            return fresh
        }
    }

    /// What a scope may name: the topics not retired and their methods, and whatever the scope
    /// already held (a topic retired since stays on the scope that used it).
    static func choices(keeping previous: Scope?, on db: any Database) async throws -> CatalogueChoices {
        let active = try await TopicRecord.active(on: db)
        return CatalogueChoices(topics: Set(active.compactMap(\.id)).union(previous?.topics ?? []),
                                methods: Set(active.flatMap(\.methods)).union(previous?.methods ?? []))
    }
}
