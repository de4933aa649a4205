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

    /// The API's field names turned into the ids of the form's inputs, so each message sits
    /// beside its input.
    static func inputErrors(_ errors: [String: String], content: ApplicationContent) -> [String: String] {
        var result: [String: String] = [:]
        for (field, message) in errors {
            let input: String
            if field.hasPrefix("answers.") {
                input = "answer-" + field.dropFirst("answers.".count)
            } else if field.hasPrefix("contact.") {
                input = "contact" + field.dropFirst("contact.".count).prefix(1).uppercased() + field.dropFirst("contact.".count + 1)
            } else if field.hasPrefix("challenges["), let close = field.firstIndex(of: "]"),
                      let index = Int(field[field.index(field.startIndex, offsetBy: 11)..<close]),
                      let kind = content.challenges?[safe: index]?.kind {
                input = "justification-" + kind
            } else {
                input = field
            }
            result[input] = result[input].map { $0 + "; " + message } ?? message
        }
        return result
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// What the form page shows.
struct ApplicationFormPage: Encodable {
    struct TopicOption: Encodable {
        let slug: String
        let title: String
        let checked: Bool
    }

    /// One of the call's questions as the form shows it.
    struct QuestionField: Encodable {
        let inputID: String
        let name: String
        let label: String
        let kind: String
        let required: Bool
        let value: String
        let yes: Bool
        let no: Bool
        let options: [SelectOption]
        let error: String?

        init(_ question: CallQuestion, answer: Answer?, error: String?) {
            inputID = "answer-" + question.id
            name = "answers[\(question.id)]"
            label = question.label
            kind = question.kind.rawValue
            required = question.required
            value = answer?.display ?? ""
            yes = answer == .bool(true)
            no = answer == .bool(false)
            options = question.options.map { SelectOption(value: $0, label: $0, selected: answer == .text($0)) }
            self.error = error
        }
    }

    struct ChallengeOption: Encodable {
        let kind: String
        let label: String
        let checked: Bool
        let justification: String
        let error: String?
    }

    let layout: Layout
    let csrfToken: String
    let reference: String
    let callTitle: String
    let action: String
    let viewURL: String
    let content: ApplicationContent
    let languages: String
    let confirmed: Bool
    let authorityTypes: [SelectOption]
    let topics: [TopicOption]
    let challenges: [ChallengeOption]
    let questions: [QuestionField]
    let errors: [String: String]
    let errorList: [FieldProblem]
    let saved: Bool
    /// Saved except the fields in `errorList`, which keep their previous value.
    let partlySaved: Bool

    /// What happened to the person's input, above the list of problems.
    let errorHeading: String

    static func errorHeading(problems count: Int, saved: Bool, partlySaved: Bool) -> String {
        let fields = count == 1 ? "1 field" : "\(count) fields"
        if partlySaved {
            return "Your draft was saved, except \(fields) that " + (count == 1 ? "keeps its" : "keep their") + " previous value until corrected"
        }
        if saved { return "Your draft was saved, but it cannot be submitted yet: \(fields) " + (count == 1 ? "needs" : "need") + " attention" }
        return "Please correct \(fields): nothing was saved"
    }
    let emailConfirmed: Bool
    let editable: Editable
    /// Set when a clarification reopened part of a submitted application.
    let clarification: ClarificationNotice?

    struct ClarificationNotice: Encodable {
        let message: String
        let deadline: String
    }

    /// Which parts of the form are shown for editing: all of a draft, the reopened ones of a
    /// submitted application.
    struct Editable: Encodable {
        let organisationName, authorityType, s3ResponsibilityConfirmed, territory, contact, topics, challenges: Bool
        let needs, s3Context, stakeholders, expectedResults, languages, answers: Bool
        let authorityGroup, needsGroup: Bool

        init(_ fields: Set<ClarifiableField>) {
            organisationName = fields.contains(.organisationName)
            authorityType = fields.contains(.authorityType)
            s3ResponsibilityConfirmed = fields.contains(.s3ResponsibilityConfirmed)
            territory = fields.contains(.territory)
            contact = fields.contains(.contact)
            topics = fields.contains(.topics)
            challenges = fields.contains(.challenges)
            needs = fields.contains(.needs)
            s3Context = fields.contains(.s3Context)
            stakeholders = fields.contains(.stakeholders)
            expectedResults = fields.contains(.expectedResults)
            languages = fields.contains(.languages)
            answers = fields.contains(.answers)
            authorityGroup = organisationName || authorityType || s3ResponsibilityConfirmed || territory
            needsGroup = needs || s3Context || stakeholders || expectedResults || languages
        }
    }
    let minimumJustification = ApplicationRules.justificationMinimum

    static let labels: [String: String] = [
        "organisationName": "Name of the authority", "authorityType": "Type of authority",
        "s3ResponsibilityConfirmed": "Confirmation", "territory": "Territory", "contactName": "Contact name",
        "contactEmail": "Contact email", "contactPhone": "Contact phone", "contactPosition": "Contact position",
        "topics": "Topics", "otherTopic": "Other need", "needs": "Needs", "s3Context": "S3 context",
        "stakeholders": "Stakeholders", "expectedResults": "Expected results", "languages": "Languages",
    ]
    static let order = ["organisationName", "authorityType", "s3ResponsibilityConfirmed", "territory", "contactName",
                        "contactEmail", "contactPhone", "contactPosition", "topics", "otherTopic"]
        + ChallengeKind.allCases.map { "justification-" + $0.rawValue }
        + ["needs", "s3Context", "stakeholders", "expectedResults", "languages"]

    static func problems(_ errors: [String: String], questions: [CallQuestion]) -> [FieldProblem] {
        let questionLabels = Dictionary(uniqueKeysWithValues: questions.map { ("answer-" + $0.id, $0.label) })
        return (order + questions.map { "answer-" + $0.id }).compactMap { input in
            errors[input].map { message in
                let label = labels[input] ?? questionLabels[input] ?? ChallengeKind(rawValue: String(input.dropFirst("justification-".count)))
                    .map { "\($0.label) challenge" } ?? input
                return FieldProblem(field: input, label: label, message: message)
            }
        }
    }
}
