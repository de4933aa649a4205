import Fluent
import S3DeskDomain
import Vapor

/// What applicants do with an application: start a draft, save it, submit it, withdraw it.
/// Shared by the JSON API and the web form.
enum Applications {
    /// What an application may name. A topic retired from the catalogue stays valid on the
    /// application that already had it (`keeping`), and is offered to no other.
    /// - Parameter organisation: the applying authority, whose country the territory must be in
    ///   at submission; nil while a draft is saved, which may still be incomplete.
    static func reference(keeping topics: [String]? = nil, codes: ReferenceCodes, organisation: Organisation? = nil,
                          on db: any Database) async throws -> S3DeskDomain.ApplicationReference {
        ApplicationReference(regions: codes.regions, countries: codes.countries,
                             topics: Set(try await TopicRecord.active(on: db).compactMap(\.id)).union(topics ?? []), names: codes.names,
                             homeCountry: organisation?.homeCountry)
    }

    /// Starts a draft for the user's organisation. A draft may be incomplete; only values of the
    /// wrong kind or length are refused.
    static func create(in call: Call, content: ApplicationContent, by user: User, in context: ServiceContext) async throws -> ApplicationRecord {
        let policy = call.policy(for: user, at: context.now)
        guard policy.canApply, let organisationID = user.$organisation.id else {
            if policy.role.may(.apply) && policy.hasOrganisation {
                throw AppError.conflict("call_closed", "this call closed at its last cut-off; no new application can be made")
            }
            throw AppError(status: .forbidden, code: "forbidden", message: user.role.may(.apply)
                ? "your account does not belong to an authority, so it cannot apply: an S3Desk administrator can add you to your authority's account, or register your authority with another email address"
                : "only applicants registered with an authority can apply")
        }
        try await checkDraft(content, questions: call.orderedQuestions, codes: context.codes, on: context.db)
        let now = context.now
        let application = ApplicationRecord()
        application.$call.id = try call.requireID()
        application.$organisation.id = organisationID
        application.$createdBy.id = try user.requireID()
        application.status = .draft
        application.createdAt = now
        // As `ApplicationAccess.find` loads it, so callers (and `store`) can read the call and round.
        application.$call.value = call
        application.$round.value = .some(nil)
        try await context.db.writeTransaction { db in
            application.reference = try await ApplicationLifecycle.nextReference(year: ZonedCalendar.utc.civilDate(of: now).year, on: db)
            try await store(content, in: application, at: now, on: db)
            try await ApplicationTransition(applicationID: application.requireID(), at: now, actorID: user.requireID(),
                                            from: nil, to: .draft, reason: "draft started").create(on: db)
        }
        return application
    }

    /// Saves changes to a draft. Once submitted, only the fields a clarification reopened may
    /// change, while it is open (409 otherwise).
    static func update(_ application: ApplicationRecord, with changes: ApplicationContent, by user: User,
                       in context: ServiceContext) async throws {
        try ApplicationAccess.requireMember(user, of: application)
        let now = context.now
        let saved = try await context.db.withLocked(application) { db -> Bool in
            guard application.status == .draft else { return false }
            try await saveChecked(application.content.updated(with: changes), of: application, at: now, codes: context.codes, on: db)
            return true
        }
        if !saved {
            try await Clarifications.amend(application, with: changes, onlyReopened: false, by: user, in: context)
        }
    }

    /// Saves a draft from the web form, keeping every valid field when some are wrong: those keep
    /// their saved value, and the problems come back for the person to correct (`[:]` when all
    /// was saved). The API's PATCH stays all or nothing, which a program can retry as it is.
    static func saveKeepingValid(_ application: ApplicationRecord, with changes: ApplicationContent, by user: User,
                                 in context: ServiceContext) async throws -> FieldErrors {
        try ApplicationAccess.requireMember(user, of: application)
        let now = context.now
        return try await context.db.withLocked(application) { db in
            try requireDraft(application)
            let wanted = application.content.updated(with: changes)
            let problems = try await draftProblems(wanted, questions: application.call.orderedQuestions,
                                                   keeping: application.content.topics, codes: context.codes, on: db)
            try await saveChecked(wanted.keepingValid(problems, savedAs: application.content), of: application, at: now,
                                  codes: context.codes, on: db)
            return problems
        }
    }

    /// Checks a whole content as a draft would be checked, then stores it; in the transaction
    /// that holds the application's lock.
    static func saveChecked(_ content: ApplicationContent, of application: ApplicationRecord, at now: Date,
                            codes: ReferenceCodes, on db: any Database) async throws {
        try await checkDraft(content, questions: application.call.orderedQuestions, keeping: application.content.topics,
                             codes: codes, on: db)
        try await store(content, in: application, at: now, on: db)
    }

