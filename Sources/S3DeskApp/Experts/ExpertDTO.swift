import S3DeskDomain
import Vapor

/// The API's view of an expert of the pool.
struct ExpertDTO: Content {
    let id: UUID
    let userId: UUID
    let name: String
    let email: String
    let phone: String
    let profile: String
    let topics: [String]
    let methods: [String]
    let countries: [String]
    let languages: [String]
    let availableDays: Double
    let availableFrom: String
    let availableUntil: String
    let maxAssignments: Int
    let conflicts: Conflicts
    let assignmentsHeld: Int
    let committedDays: Double
    let freeDays: Double

    struct Conflicts: Content {
        let regions: [String]
        let organisations: [String]
    }

    init(_ expert: Expert) throws {
        id = try expert.requireID()
        userId = expert.$user.id
        name = expert.name
        email = expert.email
        phone = expert.phone
        profile = expert.profile
        topics = expert.topics
        methods = expert.methods
        countries = expert.countries
        languages = expert.languages
        availableDays = expert.availableDays
        availableFrom = expert.availableFrom
        availableUntil = expert.availableUntil
        maxAssignments = expert.maxAssignments
        conflicts = Conflicts(regions: expert.conflictRegions, organisations: expert.conflictOrganisations)
        assignmentsHeld = expert.assignmentsHeld
        committedDays = expert.committedDays
        freeDays = expert.freeDays
    }
}

/// An expert's fields as the API sends them (api.md); on a change, missing ones keep their value.
struct ExpertBody: Content {
    struct Conflicts: Content {
        let regions: [String]?
        let organisations: [String]?
    }

    let name: String?
    let email: String?
    let phone: String?
    let profile: String?
    let topics: [String]?
    let methods: [String]?
    let countries: [String]?
    let languages: [String]?
    let availableDays: Double?
    let availableFrom: String?
    let availableUntil: String?
    let maxAssignments: Int?
    let conflicts: Conflicts?
    /// The new account's language, when the expert is added; the expert changes it on their account.
    let language: String?

    /// Runs `action`, naming the conflicts' problems as the body nests them (`conflicts.regions`).
    static func namingFields<T>(_ action: () async throws -> T) async throws -> T {
        do {
            return try await action()
        } catch let errors as FieldErrors {
            var renamed = FieldErrors()
            let names = ["conflictRegions": "conflicts.regions", "conflictOrganisations": "conflicts.organisations"]
            for (field, message) in errors.messages.sorted(by: { $0.key < $1.key }) { renamed.add(names[field] ?? field, message) }
            throw renamed
        }
    }

    /// A new expert's period defaults to the coming year from `today`.
    func profile(over current: ExpertProfile?, today: CivilDate) -> ExpertProfile {
        ExpertProfile(name: name ?? current?.name ?? "", email: email ?? current?.email ?? "", phone: phone ?? current?.phone ?? "",
                      profile: profile ?? current?.profile ?? "", topics: topics ?? current?.topics ?? [],
                      methods: methods ?? current?.methods ?? [], countries: countries ?? current?.countries ?? [],
                      languages: languages ?? current?.languages ?? [], availableDays: availableDays ?? current?.availableDays ?? 0,
                      availableFrom: availableFrom ?? current?.availableFrom ?? today.description,
                      availableUntil: availableUntil ?? current?.availableUntil ?? today.adding(months: 12).description,
                      maxAssignments: maxAssignments ?? current?.maxAssignments ?? 2,
                      conflictRegions: conflicts?.regions ?? current?.conflictRegions ?? [],
                      conflictOrganisations: conflicts?.organisations ?? current?.conflictOrganisations ?? [])
    }
}
