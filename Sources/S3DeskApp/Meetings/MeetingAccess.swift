import Fluent
import S3DeskDomain
import Vapor

/// A meeting with what decides who may reach it: its application (with call and round) and the
/// assignment's expert. For anyone who is not one of its parties it does not exist (404).
struct MeetingContext: Sendable {
    let meeting: Meeting
    let application: ApplicationRecord
    let expertUserID: UUID?

    func policy(for user: User) -> MeetingPolicy {
        meeting.policy(for: user, application: application, expertUserID: expertUserID)
    }

    static func find(_ id: UUID?, for user: User, on db: any Database) async throws -> MeetingContext {
        guard let id, let meeting = try await Meeting.find(id, on: db),
              let application = try await ApplicationRecord.query(on: db).filter(\.$id == meeting.$application.id)
                  .with(\.$call, { $0.with(\.$rounds) }).with(\.$round).first()
        else { throw AppError.notFound("meeting") }
        let context = MeetingContext(meeting: meeting, application: application,
                                     expertUserID: try await Assignments.expertUserID(of: application.requireID(), on: db))
        guard context.policy(for: user).canView else { throw AppError.notFound("meeting") }
        return context
    }
}
