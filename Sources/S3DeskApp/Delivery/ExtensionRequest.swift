import Fluent
import S3DeskDomain
import Vapor

/// A request to move an assignment's planned end, kept with its decision as part of the record.
final class ExtensionRequest: Model, @unchecked Sendable {
    static let schema = "assignment_extensions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Field(key: "previous_end") var previousEnd: String
    @Field(key: "requested_end") var requestedEnd: String
    @Field(key: "reason") var reason: String
    @Enum(key: "status") var status: ExtensionStatus
    @Parent(key: "requested_by") var requestedBy: User
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "decision_note") var decisionNote: String

    init() {}
}
