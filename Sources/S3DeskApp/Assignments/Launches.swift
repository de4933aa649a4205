import Fluent
import S3DeskDomain
import Vapor

/// Launches an assignment in its 3-to-6-month window once the region has confirmed the scope and
/// an expert is assigned; the region and the expert are told.
enum Launches {
    static func launch(_ found: AssignmentContext, launchDate rawLaunch: String, plannedEnd rawEnd: String, by user: User,
                       in context: ServiceContext) async throws -> Assignment {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let (assignment, application) = (found.assignment, found.application)
        guard let round = application.round else { throw AppError.conflict("not_selected", "the application has no round") }
        let (launch, end) = try dates(rawLaunch, rawEnd)
        let assignmentID = try assignment.requireID()
        let needs = try await ExpertSuggestions.needs(of: application, budget: assignment.expertDaysBudget, codes: context.codes, on: context.db)
        let link = context.publicURL + SiteURL.assignmentOf(try application.requireID())
        let now = context.now
        return try await context.db.withLocked(application) { db in
            guard let fresh = try await Assignment.query(on: db).filter(\.$id == assignmentID).with(\.$expert).first() else {
                throw AppError.notFound("assignment")
            }
            guard fresh.status == .scoping else {
                throw AppError.conflict("already_launched", "the assignment was launched on \(fresh.launchDate ?? "")")
            }
            guard fresh.scopeConfirmed else {
                throw AppError.conflict("scope_not_confirmed", "the region has not confirmed version \(fresh.scopeVersion) of the scope yet")
            }
            guard let expert = fresh.expert ?? nil else {
                throw AppError.conflict("no_expert", "assign an expert before the launch")
            }
            if let conflict = FitScore.conflict(of: expert.facts, with: needs) {
                throw AppError.conflict("conflict_of_interest", "\(expert.name) has since \(conflict): assign another expert")
            }
            try LaunchRules.problems(launch: launch, plannedEnd: end, earliest: try CivilDate(parsing: round.cutoffDate)).throwIfAny()
            fresh.launchDate = launch.description
            fresh.plannedEndDate = end.description
            fresh.launchLate = LaunchRules.isLate(launch: launch, due: try CivilDate(parsing: round.launchDue))
            fresh.launchedAt = now
            fresh.status = .launched
            fresh.updatedAt = now
            try await fresh.save(on: db)
            try await ApplicationLifecycle.move(application, to: .launched, by: user, reason: "assignment launched on \(launch)", at: now, on: db)
            try await AuditLog.record(.assignmentLaunched, subject: .assignment(assignmentID),
                                      summary: "launched on \(launch), planned end \(end)\(fresh.launchLate ? " (late)" : ""), expert \(expert.name)",
                                      actor: user, at: now, on: db)
            let people = try await Assignments.members(of: application, on: db).map { ($0.email, $0.name, $0.language ?? .en) }
                + [(expert.email, expert.name, try await expert.emailLanguage(on: db))]
            try await Outbox.enqueue(people.map { email, name, language in
                context.messages.assignmentLaunched(in: language, to: email, name: name, reference: application.reference, launchDate: launch,
                                                    plannedEnd: end, expert: expert.name, budget: fresh.expertDaysBudget, link: link)
            }, at: now, on: db, logger: context.logger)
            return fresh
        }
    }

    /// Both dates, or 422 naming each one that is not a date.
    private static func dates(_ launch: String, _ end: String) throws -> (CivilDate, CivilDate) {
        var errors = FieldErrors()
        func parse(_ text: String, field: String) -> CivilDate? {
            do {
                return try CivilDate(parsing: text.trimmingCharacters(in: .whitespaces))
            } catch {
                errors.add(field, error.message)
                return nil
            }
        }
        let parsed = (parse(launch, field: "launchDate"), parse(end, field: "plannedEndDate"))
        guard let first = parsed.0, let second = parsed.1 else { throw errors }
        return (first, second)
    }
}
