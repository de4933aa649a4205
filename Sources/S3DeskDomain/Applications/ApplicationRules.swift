/// What the rules need to know of the reference data.
public struct ApplicationReference: Sendable {
    public let regions: Set<String>
    public let countries: Set<String>
    public let topics: Set<String>
    /// Every region's and country's name by code, to suggest what an unknown code meant.
    public let names: [String: String]
    /// The country the applying authority is registered in, whose territory it applies for;
    /// nil when an administrator allowed it territories in other countries (a cross-border body).
    public let homeCountry: String?

    public init(regions: Set<String>, countries: Set<String>, topics: Set<String>, names: [String: String] = [:],
                homeCountry: String? = nil) {
        self.regions = regions
        self.countries = countries
        self.topics = topics
        self.names = names
        self.homeCountry = homeCountry
    }

    func name(_ code: String) -> String {
        names[code] ?? code
    }
}

/// The checks on an application: light ones on every save of a draft, all of them at submission.
public enum ApplicationRules {
    public static let needsRange = 100...5000
    public static let longTextLimit = 5000
    public static let justificationMinimum = 50
    public static let justificationLimit = 2000
    public static let shortTextLimit = 300

    /// Problems that make even a draft unsavable: values of the wrong kind or too long.
    /// Missing values are fine in a draft.
    public static func draftProblems(_ content: ApplicationContent, reference: ApplicationReference) -> FieldErrors {
        var errors = FieldErrors()
        checkLength(content.organisationName, "organisationName", shortTextLimit, &errors)
        if let type = content.authorityType, !type.isEmpty, AuthorityType(rawValue: type) == nil {
            errors.add("authorityType", "choose a regional authority, a national authority or an ERDF managing authority; other organisations are not eligible")
        }
        if let contact = content.contact {
            checkLength(contact.name, "contact.name", 200, &errors)
            checkLength(contact.position, "contact.position", 200, &errors)
            if let email = contact.email, !email.isEmpty, Credentials.normalisedEmail(email) == nil {
                errors.add("contact.email", "enter an email address such as name@region.eu")
            }
            if let phone = contact.phone, !phone.isEmpty,
               phone.count > 40 || !phone.allSatisfy({ $0.isNumber || " +()-./".contains($0) }) {
                errors.add("contact.phone", "enter a phone number with digits, spaces and + ( ) - only")
            }
        }
        // Caught at once, with what it may have meant, rather than at submission weeks later.
        if let text = content.territory, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
           case .failure(let problem) = Territory.parse(text, authority: .nationalAuthority, regions: reference.regions,
                                                        countries: reference.countries, names: reference.names) {
            errors.add("territory", problem.message)
        }
        for topic in content.topics ?? [] where !reference.topics.contains(topic) {
            errors.add("topics", "“\(topic)” is not a topic of the catalogue")
        }
        checkLength(content.otherTopic, "otherTopic", 1000, &errors)
        var kinds: Set<String> = []
        for (index, challenge) in (content.challenges ?? []).enumerated() {
            if ChallengeKind(rawValue: challenge.kind) == nil {
                errors.add("challenges[\(index)].kind", "must be one of \(ChallengeKind.allCases.map(\.rawValue).joined(separator: ", "))")
            } else if !kinds.insert(challenge.kind).inserted {
                errors.add("challenges[\(index)].kind", "\(challenge.kind) is declared twice")
            }
            checkLength(challenge.justification, "challenges[\(index)].justification", justificationLimit, &errors)
        }
        for (field, value) in [("needs", content.needs), ("s3Context", content.s3Context),
                               ("stakeholders", content.stakeholders), ("expectedResults", content.expectedResults)] {
            checkLength(value, field, longTextLimit, &errors)
        }
        if let languages = content.languages, languages.count > 10 || languages.contains(where: { $0.count > 50 }) {
            errors.add("languages", "list at most 10 languages, each in up to 50 characters")
        }
        return errors
    }

    /// Everything checked at submission: eligibility (authority type, territory, the S3
    /// confirmation) and every required field. An empty result means the application may be submitted.
    public static func submissionProblems(_ content: ApplicationContent, reference: ApplicationReference) -> FieldErrors {
        var errors = draftProblems(content, reference: reference)
        func required(_ value: String?, _ field: String, _ message: String) {
            if (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, errors.messages[field] == nil {
                errors.add(field, message)
            }
        }
        required(content.organisationName, "organisationName", "enter the name of the authority")
        let authority = AuthorityType(rawValue: content.authorityType ?? "")
        if authority == nil, errors.messages["authorityType"] == nil {
            errors.add("authorityType", "choose the type of authority")
        }
        if content.s3ResponsibilityConfirmed != true {
            errors.add("s3ResponsibilityConfirmed", "confirm that this authority is in charge of managing the S3 of the territory; only such an authority is eligible")
        }
        if errors.messages["territory"] == nil {
            switch Territory.parse(content.territory ?? "", authority: authority, regions: reference.regions,
                                   countries: reference.countries, names: reference.names) {
            case .failure(let problem):
                errors.add("territory", problem.message)
            case .success(let territory):
                let country = String(territory.code.prefix(2))
                if let home = reference.homeCountry, country != home {
                    let place = territory.code == country
                        ? "\(reference.name(country)) is not the country your authority is registered in (\(reference.name(home)))"
                        : "\(reference.name(territory.code)) is in \(reference.name(country)), but your authority is registered in \(reference.name(home))"
                    errors.add("territory", place + ": an authority applies for its own country's territory; if yours manages one across a border, ask an S3Desk administrator to allow it")
                }
            }
        }
        required(content.contact?.name, "contact.name", "enter the name of the contact person")
        required(content.contact?.email, "contact.email", "enter the contact person's email address")
        required(content.contact?.position, "contact.position", "enter the contact person's position")
        let topics = content.topics ?? []
        if topics.isEmpty, errors.messages["topics"] == nil {
            errors.add("topics", "choose at least one topic")
        }
        if topics.contains("other") {
            required(content.otherTopic, "otherTopic", "describe the other need, since you chose “Other”")
        }
        for (index, challenge) in (content.challenges ?? []).enumerated() {
            let length = challenge.justification.trimmingCharacters(in: .whitespacesAndNewlines).count
            if length < justificationMinimum {
                errors.add("challenges[\(index)].justification",
                           "explain this challenge in at least \(justificationMinimum) characters (now \(length))")
            }
        }
        let needs = (content.needs ?? "").trimmingCharacters(in: .whitespacesAndNewlines).count
        if !needsRange.contains(needs), errors.messages["needs"] == nil {
            errors.add("needs", "describe the problem and the support expected in \(needsRange.lowerBound) to \(needsRange.upperBound) characters (now \(needs))")
        }
        required(content.s3Context, "s3Context", "describe the S3 context: the priority areas concerned")
        required(content.stakeholders, "stakeholders", "say which stakeholders will take part")
        required(content.expectedResults, "expectedResults", "describe the results you expect")
        if (content.languages ?? []).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }), errors.messages["languages"] == nil {
            errors.add("languages", "give at least one preferred language of work")
        }
        return errors
    }

    private static func checkLength(_ value: String?, _ field: String, _ limit: Int, _ errors: inout FieldErrors) {
        if let value, value.count > limit {
            errors.add(field, "keep this within \(limit) characters (now \(value.count))")
        }
    }
}
