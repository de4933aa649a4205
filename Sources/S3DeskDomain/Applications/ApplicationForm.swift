/// The application's fields, described once. The form, the read-only page, the copy in the
/// confirmation email, the labels of the problems and the parts a clarification may reopen
/// all read this description, so they cannot drift apart.
///
/// A part (`ClarifiableField`) is what one row of the read-only page shows and what the
/// secretariat reopens; an input is one control of the form. Most parts have one input, the
/// contact person has four, the topics two; the answers are the call's own questions.
public enum ApplicationForm {
    public struct Group: Sendable {
        public let legend: String
        public let hint: String?
        public let parts: [ClarifiableField]
    }

    public struct Input: Sendable {
        public enum Kind: String, Sendable {
            case text, email, tel, textarea, select, confirmation, topics, challenges
        }

        public struct Choice: Sendable, Equatable {
            public let value: String
            public let label: String
        }

        /// The form control's id and name.
        public let id: String
        /// The field's name in the API and in the problems the rules report.
        public let key: String
        public let label: String
        /// The label in the list of problems above the form, where the group's legend is not seen.
        public let summaryLabel: String
        public let hint: String?
        public let kind: Kind
        public let autocomplete: String?
        /// The height of a text area, in lines.
        public let lines: Int
        /// A menu's choices.
        public let choices: [Choice]
        /// What the control holds for `content`: text as typed, a choice's value, "yes" for a tick.
        public let value: @Sendable (ApplicationContent) -> String

        init(_ id: String, key: String? = nil, _ label: String, summary: String? = nil, hint: String? = nil, kind: Kind = .text,
             autocomplete: String? = nil, lines: Int = 3, choices: [Choice] = [],
             value: @escaping @Sendable (ApplicationContent) -> String) {
            self.id = id
            self.key = key ?? id
            self.label = label
            summaryLabel = summary ?? label
            self.hint = hint
            self.kind = kind
            self.autocomplete = autocomplete
            self.lines = lines
            self.choices = choices
            self.value = value
        }
    }

    public static let groups: [Group] = [
        Group(legend: "The authority", hint: nil, parts: [.organisationName, .authorityType, .s3ResponsibilityConfirmed, .territory]),
        Group(legend: "Contact person", hint: nil, parts: [.contact]),
        Group(legend: "Topics of support", hint: nil, parts: [.topics]),
        Group(legend: "Specific challenges of the region",
              hint: "Tick each challenge the region faces and explain it in at least \(ApplicationRules.justificationMinimum) characters. Each one raises the priority of the application.",
              parts: [.challenges]),
        Group(legend: "Your needs", hint: nil, parts: [.needs, .s3Context, .stakeholders, .expectedResults, .languages]),
        Group(legend: "Questions of this call", hint: nil, parts: [.answers]),
    ]

    /// Every part, in the order of the form.
    public static let parts: [ClarifiableField] = groups.flatMap(\.parts)

    /// `chosen` in the order of the form, as a clarification lists the parts it reopens.
    public static func ordered(_ chosen: Set<ClarifiableField>) -> [ClarifiableField] {
        parts.filter(chosen.contains)
    }

    /// The form's controls for one part, in the order the form shows them.
    public static func inputs(of part: ClarifiableField) -> [Input] {
        switch part {
        case .organisationName: [Input("organisationName", "Name of the authority") { $0.organisationName ?? "" }]
        case .authorityType:
            [Input("authorityType", "Type of authority", kind: .select,
                   choices: AuthorityType.allCases.map { Input.Choice(value: $0.rawValue, label: $0.label) }) { $0.authorityType ?? "" }]
        case .s3ResponsibilityConfirmed:
            [Input("s3ResponsibilityConfirmed",
                   "I confirm that this authority is in charge of managing the Smart Specialisation Strategy of the territory below.",
                   summary: "Confirmation", kind: .confirmation) { $0.s3ResponsibilityConfirmed == true ? "yes" : "" }]
        case .territory:
            [Input("territory", "Territory",
                   hint: "Start typing the name or the code of the region (NUTS 2021) and pick it from the list; a national authority picks its country.") { $0.territory ?? "" }]
        case .contact:
            [Input("contactName", key: "contact.name", "Name", summary: "Contact name", autocomplete: "name") { $0.contact?.name ?? "" },
             Input("contactPosition", key: "contact.position", "Position", summary: "Contact position",
                   autocomplete: "organization-title") { $0.contact?.position ?? "" },
             Input("contactEmail", key: "contact.email", "Email", summary: "Contact email", kind: .email,
                   autocomplete: "email") { $0.contact?.email ?? "" },
             Input("contactPhone", key: "contact.phone", "Phone (optional)", summary: "Contact phone", kind: .tel,
                   autocomplete: "tel") { $0.contact?.phone ?? "" }]
        case .topics:
            [Input("topics", "Topics", kind: .topics) { ($0.topics ?? []).joined(separator: ",") },
             Input("otherTopic", "If “Other”: the need", summary: "Other need") { $0.otherTopic ?? "" }]
        case .challenges: [Input("challenges", "Specific challenges", kind: .challenges) { _ in "" }]
        case .needs:
            [Input("needs", "The problem and the support expected", summary: "Needs",
                   hint: "\(ApplicationRules.needsRange.lowerBound) to \(ApplicationRules.needsRange.upperBound) characters.", kind: .textarea, lines: 8) { $0.needs ?? "" }]
        case .s3Context:
            [Input("s3Context", "S3 context: the priority areas concerned", summary: "S3 context", kind: .textarea) { $0.s3Context ?? "" }]
        case .stakeholders:
            [Input("stakeholders", "Stakeholders who will take part", summary: "Stakeholders", kind: .textarea) { $0.stakeholders ?? "" }]
        case .expectedResults:
            [Input("expectedResults", "Expected results", kind: .textarea) { $0.expectedResults ?? "" }]
        case .languages:
            [Input("languages", "Preferred languages of work", summary: "Languages",
                   hint: "Separated by commas, for example: Polish, English.") { ($0.languages ?? []).joined(separator: ", ") }]
        // The call's own questions, which each call defines.
        case .answers: []
        }
    }

