import Fluent
import S3DeskDomain
import Vapor

/// The last steps: the expert's final report, the region's feedback, the secretariat's closure,
/// which completes the application and frees the expert's days for other assignments.
enum Closure {
    /// What the final report is: a file sent with the summary, or a document already uploaded.
    enum Report: Sendable {
        case file(Documents.Upload)
        case document(UUID?)
    }

    /// Stores the file (when one is sent) and submits it in one transaction: a second submit at
    /// the same moment is refused whole and leaves no stray report behind.
    static func submitFinalReport(_ found: AssignmentContext, report: Report, summary: String, by user: User,
                                  in context: ServiceContext) async throws -> Assignment {
        try found.require(.submitFinalReport, by: user)
        let text = try ClosureRules.checkSummary(summary)
        let file: Documents.Checked?
        switch report {
        case .file(let upload): file = try Documents.check(upload)
        case .document(nil): throw AppError.invalidField("documentId", "upload the final report as a document of kind final_report first")
        case .document: file = nil
        }
        let now = context.now
        let link = context.publicURL + SiteURL.assignmentOf(try found.application.requireID())
        let staff = try await Assignments.secretariat(on: context.db)
        return try await found.locked(.submitFinalReport, by: user, on: context.db) { db, current in
            let assignment = current.assignment
            let assignmentID = try assignment.requireID()
            let document: Document
            if let file {
                document = try await Documents.insert(file, into: assignmentID, by: user, at: now, on: db)
            } else if case .document(let id?) = report,
                      let uploaded = try await Document.query(on: db).filter(\.$id == id).filter(\.$assignment.$id == assignmentID).first(),
                      uploaded.kind == .finalReport {
                document = uploaded
            } else {
                throw AppError.invalidField("documentId", "give a document of this assignment uploaded as its final report")
            }
            assignment.$finalReport.id = try document.requireID()
            assignment.finalReportSummary = text
            assignment.finalReportAt = now
            assignment.updatedAt = now
            try await assignment.save(on: db)
            try await AuditLog.record(.finalReportSubmitted, subject: .assignment(assignmentID),
                                      summary: "“\(document.name)”, \(assignment.daysUsed) of \(assignment.budget) expert days used",
                                      actor: user, at: now, on: db)
            let reference = current.application.reference
            let region = try await Assignments.members(of: current.application, on: db).map { ($0.email, $0.name, $0.language ?? .en, true) }
            try await Outbox.enqueue((region + staff.map { ($0.email, $0.name, $0.language, false) }).map {
                context.messages.finalReportSubmitted(in: $0.2, to: $0.0, name: $0.1, reference: reference, expert: user.name,
                                                      askFeedback: $0.3, link: link)
            }, at: now, on: db, logger: context.logger)
            return assignment
        }
    }

    static func giveFeedback(_ found: AssignmentContext, satisfaction: Int?, comment: String, by user: User,
                             in context: ServiceContext) async throws -> Assignment {
        let (score, text) = try ClosureRules.checkFeedback(satisfaction: satisfaction, comment: comment)
        let now = context.now
        return try await found.locked(.giveFeedback, by: user, on: context.db) { db, current in
            let assignment = current.assignment
            assignment.satisfaction = score
            assignment.feedbackComment = text
            assignment.$feedbackBy.id = try user.requireID()
            assignment.feedbackAt = now
            assignment.updatedAt = now
            try await assignment.save(on: db)
            try await AuditLog.record(.feedbackGiven, subject: .assignment(try assignment.requireID()),
                                      summary: "satisfaction \(score) of 5", actor: user, at: now, on: db)
            return assignment
        }
    }

    /// Closes a delivered assignment. Entries still waiting for approval must be reviewed first:
    /// the days used that the closure records are the approved ones.
    static func close(_ found: AssignmentContext, by user: User, in context: ServiceContext) async throws -> Assignment {
        let now = context.now
        let link = context.publicURL + SiteURL.assignmentOf(try found.application.requireID())
        return try await found.locked(.close, by: user, lockingApplication: true, on: context.db) { db, current in
            let assignment = current.assignment
            let assignmentID = try assignment.requireID()
            let pending = try await TimesheetEntry.query(on: db).filter(\.$assignment.$id == assignmentID).filter(\.$status == .pending).count()
            guard pending == 0 else {
                throw AppError.conflict("entries_pending", "\(pending) timesheet \(pending == 1 ? "entry waits" : "entries wait") for approval: approve or return \(pending == 1 ? "it" : "them") first")
            }
            try await Assignments.releaseExpert(of: assignment, at: now, on: db)
            assignment.status = .closed
            assignment.closedAt = now
            assignment.$closedBy.id = try user.requireID()
            assignment.updatedAt = now
            try await assignment.save(on: db)
            try await ApplicationLifecycle.move(current.application, to: .completed, by: user,
                                                reason: "assignment closed with \(assignment.daysUsed.spelled) used", at: now, on: db)
            try await AuditLog.record(.assignmentClosed, subject: .assignment(assignmentID),
                                      summary: "\(assignment.daysUsed) of \(assignment.budget) expert days used", actor: user, at: now, on: db)
            try await Outbox.enqueue(try await current.regionAndExpert(on: db).map {
                context.messages.assignmentClosed(in: $0.language, to: $0.email, name: $0.name, reference: current.application.reference,
                                                  daysUsed: assignment.daysUsed, link: link)
            }, at: now, on: db, logger: context.logger)
            return assignment
        }
    }
}
