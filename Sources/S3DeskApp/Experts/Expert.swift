import Fluent
import S3DeskDomain
import Vapor

/// An expert of the pool: their account signs in with the `expert` role.
///
/// Committed days and assignments held are kept on the row, changed under its lock whenever an
/// assignment takes or frees the expert, so two assignments at once cannot both take the last days.
final class Expert: Model, @unchecked Sendable {
    static let schema = "experts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    /// A short profile: background, sectors, past work.
    @Field(key: "profile") var profile: String
    @Field(key: "topics") var topics: [String]
    @Field(key: "methods") var methods: [String]
    @Field(key: "countries") var countries: [String]
    @Field(key: "languages") var languages: [String]
    @Field(key: "available_days") var availableDays: Double
    @Field(key: "available_from") var availableFrom: String
    @Field(key: "available_until") var availableUntil: String
    @Field(key: "max_assignments") var maxAssignments: Int
    @Field(key: "conflict_regions") var conflictRegions: [String]
    @Field(key: "conflict_organisations") var conflictOrganisations: [String]
    @Field(key: "committed_days") var committedDays: Double
    @Field(key: "assignments_held") var assignmentsHeld: Int
    @Field(key: "search_name") var searchName: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var freeDays: Double { availableDays - committedDays }

    var facts: ExpertFacts {
        ExpertFacts(topics: Set(topics), methods: Set(methods), countries: Set(countries), languages: languages,
                    freeDays: freeDays, assignmentsHeld: assignmentsHeld, maxAssignments: maxAssignments,
                    conflictRegions: Set(conflictRegions), conflictOrganisations: conflictOrganisations)
    }

    var profileInput: ExpertProfile {
        ExpertProfile(name: name, email: email, phone: phone, profile: profile, topics: topics, methods: methods,
                      countries: countries, languages: languages, availableDays: availableDays, availableFrom: availableFrom,
                      availableUntil: availableUntil, maxAssignments: maxAssignments, conflictRegions: conflictRegions,
                      conflictOrganisations: conflictOrganisations)
    }

    func apply(_ profile: ExpertProfile) {
        name = profile.name
        phone = profile.phone
        self.profile = profile.profile
        topics = profile.topics
        methods = profile.methods
        countries = profile.countries
        languages = profile.languages
        availableDays = profile.availableDays
        availableFrom = profile.availableFrom
        availableUntil = profile.availableUntil
        maxAssignments = profile.maxAssignments
        conflictRegions = profile.conflictRegions
        conflictOrganisations = profile.conflictOrganisations
        searchName = profile.name.lowercased()
    }

    /// What `user` may do with this profile.
    func policy(for user: User) -> ExpertPolicy {
        ExpertPolicy(role: user.role, isSelf: user.id != nil && user.id == $user.id)
    }
}

/// One topic, country or language of an expert, for indexed search.
final class ExpertFacet: Model, @unchecked Sendable {
    static let schema = "expert_facets"

    enum Kind: String, Codable, CaseIterable {
        case topic
        case country
        case language
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "expert_id") var expert: Expert
    @Enum(key: "kind") var kind: Kind
    @Field(key: "value") var value: String

    init() {}

    init(expertID: UUID, kind: Kind, value: String) {
        $expert.id = expertID
        self.kind = kind
        self.value = value
    }

    /// The facets of `expert`'s profile, languages by their canonical key so "el" finds "Greek".
    static func of(_ expert: Expert) throws -> [ExpertFacet] {
        let id = try expert.requireID()
        return expert.topics.map { ExpertFacet(expertID: id, kind: .topic, value: $0) }
            + expert.countries.map { ExpertFacet(expertID: id, kind: .country, value: $0) }
            + Set(expert.languages.map(LanguageNames.key)).sorted().map { ExpertFacet(expertID: id, kind: .language, value: $0) }
    }
}
