import Fluent
import S3DeskDomain
import Vapor

/// One line of an assignment's timesheet: days the expert worked on a date, and what came of it.
final class TimesheetEntry: Model, @unchecked Sendable {
    static let schema = "timesheet_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Field(key: "date") var date: String
    @Field(key: "half_days") var halfDays: Int
    @Field(key: "activity") var activity: String
    @Field(key: "output") var output: String
    @Enum(key: "status") var status: TimesheetEntryStatus
    @Parent(key: "logged_by") var loggedBy: User
    @Field(key: "logged_at") var loggedAt: Date
    @OptionalParent(key: "reviewed_by") var reviewedBy: User?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Field(key: "review_note") var reviewNote: String

    init() {}

    var days: ExpertDays { ExpertDays(halves: halfDays) }
}