    /// The names an application's codes are shown by: topic titles by slug, territories by code.
    public struct Names: Sendable {
        public let topicTitles: [String: String]
        public let territory: @Sendable (String) -> String

        public init(topicTitles: [String: String], territory: @escaping @Sendable (String) -> String) {
            self.topicTitles = topicTitles
            self.territory = territory
        }
    }

    /// One row of the read-only application.
    public struct Row: Sendable, Equatable, Codable {
        public let label: String
        public let value: String
    }

    /// The application as people read it, part by part, leaving out what is empty: the
    /// application page and the confirmation email show exactly these rows.
    /// - Parameter names: how codes read as words; an unknown slug or code shows as it is.
    public static func rows(_ content: ApplicationContent, questions: [CallQuestion], names: Names) -> [Row] {
        parts.flatMap { part -> [Row] in
            if part == .answers {
                return questions.compactMap { question in row(question.label, content.answers?[question.id]?.display) }
            }
            return [row(part.label, reading(part, of: content, names: names))].compactMap { $0 }
        }
    }

    private static func row(_ label: String, _ value: String?) -> Row? {
        guard let value, !value.isEmpty else { return nil }
        return Row(label: label, value: value)
    }

    private static func reading(_ part: ClarifiableField, of content: ApplicationContent, names: Names) -> String? {
        switch part {
        case .organisationName: content.organisationName
        case .authorityType: content.authorityType.map { AuthorityType(rawValue: $0)?.label ?? $0 }
        case .s3ResponsibilityConfirmed: content.s3ResponsibilityConfirmed == true ? "Confirmed" : "Not confirmed"
        case .territory: content.territory.map(names.territory)
        case .contact:
            [content.contact?.name, content.contact?.position, content.contact?.email, content.contact?.phone]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case .topics:
            ((content.topics ?? []).map { names.topicTitles[$0] ?? $0 }
                + [content.otherTopic].compactMap { $0 }.filter { !$0.isEmpty }.map { "Other: \($0)" })
                .joined(separator: "\n")
        case .challenges:
            content.challenges?.map { "\(ChallengeKind(rawValue: $0.kind)?.label ?? $0.kind): \($0.justification)" }.joined(separator: "\n")
        case .needs: content.needs
        case .s3Context: content.s3Context
        case .stakeholders: content.stakeholders
        case .expectedResults: content.expectedResults
        case .languages: content.languages?.map(LanguageNames.displayName).joined(separator: ", ")
        case .answers: nil
        }
    }

    /// The input a problem reported under `key` belongs to, so its message sits beside it:
    /// `contact.email` → `contactEmail`, `challenges[1].justification` → `justification-green`,
    /// `answers.<id>` → `answer-<id>`.
    public static func inputID(forProblem key: String, in content: ApplicationContent) -> String {
        if key.hasPrefix("answers.") { return "answer-" + key.dropFirst("answers.".count) }
        if key.hasPrefix("challenges["), let close = key.firstIndex(of: "]"),
           let index = Int(key[key.index(key.startIndex, offsetBy: "challenges[".count)..<close]),
           let challenges = content.challenges, challenges.indices.contains(index) {
            return "justification-" + challenges[index].kind
        }
        return inputsByKey[key]?.id ?? key
    }

    private static let inputsByKey: [String: Input] = Dictionary(
        uniqueKeysWithValues: parts.flatMap(inputs(of:)).map { ($0.key, $0) })

    /// The inputs' ids in the order of the form, each with the label the list of problems gives
    /// it; the challenges' justifications and the call's questions in their places.
    public static func problemLabels(questions: [CallQuestion]) -> [(id: String, label: String)] {
        parts.flatMap { part -> [(id: String, label: String)] in
            switch part {
            case .challenges: ChallengeKind.allCases.map { ("justification-" + $0.rawValue, "\($0.label) challenge") }
            case .answers: questions.map { ("answer-" + $0.id, $0.label) }
            default: inputs(of: part).map { ($0.id, $0.summaryLabel) }
            }
        }
    }
}
