/// The parts of a submitted application the secretariat can reopen for a clarification.
public enum ClarifiableField: String, CaseIterable, Codable, Sendable {
    case organisationName
    case authorityType
    case s3ResponsibilityConfirmed
    case territory
    case contact
    /// The topics and the description of an "other" need.
    case topics
    case challenges
    case needs
    case s3Context
    case stakeholders
    case expectedResults
    case languages
    /// The answers to the call's own questions.
    case answers

    public var label: String {
        switch self {
        case .organisationName: "Name of the authority"
        case .authorityType: "Type of authority"
        case .s3ResponsibilityConfirmed: "Confirmation of S3 responsibility"
        case .territory: "Territory"
        case .contact: "Contact person"
        case .topics: "Topics"
        case .challenges: "Specific challenges"
        case .needs: "Needs"
        case .s3Context: "S3 context"
        case .stakeholders: "Stakeholders"
        case .expectedResults: "Expected results"
        case .languages: "Languages"
        case .answers: "Answers to the call's questions"
        }
    }
}

extension ApplicationContent {
    /// The fields a change touches (those it carries).
    public var carriedFields: Set<ClarifiableField> {
        var fields: Set<ClarifiableField> = []
        if organisationName != nil { fields.insert(.organisationName) }
        if authorityType != nil { fields.insert(.authorityType) }
        if s3ResponsibilityConfirmed != nil { fields.insert(.s3ResponsibilityConfirmed) }
        if territory != nil { fields.insert(.territory) }
        if contact != nil { fields.insert(.contact) }
        if topics != nil || otherTopic != nil { fields.insert(.topics) }
        if challenges != nil { fields.insert(.challenges) }
        if needs != nil { fields.insert(.needs) }
        if s3Context != nil { fields.insert(.s3Context) }
        if stakeholders != nil { fields.insert(.stakeholders) }
        if expectedResults != nil { fields.insert(.expectedResults) }
        if languages != nil { fields.insert(.languages) }
        if answers != nil { fields.insert(.answers) }
        return fields
    }

    /// `self` with the named fields taken from `other`, every other field unchanged.
    public func replacing(_ fields: Set<ClarifiableField>, from other: ApplicationContent) -> ApplicationContent {
        var result = self
        for field in fields {
            switch field {
            case .organisationName: result.organisationName = other.organisationName
            case .authorityType: result.authorityType = other.authorityType
            case .s3ResponsibilityConfirmed: result.s3ResponsibilityConfirmed = other.s3ResponsibilityConfirmed
            case .territory: result.territory = other.territory
            case .contact: result.contact = other.contact
            case .topics:
                result.topics = other.topics
                result.otherTopic = other.otherTopic
            case .challenges: result.challenges = other.challenges
            case .needs: result.needs = other.needs
            case .s3Context: result.s3Context = other.s3Context
            case .stakeholders: result.stakeholders = other.stakeholders
            case .expectedResults: result.expectedResults = other.expectedResults
            case .languages: result.languages = other.languages
            case .answers: result.answers = other.answers
            }
        }
        return result
    }
}

public enum ClarificationRules {
    /// A clarification needs at least one field, a message and a deadline after today
    /// (in the call's zone) and at most 60 days away.
    public static func problems(fields: [String], message: String, deadline: String, today: CivilDate) -> FieldErrors {
        var errors = FieldErrors()
        if fields.isEmpty {
            errors.add("fields", "name at least one field to reopen")
        }
        for field in fields where ClarifiableField(rawValue: field) == nil {
            errors.add("fields", "“\(field)” is not a field of the application; use \(ClarifiableField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.count > 5000 {
            errors.add("message", "say what needs clarifying, in up to 5,000 characters")
        }
        do {
            let date = try CivilDate(parsing: deadline)
            if date <= today || today.days(until: date) > 60 {
                errors.add("deadline", "choose a date after today and within 60 days")
            }
        } catch {
            errors.add("deadline", error.message)
        }
        return errors
    }
}
