import Fluent
import S3DeskDomain
import Vapor

/// A request from the secretariat to clarify a submitted application: it reopens the named
/// fields until the end of the deadline date (in the call's zone), or until the applicant
/// says they are done.
final class Clarification: Model, @unchecked Sendable {
    static let schema = "clarifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRecord
    @Parent(key: "requested_by") var requestedBy: User
    @Field(key: "message") var message: String
    @Field(key: "fields") var fields: [String]
    @Field(key: "deadline_date") var deadlineDate: String
    @Field(key: "deadline_at") var deadlineAt: Date
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}

    var reopened: Set<ClarifiableField> { Set(fields.compactMap(ClarifiableField.init(rawValue:))) }

    func isOpen(at now: Date) -> Bool { answeredAt == nil && now <= deadlineAt }
}

struct ClarificationDTO: Content {
    let id: UUID
    let fields: [String]
    let message: String
    let deadline: String
    let requestedAt: String
    let answeredAt: String?
    let open: Bool

    init(_ clarification: Clarification, now: Date) throws {
        id = try clarification.requireID()
        fields = clarification.fields
        message = clarification.message
        deadline = clarification.deadlineDate
        requestedAt = Instant.format(clarification.requestedAt)
        answeredAt = clarification.answeredAt.map(Instant.format)
        open = clarification.isOpen(at: now)
    }
}

enum Clarifications {
    /// The clarification that currently reopens fields of `application`, if any.
    static func open(for application: ApplicationRecord, at now: Date, on db: any Database) async throws -> Clarification? {
        try await Clarification.query(on: db)
            .filter(\.$application.$id == application.requireID())
            .filter(\.$answeredAt == nil)
            .filter(\.$deadlineAt >= now)
            .sort(\.$requestedAt, .descending)
            .first()
    }

    static func request(_ application: ApplicationRecord, fields: [String], message: String, deadline: String,
                        by user: User, in context: ServiceContext) async throws -> Clarification {
        guard user.role.may(.requestClarification) else { throw AppError.forbidden }
        let now = context.now
        let schedule = try application.call.schedule()
        let problems = ClarificationRules.problems(fields: fields, message: message, deadline: deadline,
                                                   today: schedule.calendar.civilDate(of: now))
        try problems.throwIfAny()
        let date = try CivilDate(parsing: deadline)
        let clarification = Clarification()
        clarification.$application.id = try application.requireID()
        clarification.$requestedBy.id = try user.requireID()
        clarification.message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        clarification.fields = fields
        clarification.deadlineDate = date.description
        clarification.deadlineAt = schedule.calendar.endOfDay(date)
        clarification.requestedAt = now
        let applicant = try await application.$createdBy.get(on: context.db)
        let link = context.publicURL + SiteURL.application(try application.requireID())
        let logger = context.logger
        try await context.db.withLocked(application) { db in
            // Checked under the lock: two requests at once would otherwise open two.
            guard application.policy(for: user).canRequestClarification else {
                throw AppError.conflict("invalid_state", "only a submitted application under assessment can be clarified")
            }
            guard try await open(for: application, at: now, on: db) == nil else {
                throw AppError.conflict("clarification_open", "a clarification is already open for \(application.reference)")
            }
            try await clarification.create(on: db)
            try await AuditLog.record(.clarificationRequested, subject: .application(try application.requireID()),
                                      summary: "fields \(fields.joined(separator: ", ")) until \(date)", actor: user, at: now, on: db)
            try await Outbox.enqueue(context.messages.clarificationRequested(
                in: applicant.language ?? .en, to: applicant.email, name: applicant.name, reference: application.reference,
                message: clarification.message, fields: ApplicationForm.ordered(clarification.reopened), deadline: date, link: link),
                at: now, on: db, logger: logger)
        }
        return clarification
    }

    /// Applies the applicant's change to the reopened fields of a submitted application.
    /// A change to any other field is refused: the rest stays as submitted. The change and its
    /// audit entry commit together.
    static func amend(_ application: ApplicationRecord, with changes: ApplicationContent, onlyReopened: Bool,
                      by user: User, in context: ServiceContext) async throws {
        try ApplicationAccess.requireMember(user, of: application)
        let now = context.now
        try await context.db.withLocked(application) { db in
            guard let clarification = try await open(for: application, at: now, on: db) else {
                throw AppError.conflict("not_draft", "application \(application.reference) is \(application.status.label.lowercased()) and can no longer be changed")
            }
            let reopened = clarification.reopened
            if !onlyReopened {
                let outside = changes.carriedFields.subtracting(reopened)
                guard outside.isEmpty else {
                    throw AppError.conflict("field_locked", "only these fields are reopened: \(reopened.map(\.rawValue).sorted().joined(separator: ", ")); not \(outside.map(\.rawValue).sorted().joined(separator: ", "))")
                }
            }
            let content = application.content.replacing(reopened, from: application.content.updated(with: changes))
            try await Applications.saveChecked(content, of: application, at: now, codes: context.codes, on: db)
            try await AuditLog.record(.applicationClarified, subject: .application(try application.requireID()),
                                      summary: "changed within the clarification: \(changes.carriedFields.intersection(reopened).map(\.rawValue).sorted().joined(separator: ", "))",
                                      actor: user, at: now, on: db)
        }
    }

    /// The applicant is done: the answers must keep the application eligible, then it locks.
    static func respond(_ application: ApplicationRecord, by user: User, in context: ServiceContext) async throws {
        try ApplicationAccess.requireMember(user, of: application)
        let now = context.now
        try await context.db.withLocked(application) { db in
            guard let clarification = try await open(for: application, at: now, on: db) else {
                throw AppError.conflict("no_open_clarification", "no clarification is open for \(application.reference)")
            }
            let problems = try await Applications.submissionProblems(of: application, codes: context.codes, on: db)
            guard problems.isEmpty else {
                throw AppError(status: .unprocessableEntity, code: "not_eligible", message: "the application would no longer be eligible",
                               fields: problems.messages)
            }
            clarification.answeredAt = now
            try await clarification.save(on: db)
            try await AuditLog.record(.applicationClarified, subject: .application(try application.requireID()),
                                      summary: "clarification answered", actor: user, at: now, on: db)
        }
    }
}
