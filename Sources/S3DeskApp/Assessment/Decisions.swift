import Fluent
import S3DeskDomain
import Vapor

/// The secretariat's decisions: proposed until the Commission endorses the round; afterwards
/// only a reserve application can still be promoted, and that takes effect at once.
enum Decisions {
    static let reasonLength = 3...2_000
    /// Statuses in which a selection (proposed or endorsed) takes one of the round's places.
    static let holdingPlace: [ApplicationStatus] = [.underAssessment, .selected, .scoping, .launched, .completed]

    static func decide(_ application: ApplicationRecord, kind: DecisionKind, reason: String, by user: User,
                       in context: ServiceContext) async throws -> Decision {
        guard user.role.may(.decide) else { throw AppError.forbidden }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reasonLength.contains(reason.count) else {
            throw AppError.invalidField("reason", "give the reason for the decision, in 3 to 2,000 characters")
        }
        guard let round = application.round else {
            throw AppError.conflict("not_under_assessment", "application \(application.reference) was never submitted: there is nothing to decide")
        }
        let applicationID = try application.requireID()
        let roundID = try round.requireID()
        let policy = application.call.rankingPolicy
        let now = context.now
        if application.status == .reserve, kind == .selected {
            return try await promote(application, round: round, reason: reason, by: user, in: context)
        }
        // Checked and written under the round's lock: two decisions at once cannot both take
        // the last place, nor slip in while the Commission endorses.
        return try await context.db.writeTransaction { db in
            try await db.lockRow(Round.schema, id: roundID)
            if let endorsement = try await Endorsements.latest(of: roundID, on: db), endorsement.endorsed {
                throw AppError.conflict("round_endorsed", "the round's decisions were endorsed on \(DateWording.moment(endorsement.at, in: try application.call.calendar())): only a reserve application can still be promoted")
            }
            // The status as it is now: the caller's copy was read before the lock.
            let status = try await ApplicationRecord.find(applicationID, on: db)?.status
            guard status == .underAssessment else {
                throw AppError.conflict("not_under_assessment", "application \(application.reference) is \(status?.label.lowercased() ?? "deleted"): decisions are taken on applications under assessment")
            }
            let tally = try await ScoreTally.of(applicationID, on: db)
            let selectedElsewhere = try await selectedInRound(roundID, except: applicationID, on: db)
            if let refusal = DecisionRules.refusal(of: kind, scoreSum: tally.sum, scoreCount: tally.scored, policy: policy,
                                                   selectedElsewhere: selectedElsewhere, capacity: round.capacity) {
                throw AppError.conflict(refusal.code, refusal.message)
            }
            let decision = try await Decision.query(on: db).filter(\.$application.$id == applicationID).first() ?? Decision()
            decision.$application.id = applicationID
            decision.$round.id = roundID
            decision.decision = kind
            decision.reason = reason
            decision.$decidedBy.id = try user.requireID()
            decision.decidedAt = now
            decision.endorsedAt = nil
            try await decision.save(on: db)
            try await AuditLog.record(.decisionProposed, subject: .application(applicationID), summary: "\(kind.label): \(reason)",
                                      actor: user, at: now, on: db)
            return decision
        }
    }

    /// Selections of the round, proposed or endorsed, that still hold a place (a selection
    /// withdrawn or cancelled since frees it).
    static func selectedInRound(_ roundID: UUID, except applicationID: UUID? = nil, on db: any Database) async throws -> Int {
        let query = Decision.query(on: db).filter(\.$round.$id == roundID).filter(\.$decision == .selected)
            .join(ApplicationRecord.self, on: \Decision.$application.$id == \ApplicationRecord.$id)
            .filter(ApplicationRecord.self, \.$status ~~ holdingPlace)
        if let applicationID { query.filter(\.$application.$id != applicationID) }
        return try await query.count()
    }

    /// The decision on `application` as `user` may know it: staff see a proposal, the applicant
    /// only what the Commission has endorsed.
    static func visible(of application: ApplicationRecord, to user: User, on db: any Database) async throws -> Decision? {
        let query = Decision.query(on: db).filter(\.$application.$id == (try application.requireID()))
        if !user.role.may(.viewAllApplications) { query.filter(\.$endorsedAt != nil) }
        return try await query.first()
    }

    /// A reserve application becomes selected at once while the round's launch is not past, a
    /// place is free and its merit still reaches the threshold; the applicant is told.
    private static func promote(_ application: ApplicationRecord, round: Round, reason: String, by user: User,
                                in context: ServiceContext) async throws -> Decision {
        let schedule = try application.call.schedule()
        if let refusal = DecisionRules.promotionRefusal(today: schedule.calendar.civilDate(of: context.now),
                                                        launchDue: try CivilDate(parsing: round.launchDue)) {
            throw AppError.conflict(refusal.code, refusal.message)
        }
        let applicationID = try application.requireID()
        let roundID = try round.requireID()
        let policy = application.call.rankingPolicy
        let applicant = try await application.$createdBy.get(on: context.db)
        let link = context.publicURL + SiteURL.application(applicationID)
        let now = context.now
        return try await context.db.writeTransaction { db in
            try await db.lockRow(Round.schema, id: roundID)
            guard let decision = try await Decision.query(on: db).filter(\.$application.$id == applicationID).first(),
                  let current = try await ApplicationRecord.find(applicationID, on: db), current.status == .reserve else {
                throw AppError.conflict("invalid_transition", "application \(application.reference) is no longer on the reserve list")
            }
            let tally = try await ScoreTally.of(applicationID, on: db)
            let selected = try await selectedInRound(roundID, except: applicationID, on: db)
            if let refusal = DecisionRules.refusal(of: .selected, scoreSum: tally.sum, scoreCount: tally.scored, policy: policy,
                                                   selectedElsewhere: selected, capacity: round.capacity) {
                throw AppError.conflict(refusal.code, refusal.message)
            }
            decision.decision = .selected
            decision.reason = reason
            decision.$decidedBy.id = try user.requireID()
            decision.decidedAt = now
            decision.endorsedAt = now
            try await decision.save(on: db)
            try await ApplicationLifecycle.move(current, to: .selected, by: user, reason: "promoted from the reserve list: \(reason)",
                                                at: now, on: db)
            application.status = current.status
            try await AuditLog.record(.reservePromoted, subject: .application(applicationID), summary: reason, actor: user, at: now, on: db)
            try await Outbox.enqueue(context.messages.decision(in: applicant.language ?? .en, to: applicant.email, name: applicant.name,
                                                               reference: application.reference, decision: .selected, reason: reason, link: link),
                                     at: now, on: db, logger: context.logger)
            return decision
        }
    }
}

struct DecisionDTO: Content {
    let applicationId: UUID
    let decision: DecisionKind
    let reason: String
    let decidedAt: String
    /// False while the Commission has not endorsed it: the applicant does not know yet.
    let endorsed: Bool

    init(_ decision: Decision) {
        applicationId = decision.$application.id
        self.decision = decision.decision
        reason = decision.reason
        decidedAt = Instant.format(decision.decidedAt)
        endorsed = decision.endorsedAt != nil
    }
}
