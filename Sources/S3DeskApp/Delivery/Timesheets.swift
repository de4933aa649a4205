import Fluent
import S3DeskDomain
import Vapor

/// The expert's timesheet: entries within the period and the budget, reviewed by the secretariat.
enum Timesheets {
    static func log(_ found: AssignmentContext, _ draft: TimesheetRules.Draft, by user: User, in context: ServiceContext) async throws -> TimesheetEntry {
        let now = context.now
        return try await found.locked(.logDays, by: user, on: context.db) { db, current in
            let assignment = current.assignment
            let assignmentID = try assignment.requireID()
            let ledger = TimesheetRules.Ledger(period: try current.period(), budget: assignment.budget, used: assignment.daysUsed)
            let entry: TimesheetRules.Entry
            do {
                entry = try TimesheetRules.check(draft, against: ledger)
            } catch let error as FieldErrors {
                // api.md: the refusal's message itself names the remaining balance.
                guard let refusal = TimesheetRules.overBudget(draft, against: ledger) else { throw error }
                throw AppError(status: .unprocessableEntity, code: "over_budget", message: refusal, fields: error.messages)
            }
            let record = TimesheetEntry()
            record.$assignment.id = assignmentID
            record.date = entry.date.description
            record.halfDays = entry.days.halves
            record.activity = entry.activity
            record.output = entry.output
            record.status = .pending
            record.$loggedBy.id = try user.requireID()
            record.loggedAt = now
            record.reviewNote = ""
            try await record.create(on: db)
            assignment.halfDaysLogged += entry.days.halves
            assignment.updatedAt = now
            try await assignment.save(on: db)
            try await AuditLog.record(.daysLogged, subject: .assignment(assignmentID),
                                      summary: "\(entry.days.spelled) on \(entry.date); \(assignment.daysUsed) of \(assignment.budget) used",
                                      actor: user, at: now, on: db)
            return record
        }
    }

    enum Decision: String, Codable, Sendable {
        case approve
        case `return`
    }

    /// Approves an entry waiting for approval, or returns it with a note: a returned entry's
    /// days go back to the balance and the expert is told why.
    static func review(_ found: AssignmentContext, entryID: UUID, decision: Decision, note rawNote: String, by user: User,
                       in context: ServiceContext) async throws -> TimesheetEntry {
        let now = context.now
        let note = rawNote.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .return && note.isEmpty { throw AppError.invalidField("note", "say why the entry is returned") }
        if note.count > 2_000 { throw AppError.invalidField("note", "keep the note to 2,000 characters") }
        let link = context.publicURL + SiteURL.assignmentOf(try found.application.requireID())
        return try await found.locked(.reviewTimesheet, by: user, on: context.db) { db, current in
            let assignment = current.assignment
            let assignmentID = try assignment.requireID()
            guard let entry = try await TimesheetEntry.query(on: db).filter(\.$id == entryID).filter(\.$assignment.$id == assignmentID).first() else {
                throw AppError.notFound("timesheet entry")
            }
            guard entry.status == .pending else {
                throw AppError.conflict("already_reviewed", "the entry of \(entry.date) is already \(entry.status.label.lowercased())")
            }
            entry.status = decision == .approve ? .approved : .returned
            entry.$reviewedBy.id = try user.requireID()
            entry.reviewedAt = now
            entry.reviewNote = note
            try await entry.save(on: db)
            if decision == .return {
                assignment.halfDaysLogged -= entry.halfDays
                assignment.updatedAt = now
                try await assignment.save(on: db)
                if let expert = current.expert {
                    try await Outbox.enqueue(context.messages.entryReturned(in: try await expert.emailLanguage(on: db), to: expert.email,
                                                                            name: expert.name, reference: current.application.reference,
                                                                            date: entry.date, days: entry.days, note: note, link: link),
                                             at: now, on: db, logger: context.logger)
                }
            }
            try await AuditLog.record(decision == .approve ? .entryApproved : .entryReturned, subject: .assignment(assignmentID),
                                      summary: "\(entry.days.spelled) on \(entry.date)\(note.isEmpty ? "" : ": \(note)")",
                                      actor: user, at: now, on: db)
            return entry
        }
    }

    /// Approves every entry waiting for approval at once: the secretariat's usual review of a
    /// month's log. Returns how many were approved.
    static func approveAll(_ found: AssignmentContext, by user: User, in context: ServiceContext) async throws -> Int {
        let now = context.now
        return try await found.locked(.reviewTimesheet, by: user, on: context.db) { db, current in
            let assignmentID = try current.assignment.requireID()
            let pending = TimesheetEntry.query(on: db).filter(\.$assignment.$id == assignmentID).filter(\.$status == .pending)
            let count = try await pending.count()
            guard count > 0 else { return 0 }
            try await pending.copy().set(\.$status, to: .approved).set(\.$reviewedBy.$id, to: try user.requireID())
                .set(\.$reviewedAt, to: now).update()
            try await AuditLog.record(.entryApproved, subject: .assignment(assignmentID), summary: "all \(count) entries awaiting approval",
                                      actor: user, at: now, on: db)
            return count
        }
    }
}
