import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Call questions and answers")
struct CallQuestionTests {
    let questions = [
        CallQuestion(id: "q1", label: "Budget of the S3 unit", kind: .number, required: true),
        CallQuestion(id: "q2", label: "Has an S3 monitoring system?", kind: .yesNo, required: true),
        CallQuestion(id: "q3", label: "Stage of the S3", kind: .choice, options: ["design", "revision"], required: false),
        CallQuestion(id: "q4", label: "Anything else", kind: .text, required: false),
    ]

    @Test("answers of the right kind pass; a draft may leave required ones out")
    func valid() {
        let answers: [String: Answer] = ["q1": .number(2.5), "q2": .bool(false), "q3": .text("design"), "q4": .text("No")]
        #expect(AnswerRules.problems(answers, questions: questions, submission: true).isEmpty)
        #expect(AnswerRules.problems([:], questions: questions, submission: false).isEmpty)
    }

    @Test("required answers are needed at submission; wrong kinds and unknown choices are named")
    func problems() {
        let missing = AnswerRules.problems(["q4": .text("  ")], questions: questions, submission: true)
        #expect(missing.messages.keys.sorted() == ["answers.q1", "answers.q2"])
        let wrong = AnswerRules.problems(["q1": .text("lots"), "q2": .text("maybe"), "q3": .text("done")], questions: questions, submission: false)
        #expect(wrong.messages["answers.q1"] == "Enter a number")
        #expect(wrong.messages["answers.q2"] == "Answer yes or no")
        #expect(wrong.messages["answers.q3"]?.contains("design, revision") == true)
    }

    @Test("a choice question needs two distinct choices and a label")
    func definition() {
        #expect(CallQuestion(label: "Pick", kind: .choice, options: ["a"], required: false).problems(prefix: "").messages["options"] != nil)
        #expect(CallQuestion(label: "Pick", kind: .choice, options: ["a", "a"], required: false).problems(prefix: "").messages["options"] != nil)
        #expect(CallQuestion(label: " ", kind: .text, required: false).problems(prefix: "q.").messages["q.label"] != nil)
        #expect(CallQuestion(label: "Pick", kind: .choice, options: ["a", "b"], required: true).problems(prefix: "").isEmpty)
    }

    @Test("answers read as JSON strings, numbers and booleans, and display plainly")
    func coding() throws {
        let decoded = try JSONDecoder().decode([String: Answer].self, from: Data(#"{"a": "x", "b": 3, "c": true, "d": 2.5}"#.utf8))
        #expect(decoded == ["a": .text("x"), "b": .number(3), "c": .bool(true), "d": .number(2.5)])
        #expect(Answer.number(3).display == "3")
        #expect(Answer.bool(false).display == "No")
    }
}
