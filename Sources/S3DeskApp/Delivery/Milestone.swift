import Fluent
import Vapor

/// A dated step of the work plan the parties agree on in the assignment space.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Field(key: "title") var title: String
    @Field(key: "due_date") var dueDate: String
    @Parent(key: "created_by") var createdBy: User
    @Field(key: "created_at") var createdAt: Date
    @OptionalParent(key: "done_by") var doneBy: User?
    @OptionalField(key: "done_at") var doneAt: Date?

    init() {}
}
