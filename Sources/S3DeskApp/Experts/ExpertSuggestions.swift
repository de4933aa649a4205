import Fluent
import S3DeskDomain
import Vapor

/// Who fits an assignment, and the best experts for a whole round at once (the domain's
/// `FitScore` and `ExpertMatching` over the pool).
enum ExpertSuggestions {
    /// What the assignment asks of an expert: the agreed scope's topics and methods once there is
    /// one, else the application's topics; its languages, country, region and authority.
    static func needs(of application: ApplicationRecord, scope: Scope? = nil, budget: Int, codes: ReferenceCodes,
                      on db: any Database) async throws -> AssignmentNeeds {
        let scope = if let scope { scope } else { try await Assignments.of(try application.requireID(), on: db)?.scope }
        let content = application.content
        return AssignmentNeeds(topics: Set(scope?.topics ?? content.topics ?? []), methods: Set(scope?.methods ?? []),
                               languages: content.languages ?? [], countryCode: application.countryCode,
                               territory: application.territory, organisationName: content.organisationName ?? "",
                               expertDays: budget, placeNames: codes.names)
    }

    /// Every expert of the pool with their fit, assignable ones first, best first, ties by name.
    static func rank(for found: AssignmentContext, codes: ReferenceCodes, on db: any Database) async throws -> [(expert: Expert, fit: ExpertFit)] {
        let needs = try await needs(of: found.application, scope: found.assignment.scope, budget: found.assignment.expertDaysBudget,
                                    codes: codes, on: db)
        let experts = try await Expert.pool(on: db).sort(\.$searchName).sort(\.$id).all()
        let byID = Dictionary(uniqueKeysWithValues: experts.compactMap { expert in expert.id.map { ($0, expert) } })
        return FitScore.rank(experts.compactMap { expert in expert.id.map { (id: $0, facts: expert.facts) } }, for: needs)
            .compactMap { ranked in byID[ranked.id].map { (expert: $0, fit: ranked.fit) } }
    }

    struct Proposal: Sendable {
        struct Pair: Sendable {
            let assignment: Assignment
            let application: ApplicationRecord
            let expert: Expert
            let score: Int
        }
        let pairs: [Pair]
        let total: Int
        /// Assignments of the round still without an expert that the proposal cannot serve.
        let unserved: [ApplicationRecord]
    }

    /// The optimal assignment of the pool to the round's assignments that still need an expert.
    static func proposal(for round: Round, codes: ReferenceCodes, on db: any Database) async throws -> Proposal {
        let assignments = try await Assignment.query(on: db).filter(\.$round.$id == round.requireID())
            .filter(\.$status == .scoping).filter(\.$expert.$id == nil).with(\.$application).sort(\.$createdAt).all()
        let experts = try await Expert.pool(on: db).sort(\.$searchName).sort(\.$id).all()
        var needs: [AssignmentNeeds] = []
        for assignment in assignments {
            needs.append(try await self.needs(of: assignment.application, scope: assignment.scope, budget: assignment.expertDaysBudget,
                                              codes: codes, on: db))
        }
        let result = ExpertMatching.propose(needs, experts: experts.map(\.facts))
        var pairs: [Proposal.Pair] = []
        var unserved: [ApplicationRecord] = []
        for (row, column) in result.expertFor.enumerated() {
            guard let column else { unserved.append(assignments[row].application); continue }
            pairs.append(Proposal.Pair(assignment: assignments[row], application: assignments[row].application, expert: experts[column],
                                       score: FitScore.fit(of: experts[column].facts, for: needs[row]).score))
        }
        return Proposal(pairs: pairs, total: result.total, unserved: unserved)
    }
}

extension Expert {
    /// The experts who may be proposed: an erased person's profile stays for the assignments
    /// that name it, but is no longer anyone to assign.
    static func pool(on db: any Database) -> QueryBuilder<Expert> {
        Expert.query(on: db).join(User.self, on: \Expert.$user.$id == \User.$id).filter(User.self, \.$erasedAt == nil)
    }
}
