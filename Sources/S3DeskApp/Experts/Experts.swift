import Fluent
import FluentSQL
import SQLKit
import S3DeskDomain
import Vapor

/// The expert pool: the secretariat adds experts (each gets an account and an invitation), the
/// expert keeps their profile and conflicts current, staff search it.
enum Experts {
    /// - Parameter language: the new account's (`en`, `fr`, `de`); without one, the language of whoever adds the expert.
    static func add(_ raw: ExpertProfile, language code: String? = nil, by user: User, in context: ServiceContext) async throws -> Expert {
        guard user.role.may(.manageExperts) else { throw AppError.forbidden }
        let profile = ExpertProfileRules.normalised(raw)
        var errors = ExpertProfileRules.problems(profile, choices: try await choices(keeping: nil, codes: context.codes, on: context.db))
        let language = errors.language(code) ?? user.language
        try errors.throwIfAny()
        let taken = AppError.conflict("account_exists", "\(profile.email) already has an S3Desk account; an expert needs an address of their own")
        let now = context.now
        let publicURL = context.publicURL
        // Two additions of the same address at once: the second meets the unique index.
        return try await DatabaseConstraint.refusing(taken) { try await context.db.writeTransaction { db in
            guard try await User.query(on: db).filter(\.$email == profile.email).count() == 0 else { throw taken }
            // No password until the expert follows the invitation.
            let account = User(email: profile.email, name: profile.name, role: .expert, passwordHash: "", createdAt: now)
            account.language = language
            try await account.create(on: db)
            let expert = Expert()
            expert.$user.id = try account.requireID()
            expert.email = profile.email
            expert.apply(profile)
            expert.committedDays = 0
            expert.assignmentsHeld = 0
            expert.createdAt = now
            expert.updatedAt = now
            try await expert.create(on: db)
            try await ExpertFacet.of(expert).create(on: db)
            let (token, clear) = try AccountToken.issue(.invitation, for: account, at: now, lifetime: AccountToken.Purpose.invitation.lifetime)
            try await token.create(on: db)
            try await AuditLog.record(.expertAdded, subject: .expert(try expert.requireID()), summary: "\(profile.name) <\(profile.email)>",
                                      actor: user, at: now, on: db)
            try await Outbox.enqueue(context.messages.expertInvitation(in: language ?? .en, to: profile.email, name: profile.name,
                                                                       link: publicURL + SiteURL.acceptInvitation(token: clear)),
                                     at: now, on: db, logger: context.logger)
            return expert
        } }
    }

    /// The address stays: it is the expert's sign-in.
    static func update(_ expert: Expert, with raw: ExpertProfile, by user: User, in context: ServiceContext) async throws -> Expert {
        guard expert.policy(for: user).canEdit else { throw AppError.forbidden }
        var normalised = ExpertProfileRules.normalised(raw)
        normalised.email = expert.email
        let profile = normalised
        try ExpertProfileRules.problems(profile, choices: try await choices(keeping: expert, codes: context.codes, on: context.db)).throwIfAny()
        let now = context.now
        let expertID = try expert.requireID()
        return try await context.db.writeTransaction { db in
            // Under the row's lock: an assignment taking days at the same moment sees one or the other.
            try await db.lockRow(Expert.schema, id: expertID)
            guard let fresh = try await Expert.find(expertID, on: db) else { throw AppError.notFound("expert") }
            guard profile.availableDays >= fresh.committedDays else {
                throw AppError.invalidField("availableDays", "the assignments held take \(Decimal2.format(fresh.committedDays)) days: give at least that many")
            }
            let before = fresh.profileInput
            fresh.apply(profile)
            fresh.updatedAt = now
            try await fresh.save(on: db)
            try await ExpertFacet.query(on: db).filter(\.$expert.$id == expertID).delete()
            try await ExpertFacet.of(fresh).create(on: db)
            try await User.query(on: db).filter(\.$id == fresh.$user.id).set(\.$name, to: profile.name).update()
            try await AuditLog.record(.expertUpdated, subject: .expert(expertID), summary: changes(from: before, to: fresh.profileInput),
                                      actor: user, at: now, on: db)
            return fresh
        }
    }

    /// What changed, in words, for the audit trail: conflicts of interest in full.
    private static func changes(from before: ExpertProfile, to after: ExpertProfile) -> String {
        var parts: [String] = []
        if before.conflictRegions != after.conflictRegions {
            parts.append("conflicting regions: " + (after.conflictRegions.isEmpty ? "none" : after.conflictRegions.joined(separator: ", ")))
        }
        if before.conflictOrganisations != after.conflictOrganisations {
            parts.append("conflicting organisations: " + (after.conflictOrganisations.isEmpty ? "none" : after.conflictOrganisations.joined(separator: "; ")))
        }
        if before.availableDays != after.availableDays || before.availableFrom != after.availableFrom || before.availableUntil != after.availableUntil {
            parts.append("available \(after.availableDays.formatted()) days from \(after.availableFrom) to \(after.availableUntil)")
        }
        if before.topics != after.topics || before.methods != after.methods { parts.append("expertise: " + after.topics.joined(separator: ", ")) }
        return parts.isEmpty ? "profile details" : parts.joined(separator: "; ")
    }

    /// What a profile may name: active topics and their methods, what the profile already had,
    /// the EU countries, and every region and country code for conflicts.
    static func choices(keeping expert: Expert?, codes: ReferenceCodes, on db: any Database) async throws -> ProfileChoices {
        let topics = try await TopicRecord.active(on: db)
        return ProfileChoices(topics: Set(topics.compactMap(\.id)).union(expert?.topics ?? []),
                              methods: Set(topics.flatMap(\.methods)).union(expert?.methods ?? []),
                              countries: codes.countries, territories: codes.countries.union(codes.regions))
    }

    struct Filters: Sendable {
        var topic: String?
        var country: String?
        var language: String?
        var minFreeDays: Double?
        var name: String?

        init(topic: String? = nil, country: String? = nil, language: String? = nil, minFreeDays: Double? = nil, name: String? = nil) {
            func value(_ text: String?) -> String? {
                text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            self.topic = value(topic)
            self.country = value(country)?.uppercased()
            self.language = value(language).map(LanguageNames.key)
            self.minFreeDays = minFreeDays
            self.name = value(name)?.lowercased()
        }
    }

    /// One page of the pool, by name. Each facet filter is one indexed lookup of expert ids.
    static func list(_ filters: Filters, page: PageRequest, on db: any Database) async throws -> (experts: [Expert], total: Int) {
        let query = Expert.query(on: db)
        for (kind, value) in [(ExpertFacet.Kind.topic, filters.topic), (.country, filters.country), (.language, filters.language)] {
            guard let value else { continue }
            let ids = try await ExpertFacet.query(on: db).filter(\.$kind == kind).filter(\.$value == value).all(\.$expert.$id)
            query.filter(\.$id ~~ ids)
        }
        if let name = filters.name {
            query.filter(ContainsFilter.filter("search_name", of: Expert.schema, contains: name, on: db))
        }
        if let minimum = filters.minFreeDays {
            query.filter(.sql(embed: "\(ident: "available_days") - \(ident: "committed_days") >= \(bind: minimum)"))
        }
        let (experts, total) = try await query.sort(\.$searchName).sort(\.$id).page(page)
        return (experts, total)
    }
}
