import Fluent

struct CreateCallQuestions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("call_questions")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("label", .string, .required)
            .field("kind", .string, .required)
            .field("options", .array(of: .string), .required)
            .field("required", .bool, .required)
            .create()
        try await SQLIndex.create("call_questions_call_id_idx", on: "call_questions", columns: "call_id", "position", db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("call_questions").delete()
    }
}
