import Fluent
import S3DeskDomain
import Vapor

/// Keeps each application's stored priority current when what it rests on changes: a region's
/// category (a new edition of the reference data, or staff setting it) or the call's policy.
/// A round whose decisions were endorsed keeps the priorities it was endorsed with.
enum PriorityRefresh {
    enum Scope {
        /// Applications for these regions, and the national applications of their countries.
        case regions(Set<String>)
        /// Every application to this call.
        case call(UUID)
    }

    /// Recomputes, stores and audits; returns how many applications' bonus or category changed.
    /// Pass the transaction's database, so the new values commit with their cause.
    @discardableResult
    static func refresh(_ scope: Scope, reason: String, actor: User?, at now: Date, on db: any Database) async throws -> Int {
        let query = ApplicationRecord.query(on: db)
        let categories: RegionCategories
        switch scope {
        case .regions(let codes):
            guard !codes.isEmpty else { return 0 }
            let countries = Set(codes.map { String($0.prefix(2)) })
            query.filter(\.$territory ~~ codes.union(countries))
            categories = try await RegionCategories.load(countries: countries, on: db)
        case .call(let callID):
            query.filter(\.$call.$id == callID)
            categories = try await RegionCategories.load(on: db)
        }
        // The rounds' locks first, as endorsements and the cut-off job take them before they
        // update a round's applications: otherwise both could update the same rows in
        // different orders and deadlock. And only then which rounds are endorsed, so that an
        // endorsement committed while this waited is seen.
        try await db.lockRows(Round.schema, ids: try await query.copy().unique().all(\.$round.$id).compactMap { $0 })
        let endorsed = try await Endorsement.query(on: db).filter(\.$endorsed == true).unique().all(\.$round.$id)
        if !endorsed.isEmpty {
            query.group(.or) { $0.filter(\.$round.$id == nil).filter(\.$round.$id !~ endorsed) }
        }
        let changed = try await store(try await query.all(), categories: categories, on: db)
        let events = try changed.compactMap { application, previous -> AuditEvent? in
            let current = application.priority
            guard current?.total != previous?.total || current?.category != previous?.category else { return nil }
            return try AuditEvent(.priorityRecomputed, subject: .application(try application.requireID()),
                              summary: "priority bonus \(previous?.total ?? 0) → \(current?.total ?? 0), category "
                                  + "\((previous?.category ?? .unknown).label.lowercased()) → \((current?.category ?? .unknown).label.lowercased()): \(reason)",
                              actor: actor, at: now)
        }
        try await AuditLog.record(events, on: db)
        return events.count
    }

    /// Fills the priority of every application that has none (the migration that added it),
    /// endorsed rounds included: nothing was stored for them to keep.
    static func fillMissing(on db: any Database) async throws {
        let applications = try await ApplicationRecord.query(on: db).filter(\.$priority == nil).all()
        guard !applications.isEmpty else { return }
        _ = try await store(applications, categories: try await RegionCategories.load(on: db), on: db)
    }

    /// Computes each application's priority under its call's policy and writes those that
    /// differ: one update per distinct priority, not one per application.
    /// - Returns: the applications changed, each with its previous priority.
    private static func store(_ applications: [ApplicationRecord], categories: RegionCategories,
                              on db: any Database) async throws -> [(ApplicationRecord, Priority?)] {
        let callIDs = Set(applications.map(\.$call.id))
        let policies = Dictionary(uniqueKeysWithValues: try await Call.query(on: db).filter(\.$id ~~ callIDs).all()
            .map { (try $0.requireID(), $0.rankingPolicy.priority) })
        var changed: [(ApplicationRecord, Priority?)] = []
        var idsByPriority: [Priority?: [UUID]] = [:]
        for application in applications {
            let priority = categories.isKnown(application.territory)
                ? categories.priority(territory: application.territory, challenges: application.content.declaredChallenges,
                                      policy: policies[application.$call.id] ?? PriorityPolicy())
                : nil
            guard priority != application.priority else { continue }
            changed.append((application, application.priority))
            application.priority = priority
            application.category = priority?.category ?? .unknown
            application.priorityBonus = priority?.total ?? 0
            idsByPriority[priority, default: []].append(try application.requireID())
        }
        // The rows in id order before they are written, so that two refreshes at once (a policy
        // change, a region corrected) cannot each hold a row the other waits for.
        try await db.lockRows(ApplicationRecord.schema, ids: idsByPriority.values.flatMap { $0 })
        for (priority, ids) in idsByPriority {
            try await ApplicationRecord.query(on: db).filter(\.$id ~~ ids)
                .set(\.$priority, to: priority)
                .set(\.$category, to: priority?.category ?? .unknown)
                .set(\.$priorityBonus, to: priority?.total ?? 0)
                .update()
        }
        return changed
    }
}
