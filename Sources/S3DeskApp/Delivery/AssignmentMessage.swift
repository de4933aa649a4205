import Fluent
import Vapor

/// One post of an assignment's discussion thread. Posts are never edited: the thread is the
/// dated record of the co-design.
final class AssignmentMessage: Model, @unchecked Sendable {
    static let schema = "assignment_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Parent(key: "author_id") var author: User
    @Field(key: "body") var body: String
    @Field(key: "posted_at") var postedAt: Date

    init() {}
}
