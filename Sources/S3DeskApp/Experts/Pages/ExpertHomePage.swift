import Fluent
import Foundation
import S3DeskDomain

/// The expert's home: the assignments they hold and their next meetings.
struct ExpertHomePage: Encodable {
    struct AssignmentRow: Encodable {
        let reference: String
        let url: String
        let status: String
        let launchDate: String?
        let plannedEndDate: String?
        let daysUsed: String
        let nextSteps: [String]
    }

    struct MeetingRow: Encodable {
        let title: String
        let url: String
        let startsAt: TimeLabel
    }

    let layout: Layout
    let profileURL: String
    let assignments: [AssignmentRow]
    let meetings: [MeetingRow]

    static let meetingsShown = 10

    static func load(for user: User, now: Date, layout: Layout, wording: Wording, on db: any Database) async throws -> ExpertHomePage {
        let expert = try await Expert.query(on: db).filter(\.$user.$id == user.requireID()).first()
        var assignments: [Assignment] = []
        if let expertID = expert?.id {
            assignments = try await Assignment.query(on: db).filter(\.$expert.$id == expertID).with(\.$application).with(\.$expert)
                .sort(\.$createdAt, .descending).all()
        }
        let applicationIDs = assignments.map(\.$application.id)
        let meetings = applicationIDs.isEmpty ? [] : try await Meeting.query(on: db).filter(\.$application.$id ~~ applicationIDs)
            .filter(\.$cancelledAt == nil).filter(\.$startsAt >= now).with(\.$application) { $0.with(\.$call) }.sort(\.$startsAt).limit(meetingsShown).all()
        return ExpertHomePage(
            layout: layout, profileURL: SiteURL.expertProfile,
            assignments: assignments.map {
                AssignmentRow(reference: $0.application.reference, url: SiteURL.assignmentOf($0.$application.id), status: wording.label($0.status),
                              launchDate: $0.launchDate.map { wording.date(stored: $0) }, plannedEndDate: $0.plannedEndDate.map { wording.date(stored: $0) },
                              daysUsed: wording(AssignmentText.ofTotal, wording.number($0.daysUsed), wording.number($0.budget)),
                              nextSteps: DeliverySpace.nextSteps(policy: $0.policy(for: user, application: $0.application),
                                                                 remaining: $0.budget - $0.daysUsed, awaiting: 0, extensionPending: false, wording: wording))
            },
            meetings: try meetings.map {
                MeetingRow(title: "\(wording.label($0.purpose)), \($0.application.reference)", url: SiteURL.meeting(try $0.requireID()),
                           startsAt: wording.time($0.startsAt, in: try $0.application.call.calendar()))
            })
    }
}
