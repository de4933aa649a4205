/// The specific challenges a region may declare (domain.md, "Application").
public enum ChallengeKind: String, CaseIterable, Codable, Sendable {
    case demographic
    case geographic
    case green
    case digital
    case developmentTrap = "development_trap"

    public var label: String {
        switch self {
        case .demographic: "Demographic"
        case .geographic: "Geographic"
        case .green: "Green transition"
        case .digital: "Digital transition"
        case .developmentTrap: "Development trap"
        }
    }
}

public struct Challenge: Codable, Sendable, Equatable {
    public var kind: String
    public var justification: String

    public init(kind: String, justification: String) {
        self.kind = kind
        self.justification = justification
    }
}

public struct Contact: Codable, Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var position: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, position: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.position = position
    }
}

/// Everything an applicant writes in the form. Every field may be missing in a draft.
public struct ApplicationContent: Codable, Sendable, Equatable {
    public var organisationName: String?
    public var authorityType: String?
    public var s3ResponsibilityConfirmed: Bool?
    public var territory: String?
    public var contact: Contact?
    public var topics: [String]?
    public var otherTopic: String?
    public var challenges: [Challenge]?
    public var needs: String?
    public var s3Context: String?
    public var stakeholders: String?
    public var expectedResults: String?
    public var languages: [String]?
    /// Answers to the call's own questions, by question id.
    public var answers: [String: Answer]?

    public init(organisationName: String? = nil, authorityType: String? = nil, s3ResponsibilityConfirmed: Bool? = nil,
                territory: String? = nil, contact: Contact? = nil, topics: [String]? = nil, otherTopic: String? = nil,
                challenges: [Challenge]? = nil, needs: String? = nil, s3Context: String? = nil,
                stakeholders: String? = nil, expectedResults: String? = nil, languages: [String]? = nil,
                answers: [String: Answer]? = nil) {
        self.organisationName = organisationName
        self.authorityType = authorityType
        self.s3ResponsibilityConfirmed = s3ResponsibilityConfirmed
        self.territory = territory
        self.contact = contact
        self.topics = topics
        self.otherTopic = otherTopic
        self.challenges = challenges
        self.needs = needs
        self.s3Context = s3Context
        self.stakeholders = stakeholders
        self.expectedResults = expectedResults
        self.languages = languages
        self.answers = answers
    }

    /// The fields of `other` that are present replace those of `self` (a PATCH).
    public func updated(with other: ApplicationContent) -> ApplicationContent {
        ApplicationContent(
            organisationName: other.organisationName ?? organisationName,
            authorityType: other.authorityType ?? authorityType,
            s3ResponsibilityConfirmed: other.s3ResponsibilityConfirmed ?? s3ResponsibilityConfirmed,
            territory: other.territory ?? territory,
            contact: other.contact ?? contact,
            topics: other.topics ?? topics,
            otherTopic: other.otherTopic ?? otherTopic,
            challenges: other.challenges ?? challenges,
            needs: other.needs ?? needs,
            s3Context: other.s3Context ?? s3Context,
            stakeholders: other.stakeholders ?? stakeholders,
            expectedResults: other.expectedResults ?? expectedResults,
            languages: other.languages ?? languages,
            answers: other.answers ?? answers)
    }

    /// This content with each field that has a problem put back as `saved` has it: what saving a
    /// draft keeps when some fields are wrong, so that one bad value does not cost the others.
    /// A problem with one challenge puts back all of them (they are one list), one with an
    /// answer only that answer.
    public func keepingValid(_ problems: FieldErrors, savedAs saved: ApplicationContent) -> ApplicationContent {
        var kept = self
        for field in problems.messages.keys {
            switch field {
            case "organisationName": kept.organisationName = saved.organisationName
            case "authorityType": kept.authorityType = saved.authorityType
            case "territory": kept.territory = saved.territory
            case "contact.name": kept.contact?.name = saved.contact?.name
            case "contact.email": kept.contact?.email = saved.contact?.email
            case "contact.phone": kept.contact?.phone = saved.contact?.phone
            case "contact.position": kept.contact?.position = saved.contact?.position
            case "topics": kept.topics = saved.topics
            case "otherTopic": kept.otherTopic = saved.otherTopic
            case "needs": kept.needs = saved.needs
            case "s3Context": kept.s3Context = saved.s3Context
            case "stakeholders": kept.stakeholders = saved.stakeholders
            case "expectedResults": kept.expectedResults = saved.expectedResults
            case "languages": kept.languages = saved.languages
            case _ where field.hasPrefix("challenges["): kept.challenges = saved.challenges
            case _ where field.hasPrefix("answers."):
                let id = String(field.dropFirst("answers.".count))
                kept.answers?[id] = saved.answers?[id]
            default: break
            }
        }
        return kept
    }

    /// Declared challenge kinds that are known, each counted once.
    public var declaredChallenges: [ChallengeKind] {
        var seen: [ChallengeKind] = []
        for challenge in challenges ?? [] {
            if let kind = ChallengeKind(rawValue: challenge.kind), !seen.contains(kind) { seen.append(kind) }
        }
        return seen
    }
}
