import Fluent
import S3DeskDomain
import Vapor

/// The shared space's milestones and discussion thread: every party writes in it while the
/// assignment runs, each entry dated and attributed.
enum AssignmentSpace {
    static func addMilestone(_ found: AssignmentContext, title: String, dueDate: String, by user: User,
                             in context: ServiceContext) async throws -> Milestone {
        let now = context.now
        return try await found.locked(.contribute, by: user, on: context.db) { db, current in
            let period = try current.period()
            let (text, due) = try SpaceRules.checkMilestone(title: title, due: dueDate, launch: period.lowerBound, plannedEnd: period.upperBound)
            let milestone = Milestone()
            milestone.$assignment.id = try current.assignment.requireID()
            milestone.title = text
            milestone.dueDate = due.description
            milestone.$createdBy.id = try user.requireID()
            milestone.createdAt = now
            try await milestone.create(on: db)
            try await AuditLog.record(.milestoneAdded, subject: .assignment(milestone.$assignment.id), summary: "“\(text)” due \(due)",
                                      actor: user, at: now, on: db)
            return milestone
        }
    }

    static func completeMilestone(_ found: AssignmentContext, milestoneID: UUID, by user: User, in context: ServiceContext) async throws -> Milestone {
        let now = context.now
        return try await found.locked(.contribute, by: user, on: context.db) { db, current in
            let assignmentID = try current.assignment.requireID()
            guard let milestone = try await Milestone.query(on: db).filter(\.$id == milestoneID).filter(\.$assignment.$id == assignmentID).first() else {
                throw AppError.notFound("milestone")
            }
            guard milestone.doneAt == nil else { return milestone }
            milestone.doneAt = now
            milestone.$doneBy.id = try user.requireID()
            try await milestone.save(on: db)
            try await AuditLog.record(.milestoneDone, subject: .assignment(assignmentID), summary: "“\(milestone.title)”", actor: user, at: now, on: db)
            return milestone
        }
    }

    static func post(_ found: AssignmentContext, body: String, by user: User, in context: ServiceContext) async throws -> AssignmentMessage {
        let now = context.now
        let text = try SpaceRules.checkMessage(body)
        return try await found.locked(.contribute, by: user, on: context.db) { db, current in
            let message = AssignmentMessage()
            message.$assignment.id = try current.assignment.requireID()
            message.$author.id = try user.requireID()
            message.body = text
            message.postedAt = now
            try await message.create(on: db)
            try await AuditLog.record(.messagePosted, subject: .assignment(message.$assignment.id),
                                      summary: "\(text.count) characters", actor: user, at: now, on: db)
            message.$author.value = user
            return message
        }
    }
}