    /// Submits a draft into the round of the current instant after checking eligibility of the
    /// content as it is when the lock is held, so a change sent at the same moment either comes
    /// first and is checked, or comes after and is refused.
    static func submit(_ application: ApplicationRecord, by user: User, in context: ServiceContext) async throws {
        try ApplicationAccess.requireMember(user, of: application)
        guard user.emailConfirmedAt != nil else {
            throw AppError(status: .forbidden, code: "email_unconfirmed",
                           message: "confirm your email address first, with the link we sent you; then submit")
        }
        let now = context.now
        let call = application.call
        guard let planned = try call.schedule().round(for: now),
              let round = call.rounds.first(where: { $0.number == planned.number }) else {
            throw AppError.conflict("call_closed", "the call closed at its last cut-off; your draft is kept but can no longer be submitted")
        }
        let publicURL = context.publicURL
        let logger = context.logger
        let roundID = try round.requireID()
        // The round's lock before the application's, as every other change takes them.
        try await context.db.withLocked(application, round: roundID) { db in
            try requireDraft(application)
            // A submit read the clock a moment before the cut-off, but the round's cut-off job
            // may have run since: it waited for that job, and the round is closed now.
            if try await RoundCutoffJob.hasClosed(roundID, on: db) {
                throw AppError.conflict("call_closed", "the round's cut-off passed while you submitted; your draft is kept, and can go into the next round")
            }
            let problems = try await submissionProblems(of: application, codes: context.codes, on: db)
            guard problems.isEmpty else {
                throw AppError(status: .unprocessableEntity, code: "not_eligible",
                               message: "the application cannot be submitted yet: \(problems.messages.count) field\(problems.messages.count == 1 ? " needs" : "s need") attention",
                               fields: problems.messages)
            }
            application.$round.id = try round.requireID()
            application.submittedAt = now
            try await store(application.content, in: application, at: now, on: db)
            try await ApplicationLifecycle.move(application, to: .submitted, by: user, reason: "submitted by \(user.email)", at: now, on: db)
            let link = publicURL + SiteURL.application(try application.requireID())
            try await Outbox.enqueue(context.messages.applicationReceived(
                in: user.language ?? .en, to: user.email, name: user.name, reference: application.reference, link: link,
                cutoff: planned.cutoffDate, content: application.content, questions: call.orderedQuestions,
                names: try await .load(codes: context.codes, on: db)),
                at: now, on: db, logger: logger)
        }
        application.$round.value = round
    }

    static func withdraw(_ application: ApplicationRecord, reason: String, by user: User, in context: ServiceContext) async throws {
        try ApplicationAccess.requireMember(user, of: application)
        let reason = try checkedReason(reason, for: "withdrawing")
        let now = context.now
        try await context.db.withLocked(application) { db in
            guard application.policy(for: user).canWithdraw else {
                throw AppError.conflict("invalid_transition", "an application that is \(application.status.label.lowercased()) cannot be withdrawn")
            }
            try await ApplicationLifecycle.move(application, to: .withdrawn, by: user, reason: reason, at: now, on: db)
            try await Meetings.cancelUpcoming(of: application, reason: "the application was withdrawn: \(reason)", by: user, in: context, on: db)
        }
    }

    /// Deletes a draft and what belongs to it (its topics, challenges, answers and history go
    /// with it, by the foreign keys); the audit trail keeps who deleted which reference.
    static func deleteDraft(_ application: ApplicationRecord, by user: User, in context: ServiceContext) async throws {
        try requireDeletableDraft(application, by: user)
        let id = try application.requireID()
        let now = context.now
        try await context.db.withLocked(application) { db in
            // Submitted since the page was read: refused with the same words.
            try requireDeletableDraft(application, by: user)
            try await AuditLog.record(.draftDeleted, subject: .application(id), summary: "draft \(application.reference) deleted by \(user.name)",
                                      actor: user, at: now, on: db)
            try await application.delete(on: db)
        }
    }

    static func requireDeletableDraft(_ application: ApplicationRecord, by user: User) throws {
        try ApplicationAccess.requireMember(user, of: application)
        guard application.policy(for: user).canDeleteDraft else {
            throw AppError.conflict("not_draft", "application \(application.reference) is \(application.status.label.lowercased()) and is no longer a draft: "
                                    + "withdraw it instead")
        }
    }

    /// What still stands between the application's content and an eligible submission: the
    /// form's rules and the call's required questions (empty when eligible).
    static func submissionProblems(of application: ApplicationRecord, codes: ReferenceCodes, on db: any Database) async throws -> FieldErrors {
        ApplicationRules.submissionProblems(application.content,
                                            reference: try await reference(keeping: application.content.topics, codes: codes,
                                                                           organisation: try await application.$organisation.get(on: db), on: db))
            .merging(AnswerRules.problems(application.content.answers ?? [:], questions: application.call.orderedQuestions, submission: true))
    }

