import Fluent
import S3DeskDomain
import Vapor

/// Requests to move the planned end, by the expert or the region, decided by the secretariat;
/// each request and its decision stay in the assignment's history.
enum Extensions {
    static func request(_ found: AssignmentContext, plannedEnd raw: String, reason: String, by user: User,
                        in context: ServiceContext) async throws -> ExtensionRequest {
        let now = context.now
        let link = context.publicURL + SiteURL.assignmentOf(try found.application.requireID())
        let staff = try await Assignments.secretariat(on: context.db)
        return try await found.locked(.requestExtension, by: user, on: context.db) { db, current in
            let assignmentID = try current.assignment.requireID()
            let period = try current.period()
            guard ExtensionRules.canExtend(launch: period.lowerBound, plannedEnd: period.upperBound) else {
                throw AppError.conflict("at_longest", "the planned end, \(period.upperBound), is already \(LaunchRules.longestMonths) months after the launch")
            }
            if let pending = try await ExtensionRequest.query(on: db).filter(\.$assignment.$id == assignmentID).filter(\.$status == .pending).first() {
                throw AppError.conflict("extension_pending", "an extension until \(pending.requestedEnd) is already waiting for the secretariat")
            }
            let end = try ExtensionRules.check(requestedEnd: raw, reason: reason, launch: period.lowerBound, plannedEnd: period.upperBound)
            let request = ExtensionRequest()
            request.$assignment.id = assignmentID
            request.previousEnd = period.upperBound.description
            request.requestedEnd = end.description
            request.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            request.status = .pending
            request.$requestedBy.id = try user.requireID()
            request.requestedAt = now
            request.decisionNote = ""
            try await request.create(on: db)
            try await AuditLog.record(.extensionRequested, subject: .assignment(assignmentID),
                                      summary: "planned end from \(period.upperBound) to \(end): \(request.reason)", actor: user, at: now, on: db)
            try await Outbox.enqueue(staff.map {
                context.messages.extensionRequested(in: $0.language, to: $0.email, name: $0.name, reference: current.application.reference,
                                                    requestedBy: user.name, from: request.previousEnd, until: request.requestedEnd,
                                                    reason: request.reason, link: link)
            }, at: now, on: db, logger: context.logger)
            return request
        }
    }

    /// Approves (the planned end moves) or refuses a pending request; both are told to the parties.
    static func decide(_ found: AssignmentContext, requestID: UUID, approve: Bool, note rawNote: String, by user: User,
                       in context: ServiceContext) async throws -> ExtensionRequest {
        let now = context.now
        let note = rawNote.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 2_000 else { throw AppError.invalidField("note", "keep the note to 2,000 characters") }
        if !approve && note.isEmpty { throw AppError.invalidField("note", "say why the extension is refused") }
        let link = context.publicURL + SiteURL.assignmentOf(try found.application.requireID())
        return try await found.locked(.decideExtension, by: user, on: context.db) { db, current in
            let assignment = current.assignment
            let assignmentID = try assignment.requireID()
            guard let request = try await ExtensionRequest.query(on: db).filter(\.$id == requestID).filter(\.$assignment.$id == assignmentID).first() else {
                throw AppError.notFound("extension request")
            }
            guard request.status == .pending else {
                throw AppError.conflict("already_decided", "the extension until \(request.requestedEnd) is already \(request.status.label.lowercased())")
            }
            request.status = approve ? .approved : .refused
            request.$decidedBy.id = try user.requireID()
            request.decidedAt = now
            request.decisionNote = note
            try await request.save(on: db)
            if approve {
                assignment.plannedEndDate = request.requestedEnd
                assignment.updatedAt = now
                try await assignment.save(on: db)
            }
            try await AuditLog.record(approve ? .extensionApproved : .extensionRefused, subject: .assignment(assignmentID),
                                      summary: "until \(request.requestedEnd)\(note.isEmpty ? "" : ": \(note)")", actor: user, at: now, on: db)
            let plannedEnd = assignment.plannedEndDate ?? request.previousEnd
            try await Outbox.enqueue(try await current.regionAndExpert(on: db).map {
                context.messages.extensionDecided(in: $0.language, to: $0.email, name: $0.name, reference: current.application.reference,
                                                  approved: approve, until: request.requestedEnd, plannedEnd: plannedEnd, note: note, link: link)
            }, at: now, on: db, logger: context.logger)
            return request
        }
    }
}
