import Foundation

/// An expert's profile as it is entered, by the secretariat or by the expert.
public struct ExpertProfile: Sendable, Equatable, Codable {
    public var name: String
    public var email: String
    public var phone: String
    public var profile: String
    public var topics: [String]
    public var methods: [String]
    /// Country codes of experience.
    public var countries: [String]
    public var languages: [String]
    /// Days the expert can give in the period below.
    public var availableDays: Double
    public var availableFrom: String
    public var availableUntil: String
    public var maxAssignments: Int
    /// NUTS codes of regions, or country codes for a whole country.
    public var conflictRegions: [String]
    public var conflictOrganisations: [String]

    public init(name: String, email: String, phone: String = "", profile: String = "", topics: [String], methods: [String] = [],
                countries: [String], languages: [String], availableDays: Double, availableFrom: String, availableUntil: String,
                maxAssignments: Int = 2, conflictRegions: [String] = [], conflictOrganisations: [String] = []) {
        self.name = name
        self.email = email
        self.phone = phone
        self.profile = profile
        self.topics = topics
        self.methods = methods
        self.countries = countries
        self.languages = languages
        self.availableDays = availableDays
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.maxAssignments = maxAssignments
        self.conflictRegions = conflictRegions
        self.conflictOrganisations = conflictOrganisations
    }
}

/// What may be named in a profile: the catalogue and the reference data.
public struct ProfileChoices: Sendable {
    public let topics: Set<String>
    public let methods: Set<String>
    public let countries: Set<String>
    /// Region codes and country codes.
    public let territories: Set<String>

    public init(topics: Set<String>, methods: Set<String>, countries: Set<String>, territories: Set<String>) {
        self.topics = topics
        self.methods = methods
        self.countries = countries
        self.territories = territories
    }
}

public enum ExpertProfileRules {
    public static let nameLength = 1...200
    public static let profileLength = 0...5_000
    public static let maxListed = 30
    public static let days = 0.0...260.0
    public static let assignments = 1...10

    /// The profile trimmed, codes upper-cased, lists without empty or repeated entries.
    public static func normalised(_ profile: ExpertProfile) -> ExpertProfile {
        var clean = profile
        clean.name = profile.name.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.email = Credentials.normalisedEmail(profile.email) ?? profile.email.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.phone = profile.phone.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.profile = profile.profile.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.topics = self.clean(profile.topics)
        clean.methods = self.clean(profile.methods)
        clean.countries = self.clean(profile.countries).map { $0.uppercased() }
        clean.languages = self.clean(profile.languages)
        clean.conflictRegions = self.clean(profile.conflictRegions).map { $0.uppercased() }
        clean.conflictOrganisations = self.clean(profile.conflictOrganisations)
        clean.availableFrom = profile.availableFrom.trimmingCharacters(in: .whitespaces)
        clean.availableUntil = profile.availableUntil.trimmingCharacters(in: .whitespaces)
        return clean
    }

    private static func clean(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// What is wrong with a normalised profile, by field (the API's names).
    public static func problems(_ profile: ExpertProfile, choices: ProfileChoices) -> FieldErrors {
        var errors = FieldErrors()
        if !nameLength.contains(profile.name.count) { errors.add("name", "enter the expert's name, up to 200 characters") }
        if Credentials.normalisedEmail(profile.email) == nil { errors.add("email", "enter an email address such as name@example.eu") }
        if profile.phone.count > 50 { errors.add("phone", "a phone number takes up to 50 characters") }
        if !profileLength.contains(profile.profile.count) { errors.add("profile", "the profile takes up to 5,000 characters") }
        if profile.topics.isEmpty { errors.add("topics", "choose at least one topic of expertise") }
        for topic in profile.topics where !choices.topics.contains(topic) { errors.add("topics", "“\(topic)” is not a topic of the catalogue") }
        for method in profile.methods where !choices.methods.contains(method) { errors.add("methods", "“\(method)” is not a method of the catalogue") }
        for country in profile.countries where !choices.countries.contains(country) { errors.add("countries", "“\(country)” is not an EU country code") }
        if profile.languages.isEmpty { errors.add("languages", "give at least one working language") }
        if profile.languages.contains(where: { $0.count > 50 }) { errors.add("languages", "each language in up to 50 characters") }
        for region in profile.conflictRegions where !choices.territories.contains(region) {
            errors.add("conflictRegions", "“\(region)” is not a region or country code")
        }
        if profile.conflictOrganisations.contains(where: { $0.count > 300 }) {
            errors.add("conflictOrganisations", "each organisation in up to 300 characters")
        }
        for (field, list) in [("topics", profile.topics), ("methods", profile.methods), ("countries", profile.countries),
                              ("languages", profile.languages), ("conflictRegions", profile.conflictRegions),
                              ("conflictOrganisations", profile.conflictOrganisations)] where list.count > maxListed {
            errors.add(field, "list at most \(maxListed)")
        }
        if !days.contains(profile.availableDays) || (profile.availableDays * 2).rounded() != profile.availableDays * 2 {
            errors.add("availableDays", "give the available days in half days, from 0 to 260")
        }
        if !assignments.contains(profile.maxAssignments) { errors.add("maxAssignments", "an expert takes 1 to 10 assignments at a time") }
        let from = try? CivilDate(parsing: profile.availableFrom)
        let until = try? CivilDate(parsing: profile.availableUntil)
        if from == nil { errors.add("availableFrom", "give the first day of the period as YYYY-MM-DD") }
        if until == nil { errors.add("availableUntil", "give the last day of the period as YYYY-MM-DD") }
        if let from, let until, until < from { errors.add("availableUntil", "the period ends before it starts") }
        return errors
    }
}