    private static func requireDraft(_ application: ApplicationRecord) throws {
        guard application.status == .draft else {
            throw AppError.conflict("not_draft", "application \(application.reference) is already \(application.status.label.lowercased())")
        }
    }

    /// The secretariat ends an application with a reason (domain.md: `cancelled`), for instance
    /// one that cannot be assessed; it then leaves the round's ranking and endorsement. The
    /// applicant is told.
    static func cancel(_ application: ApplicationRecord, reason: String, by user: User, in context: ServiceContext) async throws {
        guard user.role.may(.decide) else { throw AppError.forbidden }
        let reason = try checkedReason(reason, for: "cancelling")
        let applicant = try await application.$createdBy.get(on: context.db)
        let link = context.publicURL + SiteURL.application(try application.requireID())
        try await context.db.writeTransaction { db in
            // An endorsement of the round in progress finishes first, or sees it cancelled; the
            // round's lock before the application's, in the order endorsements take them.
            if let roundID = application.$round.id { try await db.lockRow(Round.schema, id: roundID) }
            try await application.lockAndRefresh(on: db)
            guard application.policy(for: user).canCancel else {
                throw AppError.conflict("not_cancellable", application.status == .draft
                    ? "application \(application.reference) is a draft: it is its authority's until submitted, and is not cancelled"
                    : "application \(application.reference) is already \(application.status.label.lowercased())")
            }
            try await ApplicationLifecycle.move(application, to: .cancelled, by: user, reason: reason, at: context.now, on: db)
            try await Meetings.cancelUpcoming(of: application, reason: "the application was cancelled: \(reason)", by: user, in: context, on: db)
            try await Outbox.enqueue(context.messages.applicationCancelled(in: applicant.language ?? .en, to: applicant.email, name: applicant.name,
                                                                           reference: application.reference, reason: reason, link: link),
                                     at: context.now, on: db, logger: context.logger)
        }
    }

    private static func checkedReason(_ text: String, for action: String) throws -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...2000).contains(reason.count) else {
            throw AppError.invalidField("reason", "give the reason for \(action), in 3 to 2,000 characters")
        }
        return reason
    }

    /// Refuses values of the wrong kind or too long, in the form's fields and the call's questions.
    private static func checkDraft(_ content: ApplicationContent, questions: [CallQuestion], keeping topics: [String]? = nil,
                                   codes: ReferenceCodes, on db: any Database) async throws {
        let problems = try await draftProblems(content, questions: questions, keeping: topics, codes: codes, on: db)
        guard problems.isEmpty else { throw problems }
    }

    private static func draftProblems(_ content: ApplicationContent, questions: [CallQuestion], keeping topics: [String]? = nil,
                                      codes: ReferenceCodes, on db: any Database) async throws -> FieldErrors {
        ApplicationRules.draftProblems(content, reference: try await reference(keeping: topics, codes: codes, on: db))
            .merging(AnswerRules.problems(content.answers ?? [:], questions: questions, submission: false))
    }

    /// Writes the content and the columns derived from it (territory, category, priority under
    /// the call's policy, topics, challenges, answers). The application's call must be loaded, with its questions.
    private static func store(_ typed: ApplicationContent, in application: ApplicationRecord, at now: Date,
                              on db: any Database) async throws {
        // "Calabria (ITF6)" as the list of names offers it is stored as ITF6, like a typed code.
        var content = typed
        content.territory = typed.territory.map(Territory.typedCode)
        let territory = content.territory ?? ""
        let priority = try await PriorityLookup.priority(territory: territory, content: content,
                                                         policy: application.call.rankingPolicy.priority, on: db)
        application.content = content
        application.territory = territory
        application.countryCode = String(territory.prefix(2))
        application.priority = priority
        application.category = priority?.category ?? .unknown
        application.priorityBonus = priority?.total ?? 0
        application.searchName = (content.organisationName ?? "").lowercased()
        application.updatedAt = now
        try await application.save(on: db)
        let id = try application.requireID()
        try await ApplicationTopic.query(on: db).filter(\.$application.$id == id).delete()
        try await Set(content.topics ?? []).sorted().map { ApplicationTopic(applicationID: id, topic: $0) }.create(on: db)
        try await ApplicationChallenge.replace(of: id, with: content, on: db)
        try await ApplicationAnswer.replace(of: id, with: content, questions: application.call.orderedQuestions, on: db)
    }
}

/// The priority of an application from the reference data (domain.md, "Prioritisation").
enum PriorityLookup {
    /// Nil while the territory is not a known region or country.
    static func priority(territory code: String, content: ApplicationContent, policy: PriorityPolicy,
                         on db: any Database) async throws -> Priority? {
        // A region's code starts with its country's, so one country's regions answer both cases.
        let categories = try await RegionCategories.load(countries: [String(code.prefix(2))], on: db)
        guard categories.isKnown(code) else { return nil }
        return categories.priority(territory: code, challenges: content.declaredChallenges, policy: policy)
    }
}
