import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// The Commission endorses a round's decisions, or returns them with a comment. Endorsing
/// makes every decision take effect at once: statuses change, applicants are emailed.
enum Endorsements {
    /// Where the round stands: its endorsement if there is one (it is final), else the latest
    /// return, else nil. (Asked in that order because two acts may share a timestamp.)
    static func latest(of roundID: UUID, on db: any Database) async throws -> Endorsement? {
        if let endorsed = try await Endorsement.query(on: db).filter(\.$round.$id == roundID).filter(\.$endorsed == true).first() {
            return endorsed
        }
        return try await Endorsement.query(on: db).filter(\.$round.$id == roundID).sort(\.$at, .descending).first()
    }

    static func record(_ round: Round, endorsed: Bool, comment: String, by user: User, in context: ServiceContext) async throws -> Endorsement {
        guard user.role.may(.endorse) else { throw AppError.forbidden }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = EndorsementRules.commentProblem(endorsed: endorsed, comment: comment) {
            throw AppError.invalidField("comment", problem)
        }
        let roundID = try round.requireID()
        let policy = round.call.rankingPolicy
        let now = context.now
        let publicURL = context.publicURL
        let logger = context.logger
        let messages = context.messages
        // Everything is read under the round's lock, so that a decision changed, an application
        // withdrawn or a second endorsement at the same moment waits, and what is endorsed is
        // exactly what was checked.
        return try await context.db.writeTransaction { db in
            try await db.lockRow(Round.schema, id: roundID)
            let applications = try await ApplicationRecord.query(on: db).filter(\.$round.$id == roundID)
                .filter(\.$status ~~ [.submitted, .underAssessment]).with(\.$createdBy).sort(\.$reference).all()
            let assessing = applications.filter { $0.status == .underAssessment }
            let assessingIDs = Set(assessing.compactMap(\.id))
            // Decisions on applications withdrawn or cancelled since are not the round's to endorse.
            let decisions = try await Decision.query(on: db).filter(\.$round.$id == roundID).filter(\.$endorsedAt == nil).all()
                .filter { assessingIDs.contains($0.$application.id) }
            let decided = Dictionary(decisions.map { ($0.$application.id, $0) }, uniquingKeysWith: { first, _ in first })
            // Returning asks the secretariat to reconsider: it needs decisions, not all of them.
            if let refusal = EndorsementRules.refusal(
                alreadyEndorsed: try await latest(of: roundID, on: db)?.endorsed ?? false,
                awaitingCutoff: endorsed ? applications.count - assessing.count : 0,
                undecided: endorsed ? assessing.filter { application in application.id.map { decided[$0] == nil } ?? true }.map(\.reference) : [],
                pending: decisions.count) {
                throw AppError.conflict(refusal.code, refusal.message)
            }
            // Endorsing was refused above unless every application has its decision.
            let endorsing = assessing.compactMap { application in application.id.flatMap { decided[$0] }.map { (application, $0) } }
            if endorsed {
                try await recheck(endorsing, policy: policy, capacity: round.capacity, on: db)
            }
            let endorsement = Endorsement()
            endorsement.$round.id = roundID
            endorsement.endorsed = endorsed
            endorsement.comment = comment
            endorsement.$officer.id = try user.requireID()
            endorsement.at = now
            try await endorsement.create(on: db)
            try await AuditLog.record(endorsed ? .roundEndorsed : .roundReturned, subject: .round(roundID),
                                      summary: endorsed ? "\(assessing.count) decisions endorsed" + (comment.isEmpty ? "" : ": \(comment)") : comment,
                                      actor: user, at: now, on: db)
            guard endorsed else {
                try await tellDeciders(decisions, round: round, comment: comment, officer: user, link: publicURL + SiteURL.round(roundID),
                                       messages: messages, at: now, on: db, logger: logger)
                return endorsement
            }
            try await apply(endorsing, officer: user, at: now, on: db)
            try await Outbox.enqueue(endorsing.map { application, decision in
                messages.decision(in: application.createdBy.language ?? .en, to: application.createdBy.email, name: application.createdBy.name,
                                  reference: application.reference, decision: decision.decision, reason: decision.reason,
                                  link: publicURL + SiteURL.application(decision.$application.id))
            }, at: now, on: db, logger: logger)
            return endorsement
        }
    }

