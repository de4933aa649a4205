import Fluent
import S3DeskDomain
import Vapor

/// A question of a call's application form, in its place in the form.
final class CallQuestionRecord: Model, @unchecked Sendable {
    static let schema = "call_questions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "call_id") var call: Call
    @Field(key: "position") var position: Int
    @Field(key: "label") var label: String
    @Enum(key: "kind") var kind: CallQuestion.Kind
    @Field(key: "options") var options: [String]
    @Field(key: "required") var required: Bool

    init() {}

    var question: CallQuestion {
        CallQuestion(id: id?.uuidString.lowercased() ?? "", label: label, kind: kind, options: options, required: required)
    }
}

extension Call {
    /// The call's questions in form order; the call must have been loaded with them.
    var orderedQuestions: [CallQuestion] {
        questions.sorted { $0.position < $1.position }.map(\.question)
    }
}
