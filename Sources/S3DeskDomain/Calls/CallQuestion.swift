import Foundation

/// A question a call adds to its application form.
public struct CallQuestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case text
        case choice
        case yesNo = "yes_no"
        case number

        public var label: String {
            switch self {
            case .text: "Text"
            case .choice: "Choice"
            case .yesNo: "Yes or no"
            case .number: "Number"
            }
        }
    }

    public var id: String
    public var label: String
    public var kind: Kind
    /// The choices of a `choice` question; empty otherwise.
    public var options: [String]
    public var required: Bool

    public init(id: String = UUID().uuidString.lowercased(), label: String, kind: Kind, options: [String] = [], required: Bool) {
        self.id = id
        self.label = label
        self.kind = kind
        self.options = options
        self.required = required
    }

    /// Problems with a question as the secretariat defines it, keyed by `prefix` + field.
    public func problems(prefix: String) -> FieldErrors {
        var errors = FieldErrors()
        let label = self.label.trimmingCharacters(in: .whitespacesAndNewlines)
        if label.isEmpty || label.count > 500 { errors.add(prefix + "label", "enter the question, in up to 500 characters") }
        let options = self.options.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if kind == .choice, options.count < 2 { errors.add(prefix + "options", "give at least two choices") }
        if Set(options).count != options.count { errors.add(prefix + "options", "each choice must differ from the others") }
        return errors
    }
}

/// An answer to a call question: text (also a choice), a number, or yes/no.
public enum Answer: Codable, Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let bool): try container.encode(bool)
        }
    }

    /// How the answer reads on a page.
    public var display: String {
        switch self {
        case .text(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let bool): bool ? "Yes" : "No"
        }
    }
}

/// The checks on the answers to a call's questions, keyed `answers.<question id>`.
public enum AnswerRules {
    public static let textLimit = 5000

    /// Wrong kinds, unknown choices and overlong text; with `submission`, also missing required answers.
    public static func problems(_ answers: [String: Answer], questions: [CallQuestion], submission: Bool) -> FieldErrors {
        var errors = FieldErrors()
        for question in questions {
            let field = "answers.\(question.id)"
            guard let answer = answers[question.id], !isBlank(answer) else {
                if submission, question.required { errors.add(field, "answer this question: it is required") }
                continue
            }
            switch (question.kind, answer) {
            case (.text, .text(let text)):
                if text.count > textLimit { errors.add(field, "keep the answer within \(textLimit) characters") }
            case (.choice, .text(let text)):
                if !question.options.contains(text) { errors.add(field, "choose one of: \(question.options.joined(separator: ", "))") }
            case (.yesNo, .bool), (.number, .number):
                break
            case (.yesNo, _):
                errors.add(field, "answer yes or no")
            case (.number, _):
                errors.add(field, "enter a number")
            default:
                errors.add(field, "answer with text")
            }
        }
        return errors
    }

    public static func isBlank(_ answer: Answer) -> Bool {
        if case .text(let text) = answer { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return false
    }
}
