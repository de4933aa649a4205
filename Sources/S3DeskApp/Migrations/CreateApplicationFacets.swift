import Foundation
import Fluent
import SQLKit

/// What the lists and the monitoring filter and count by without reading every form: the
/// specific challenges each application declares and its answers to the call's own questions,
/// a row each beside its topics. Filled for the applications that exist, from their forms.
struct CreateApplicationFacets: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ApplicationChallenge.schema)
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .unique(on: "application_id", "kind")
            .create()
        try await SQLIndex.create("application_challenges_kind_idx", on: ApplicationChallenge.schema, columns: ["kind", "application_id"], db: db)
        try await db.schema(ApplicationAnswer.schema)
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("question_id", .string, .required)
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .unique(on: "application_id", "question_id")
            .create()
        // Not the value: a text answer of 5,000 Greek characters is past what an index row holds.
        try await SQLIndex.create("application_answers_question_idx", on: ApplicationAnswer.schema, columns: ["question_id", "application_id"], db: db)
        guard let sql = db as? any SQLDatabase else { return }
        // In id order and in batches: a large database is never read whole into memory.
        var after: UUID?
        while true {
            var query = sql.select().columns("id", "content", "call_id").from(ApplicationRecord.schema).orderBy("id").limit(500)
            if let after { query = query.where("id", .greaterThan, after) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            let calls = Set(try rows.map { try $0.decode(column: "call_id", as: UUID.self) })
            let questions = Dictionary(grouping: try await CallQuestionRecord.query(on: db).filter(\.$call.$id ~~ calls).all()) { $0.$call.id }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let content = try row.decode(column: "content", as: StoredApplicationContent.self).content
                try await ApplicationChallenge.replace(of: id, with: content, on: db)
                try await ApplicationAnswer.replace(of: id, with: content,
                                                    questions: (questions[try row.decode(column: "call_id", as: UUID.self)] ?? []).map(\.question), on: db)
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ApplicationAnswer.schema).delete()
        try await db.schema(ApplicationChallenge.schema).delete()
    }
}
