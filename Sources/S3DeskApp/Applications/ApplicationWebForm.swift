import S3DeskDomain
import Vapor

/// The application form's fields as the browser posts them. The form always carries the whole
/// application, so an unticked box clears its value.
struct ApplicationWebForm: Content {
    var organisationName: String?
    var authorityType: String?
    var s3ResponsibilityConfirmed: String?
    var territory: String?
    var contactName: String?
    var contactEmail: String?
    var contactPhone: String?
    var contactPosition: String?
    var topics: [String]?
    var otherTopic: String?
    /// The ticked challenge kinds.
    var challenge: [String]?
    /// Justifications by challenge kind.
    var justification: [String: String]?
    var needs: String?
    var s3Context: String?
    var stakeholders: String?
    var expectedResults: String?
    /// Comma-separated.
    var languages: String?
    /// Answers to the call's questions, by question id, as typed.
    var answers: [String: String]?
    /// `save` or `submit`.
    var action: String?

    func content(questions: [CallQuestion]) -> ApplicationContent {
        let ticked = Set(challenge ?? [])
        return ApplicationContent(
            organisationName: organisationName ?? "", authorityType: authorityType ?? "",
            s3ResponsibilityConfirmed: s3ResponsibilityConfirmed == "yes", territory: territory ?? "",
            contact: Contact(name: contactName ?? "", email: contactEmail ?? "", phone: contactPhone ?? "",
                             position: contactPosition ?? ""),
            topics: topics ?? [], otherTopic: otherTopic ?? "",
            challenges: ChallengeKind.allCases.filter { ticked.contains($0.rawValue) }.map {
                Challenge(kind: $0.rawValue, justification: justification?[$0.rawValue] ?? "")
            },
            needs: needs ?? "", s3Context: s3Context ?? "", stakeholders: stakeholders ?? "",
            expectedResults: expectedResults ?? "",
            languages: (languages ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            answers: Self.answers(answers ?? [:], questions: questions))
    }

    /// Typed answers; a number that does not parse stays text, so the check names it and the
    /// form shows what was typed.
    static func answers(_ typed: [String: String], questions: [CallQuestion]) -> [String: Answer] {
        var result: [String: Answer] = [:]
        for question in questions {
            guard let text = typed[question.id]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
            switch question.kind {
            case .text, .choice: result[question.id] = .text(text)
            case .yesNo: result[question.id] = text == "yes" ? .bool(true) : text == "no" ? .bool(false) : .text(text)
            case .number: result[question.id] = Double(text.replacingOccurrences(of: ",", with: ".")).map(Answer.number) ?? .text(text)
            }
        }
        return result
    }
}
