import Fluent
import S3DeskDomain
import Vapor

/// The policy's input is the API's body as it is.
extension RankingPolicyInput: Content {}

enum RankingPolicies {
    /// Saves the policy, sets the capacity of every round not yet endorsed, and recomputes the priority bonus stored
    /// with each of the call's applications (lists sort by it): one update per distinct bonus.
    static func update(_ call: Call, with body: RankingPolicyInput, by user: User, on request: Request) async throws {
        guard user.role.may(.decide) else { throw AppError.forbidden }
        let (policy, capacity) = try body.validated()
        let callID = try call.requireID()
        let applications = try await ApplicationRecord.query(on: request.db).filter(\.$call.$id == callID).all()
        let categories = try await RegionCategories.load(on: request.db)
        var idsByBonus: [Int: [UUID]] = [:]
        for application in applications where categories.isKnown(application.territory) {
            let bonus = categories.priority(territory: application.territory, challenges: application.content.declaredChallenges,
                                            policy: policy.priority).total
            if bonus != application.priorityBonus { idsByBonus[bonus, default: []].append(try application.requireID()) }
        }
        let updates = idsByBonus
        // An endorsed round keeps the capacity its decisions were endorsed with.
        let endorsed = try await Endorsement.query(on: request.db).filter(\.$endorsed == true)
            .join(Round.self, on: \Endorsement.$round.$id == \Round.$id).filter(Round.self, \.$call.$id == callID).all(\.$round.$id)
        try await request.db.writeTransaction { db in
            call.storedRankingPolicy = policy
            call.capacityPerRound = capacity
            call.updatedAt = request.now
            try await call.save(on: db)
            try await Round.query(on: db).filter(\.$call.$id == callID).filter(\.$id !~ endorsed).set(\.$capacity, to: capacity).update()
            for (bonus, ids) in updates {
                try await ApplicationRecord.query(on: db).filter(\.$id ~~ ids).set(\.$priorityBonus, to: bonus).update()
            }
            try await AuditLog.record(.rankingPolicyChanged, subject: .call(callID), summary: summary(policy, capacity: capacity),
                                      actor: user, at: request.now, on: db)
        }
        for round in call.rounds where !endorsed.contains(round.id!) { round.capacity = capacity }
    }

    static func summary(_ policy: RankingPolicy, capacity: Int) -> String {
        "bonuses \(policy.lessDevelopedBonus)/\(policy.transitionBonus)/\(policy.moreDevelopedBonus), "
            + "+\(policy.perChallenge) per challenge up to \(policy.challengeCap), threshold \(policy.meritThreshold), "
            + "\(policy.minimumAssessments) assessments, \(capacity) per round"
    }
}

/// `/api/v1/calls/{id}/ranking-policy`: staff read it; the secretariat changes it.
struct RankingPolicyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("calls", ":id", "ranking-policy", use: show)
        routes.put("calls", ":id", "ranking-policy", use: update)
    }

    @Sendable
    func show(req: Request) async throws -> RankingPolicyInput {
        try req.require(.viewAllApplications)
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        return RankingPolicyInput(call.rankingPolicy, capacity: call.capacityPerRound)
    }

    @Sendable
    func update(req: Request) async throws -> RankingPolicyInput {
        let user = try req.require(.decide)
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        try await RankingPolicies.update(call, with: try req.content.decode(RankingPolicyInput.self), by: user, on: req)
        return RankingPolicyInput(call.rankingPolicy, capacity: call.capacityPerRound)
    }
}
