import Fluent
import S3DeskDomain

/// An expert's profile as the web form holds it: lists as text, one entry per line or comma.
struct ExpertProfileForm: Codable, Sendable {
    var name: String?
    var email: String?
    var phone: String?
    var profile: String?
    var topics: [String]?
    var methods: [String]?
    var countries: String?
    var languages: String?
    var availableDays: String?
    var availableFrom: String?
    var availableUntil: String?
    var maxAssignments: String?
    var conflictRegions: String?
    var conflictOrganisations: String?
    /// The new account's language, when the expert is added.
    var language: String?

    init(_ profile: ExpertProfile) {
        name = profile.name
        email = profile.email
        phone = profile.phone
        self.profile = profile.profile
        topics = profile.topics
        methods = profile.methods
        countries = profile.countries.joined(separator: ", ")
        languages = profile.languages.joined(separator: ", ")
        availableDays = profile.availableDays.formatted()
        availableFrom = profile.availableFrom
        availableUntil = profile.availableUntil
        maxAssignments = String(profile.maxAssignments)
        conflictRegions = profile.conflictRegions.joined(separator: ", ")
        conflictOrganisations = profile.conflictOrganisations.joined(separator: "\n")
    }

    private static func list(_ text: String?, lines: Bool = false) -> [String] {
        (text ?? "").split(whereSeparator: { $0.isNewline || (!lines && ($0 == "," || $0 == ";")) }).map(String.init)
    }

    /// The profile it describes; a number that is not one is refused by name, not read as zero.
    func profile(email fixed: String?) throws -> ExpertProfile {
        var errors = FieldErrors()
        let days = Double((availableDays ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
        if days == nil { errors.add("availableDays", "give the available days as a number, such as 40 or 12.5") }
        let most = Int((maxAssignments ?? "").trimmingCharacters(in: .whitespaces))
        if most == nil { errors.add("maxAssignments", "give the most assignments at a time as a whole number") }
        try errors.throwIfAny()
        return ExpertProfile(name: name ?? "", email: fixed ?? email ?? "", phone: phone ?? "", profile: profile ?? "", topics: topics ?? [],
                             methods: methods ?? [], countries: Self.list(countries), languages: Self.list(languages),
                             availableDays: days!, availableFrom: availableFrom ?? "", availableUntil: availableUntil ?? "",
                             maxAssignments: most!, conflictRegions: Self.list(conflictRegions),
                             conflictOrganisations: Self.list(conflictOrganisations, lines: true))
    }
}

/// Adding an expert, the secretariat editing one, and the expert keeping their own profile.
struct ExpertFormPage: Encodable {
    let layout: Layout
    let csrfToken: String
    let heading: String
    let action: String
    let emailEditable: Bool
    let form: ExpertProfileForm
    let topics: [SelectOption]
    let methods: [SelectOption]
    /// The new account's language, offered when the expert is added.
    let languages: [SelectOption]
    let errors: [String: String]
    let refusal: String?
    let saved: Bool

    static func load(heading: String, action: String, emailEditable: Bool, form: ExpertProfileForm, keeping expert: Expert?,
                     errors: [String: String], refusal: String?, saved: Bool, layout: Layout, csrfToken: String,
                     language: Language, codes: ReferenceCodes, on db: any Database) async throws -> ExpertFormPage {
        let choices = try await Experts.choices(keeping: expert, codes: codes, on: db)
        let topics = try await TopicRecord.query(on: db).sort(\.$position).all().filter { choices.topics.contains($0.id ?? "") }
        let chosenTopics = Set(form.topics ?? [])
        let chosenMethods = Set(form.methods ?? [])
        var seen = Set<String>()
        let methods = (topics.flatMap(\.methods) + choices.methods.sorted()).filter { choices.methods.contains($0) && seen.insert($0).inserted }
        return ExpertFormPage(layout: layout, csrfToken: csrfToken, heading: heading, action: action, emailEditable: emailEditable,
                              form: form, topics: topics.map { SelectOption(value: $0.id ?? "", label: $0.title, selected: chosenTopics.contains($0.id ?? "")) },
                              methods: methods.map { SelectOption(value: $0, label: $0, selected: chosenMethods.contains($0)) },
                              languages: SelectOption.languages(selected: form.language ?? language.rawValue),
                              errors: errors, refusal: refusal, saved: saved)
    }
}
