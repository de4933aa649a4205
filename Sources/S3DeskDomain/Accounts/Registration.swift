/// A person registering their authority, as typed, before any check.
public struct RegistrationInput: Sendable, Equatable {
    public var email: String?
    public var password: String?
    public var name: String?
    public var organisationName: String?
    public var authorityType: String?
    public var territory: String?

    public init(email: String? = nil, password: String? = nil, name: String? = nil,
                organisationName: String? = nil, authorityType: String? = nil, territory: String? = nil) {
        self.email = email
        self.password = password
        self.name = name
        self.organisationName = organisationName
        self.authorityType = authorityType
        self.territory = territory
    }
}

/// A registration whose every field was checked.
public struct Registration: Sendable, Equatable {
    public let email: String
    public let password: String
    public let name: String
    public let organisationName: String
    public let authorityType: AuthorityType
    public let territory: Territory
}

extension RegistrationInput {
    /// Checks every field against the rules and the reference lists; reports all problems,
    /// keyed by the API's field names (`organisation.name` and so on).
    public func validated(regions: Set<String>, countries: Set<String>, names: [String: String] = [:]) throws(FieldErrors) -> Registration {
        var errors = FieldErrors()
        let email = Credentials.normalisedEmail(self.email ?? "")
        if email == nil { errors.add("email", "enter an email address such as name@region.eu") }
        let password = self.password ?? ""
        if let problem = Credentials.passwordProblem(password) { errors.add("password", problem) }
        let name = (self.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("name", "enter your name (up to 200 characters)") }
        let organisationName = (self.organisationName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if organisationName.isEmpty || organisationName.count > 300 {
            errors.add("organisation.name", "enter the name of your authority (up to 300 characters)")
        }
        let authority = AuthorityType(rawValue: authorityType ?? "")
        if authority == nil {
            errors.add("organisation.authorityType",
                       "choose a regional authority, a national authority or an ERDF managing authority; other organisations are not eligible")
        }
        var territory: Territory?
        switch Territory.parse(self.territory ?? "", authority: authority, regions: regions, countries: countries, names: names) {
        case .success(let parsed): territory = parsed
        case .failure(let problem): errors.add("organisation.territory", problem.message)
        }
        try errors.throwIfAny()
        return Registration(email: email!, password: password, name: name, organisationName: organisationName,
                            authorityType: authority!, territory: territory!)
    }
}
