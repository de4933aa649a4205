import S3DeskDomain

/// What the application form shows: the groups and inputs of `ApplicationForm`, those of the
/// parts open for editing, each with its value and its problem.
struct ApplicationFormPage: Encodable {
    struct Group: Encodable {
        let legend: String
        let hint: String?
        /// Short inputs side by side (the contact person's).
        let inRow: Bool
        let fields: [Field]
        /// The call's own questions, in the group of the answers.
        let questions: [QuestionField]
    }

    struct Field: Encodable {
        let id: String
        let name: String
        let label: String
        let kind: String
        let hint: String?
        let autocomplete: String?
        /// The id of the `<datalist>` it suggests from: the territories, by name.
        let list: String?
        let lines: Int
        let value: String
        let checked: Bool
        let error: String?
        /// The ids of the hint and the problem, for `aria-describedby`.
        let describedBy: String?
        /// The choices of a menu, or the topics to tick.
        let options: [SelectOption]
        let challenges: [ChallengeOption]
    }

    struct ChallengeOption: Encodable {
        let kind: String
        let label: String
        let checked: Bool
        let justification: String
        let error: String?
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

    struct ClarificationNotice: Encodable {
        let message: String
        let deadline: String
    }

    let layout: Layout
    let csrfToken: String
    let reference: String
    let callTitle: String
    let action: String
    let viewURL: String
    let groups: [Group]
    let errorList: [FieldProblem]
    let saved: Bool
    /// Saved except the fields in `errorList`, which keep their previous value.
    let partlySaved: Bool
    /// What happened to the person's input, above the list of problems.
    let errorHeading: String
    let emailConfirmed: Bool
    /// Set when a clarification reopened part of a submitted application.
    let clarification: ClarificationNotice?
    /// Every region and country as "Name (CODE)", for the territory's suggestions.
    let territories: [String]

    /// The groups of the form with the parts in `editable`, showing `content` and the problems
    /// by input id, in the reader's language; the call's questions as the call words them.
    static func groups(_ content: ApplicationContent, editable: Set<ClarifiableField>, errors: [String: String],
                       questions: [CallQuestion], topics: [TopicRecord], codes: ReferenceCodes, wording: Wording) -> [Group] {
        ApplicationForm.groups.compactMap { group in
            let parts = group.parts.filter(editable.contains)
            let fields = parts.flatMap(ApplicationForm.inputs(of:)).map {
                field($0, content: content, errors: errors, topics: topics, codes: codes, wording: wording)
            }
            let asked = parts.contains(.answers)
                ? questions.map { QuestionField($0, answer: content.answers?[$0.id], error: errors["answer-" + $0.id]) } : []
            guard !fields.isEmpty || !asked.isEmpty else { return nil }
            return Group(legend: ApplicationWording.legend(of: group, wording), hint: ApplicationWording.hint(of: group, wording),
                         inRow: parts == [.contact], fields: fields, questions: asked)
        }
    }

    private static func field(_ input: ApplicationForm.Input, content: ApplicationContent, errors: [String: String],
                              topics: [TopicRecord], codes: ReferenceCodes, wording: Wording) -> Field {
        let isTerritory = input.key == "territory"
        // A known code reads as the list offers it, "Severozapaden (BG31)"; anything else as typed.
        let value = isTerritory ? codes.territoryName(input.value(content)) : input.value(content)
        let error = errors[input.id]
        let describedBy = [input.hint.map { _ in input.id + "-hint" }, error.map { _ in input.id + "-error" }].compactMap { $0 }
        let options: [SelectOption] = switch input.kind {
        case .select: input.choices.map { SelectOption(value: $0.value, label: ApplicationWording.choice($0, wording), selected: value == $0.value) }
        case .topics:
            topics.map { topic in
                SelectOption(value: topic.id ?? "", label: topic.title, selected: (content.topics ?? []).contains(topic.id ?? ""))
            }
        default: []
        }
        let declared = Dictionary((content.challenges ?? []).map { ($0.kind, $0.justification) }, uniquingKeysWith: { first, _ in first })
        return Field(
            id: input.id, name: input.kind == .topics ? "topics[]" : input.id, label: ApplicationWording.label(of: input, wording),
            kind: input.kind.rawValue, hint: ApplicationWording.hint(of: input, wording), autocomplete: isTerritory ? "off" : input.autocomplete,
            list: isTerritory ? "territories" : nil, lines: input.lines, value: value, checked: value == "yes",
            error: error, describedBy: describedBy.isEmpty ? nil : describedBy.joined(separator: " "), options: options,
            challenges: input.kind == .challenges ? ChallengeKind.allCases.map {
                ChallengeOption(kind: $0.rawValue, label: wording.label($0), checked: declared[$0.rawValue] != nil,
                                justification: declared[$0.rawValue] ?? "", error: errors["justification-" + $0.rawValue])
            } : [])
    }

    /// The API's problems by input id, so each message sits beside its input.
    static func inputErrors(_ problems: [String: String], content: ApplicationContent) -> [String: String] {
        var result: [String: String] = [:]
        for (key, message) in problems {
            let input = ApplicationForm.inputID(forProblem: key, in: content)
            result[input] = result[input].map { $0 + "; " + message } ?? message
        }
        return result
    }

    /// The list above the form, in the form's order, each input named in the reader's language.
    static func problems(_ errors: [String: String], questions: [CallQuestion], wording: Wording) -> [FieldProblem] {
        ApplicationWording.problemLabels(questions: questions, wording).compactMap { input in
            errors[input.id].map { FieldProblem(field: input.id, label: input.label, message: $0) }
        }
    }

    static func errorHeading(problems count: Int, saved: Bool, partlySaved: Bool, wording: Wording) -> String {
        if partlySaved { return wording.count(count, ApplicationText.formErrorPartlySavedOne, .formErrorPartlySavedOther) }
        if saved { return wording.count(count, ApplicationText.formErrorNotSubmittableOne, .formErrorNotSubmittableOther) }
        return wording.count(count, ApplicationText.formErrorNothingSavedOne, .formErrorNothingSavedOther)
    }
}
