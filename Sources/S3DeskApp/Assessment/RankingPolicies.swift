import Fluent
import S3DeskDomain
import Vapor

/// The policy's input is the API's body as it is.
extension RankingPolicyInput: Content {}

enum RankingPolicies {
    /// Saves the policy, sets the capacity of every round not yet endorsed, and recomputes the
    /// priority stored with the call's applications outside endorsed rounds (`PriorityRefresh`).
    static func update(_ call: Call, with body: RankingPolicyInput, by user: User, in context: ServiceContext) async throws {
        let now = context.now
        guard call.policy(for: user, at: now).canChangeRankingPolicy else { throw AppError.forbidden }
        let (policy, capacity) = try body.validated()
        let callID = try call.requireID()
        let endorsed = try await context.db.writeTransaction { db in
            // Endorsements take their round's lock: holding the call's rounds, none slips in between.
            try await db.lockRows(Round.schema, where: "call_id", is: callID)
            let endorsed = try await Endorsement.query(on: db).filter(\.$endorsed == true)
                .join(Round.self, on: \Endorsement.$round.$id == \Round.$id).filter(Round.self, \.$call.$id == callID).all(\.$round.$id)
            call.storedRankingPolicy = policy
            call.capacityPerRound = capacity
            call.updatedAt = now
            try await call.save(on: db)
            // An endorsed round keeps the capacity its decisions were endorsed with.
            let open = Round.query(on: db).filter(\.$call.$id == callID)
            if !endorsed.isEmpty { open.filter(\.$id !~ endorsed) }
            try await open.set(\.$capacity, to: capacity).update()
            try await AuditLog.record(.rankingPolicyChanged, subject: .call(callID), summary: summary(policy, capacity: capacity),
                                      actor: user, at: now, on: db)
            try await PriorityRefresh.refresh(.call(callID), reason: "the call's ranking policy changed", actor: user, at: now, on: db)
            return Set(endorsed)
        }
        for round in call.rounds where !endorsed.contains(where: { $0 == round.id }) { round.capacity = capacity }
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
        routes.get(APIURL.rankingPolicy.path, use: show)
        routes.put(APIURL.rankingPolicy.path, use: update)
    }

    @Sendable
    func show(req: Request) async throws -> RankingPolicyInput {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        guard call.policy(for: user, at: req.now).canViewRankingPolicy else { throw AppError.forbidden }
        return RankingPolicyInput(call.rankingPolicy, capacity: call.capacityPerRound)
    }

    @Sendable
    func update(req: Request) async throws -> RankingPolicyInput {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        // Refused before the body is read: who may not change the policy learns nothing from a 422.
        guard call.policy(for: user, at: req.now).canChangeRankingPolicy else { throw AppError.forbidden }
        try await RankingPolicies.update(call, with: try req.content.decode(RankingPolicyInput.self), by: user, in: req.services)
        return RankingPolicyInput(call.rankingPolicy, capacity: call.capacityPerRound)
    }
}