    /// A return is for the secretariat to act on: whoever proposed the decisions is emailed.
    private static func tellDeciders(_ decisions: [Decision], round: Round, comment: String, officer: User, link: String,
                                     messages: Messages, at now: Date, on db: any Database, logger: Logger) async throws {
        let deciders = try await User.query(on: db).filter(\.$id ~~ Set(decisions.map(\.$decidedBy.id))).sort(\.$email).all()
        try await Outbox.enqueue(deciders.map { decider in
            messages.decisionsReturned(in: decider.language ?? .en, to: decider.email, name: decider.name, callTitle: round.call.title,
                                       round: round.number, officer: officer.name, comment: comment, link: link)
        }, at: now, on: db, logger: logger)
    }

    /// The decisions must still hold when endorsed: a score added since, or a policy changed
    /// since, may have put a selection below the threshold or the selections above capacity.
    private static func recheck(_ endorsing: [(ApplicationRecord, Decision)], policy: RankingPolicy,
                                capacity: Int, on db: any Database) async throws {
        guard let roundID = endorsing.first?.1.$round.id else { return }
        let tallies = try await ScoreTally.load(round: roundID, on: db)
        let selected = try await Decisions.selectedInRound(roundID, on: db)
        var problems: [String] = []
        for (application, decision) in endorsing {
            let tally = tallies[decision.$application.id] ?? ScoreTally()
            let others = selected - (decision.decision == .selected ? 1 : 0)
            if let refusal = DecisionRules.refusal(of: decision.decision, scoreSum: tally.sum, scoreCount: tally.scored,
                                                   policy: policy, selectedElsewhere: others, capacity: capacity) {
                problems.append("\(application.reference) (\(decision.decision.label.lowercased())): \(refusal.message)")
            }
        }
        guard problems.isEmpty else {
            throw AppError.conflict("decisions_changed", "some decisions no longer hold; change them first: " + problems.prefix(10).joined(separator: "; "))
        }
    }

    /// Moves each application to its decision's status: one update per kind of decision and one
    /// insert of the transitions, whatever the size of the round.
    private static func apply(_ endorsing: [(ApplicationRecord, Decision)], officer: User,
                              at now: Date, on db: any Database) async throws {
        var transitions: [ApplicationTransition] = []
        var idsByKind: [DecisionKind: [UUID]] = [:]
        for (_, decision) in endorsing {
            let id = decision.$application.id
            idsByKind[decision.decision, default: []].append(id)
            transitions.append(ApplicationTransition(applicationID: id, at: now, actorID: decision.$decidedBy.id,
                                                     from: .underAssessment, to: decision.decision.status,
                                                     reason: "\(decision.reason) (endorsed by \(officer.name))"))
        }
        for (kind, ids) in idsByKind {
            try await ApplicationRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$status == .underAssessment)
                .set(\.$status, to: kind.status).set(\.$updatedAt, to: now).update()
        }
        try await Decision.query(on: db).filter(\.$application.$id ~~ endorsing.map { $0.1.$application.id }).filter(\.$endorsedAt == nil)
            .set(\.$endorsedAt, to: now).update()
        try await transitions.createInBatches(on: db)
    }
}

struct EndorsementDTO: Content {
    let id: UUID
    let roundId: UUID
    let endorsed: Bool
    let comment: String
    let officerId: UUID
    let at: String

    init(_ endorsement: Endorsement) throws {
        id = try endorsement.requireID()
        roundId = endorsement.$round.id
        endorsed = endorsement.endorsed
        comment = endorsement.comment
        officerId = endorsement.$officer.id
        at = Instant.format(endorsement.at)
    }
}
