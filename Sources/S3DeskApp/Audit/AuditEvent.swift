import Fluent
import Vapor

/// One entry of the audit trail: who did what to which record, when. Rows are only ever
/// inserted; no route updates or deletes them.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalParent(key: "actor_id") var actor: User?
    @Field(key: "action") var action: String
    @Field(key: "subject_type") var subjectType: String
    @Field(key: "subject_id") var subjectID: String
    @Field(key: "summary") var summary: String

    init() {}
}

/// The actions the audit trail knows.
enum AuditAction: String {
    case userCreated = "user.created"
    case emailConfirmed = "user.email_confirmed"
    case userInvited = "user.invited"
    case invitationAccepted = "user.invitation_accepted"
    case passwordReset = "user.password_reset"
    case callCreated = "call.created"
    case callUpdated = "call.updated"
    case regionCategoryCorrected = "region.category_corrected"
    case clarificationRequested = "application.clarification_requested"
    case applicationClarified = "application.clarified"
    case applicationAssessed = "application.assessed"
    case conflictDeclared = "application.conflict_declared"
    case decisionProposed = "application.decision_proposed"
    case reservePromoted = "application.promoted"
    case roundEndorsed = "round.endorsed"
    case roundReturned = "round.returned"
    case rankingPolicyChanged = "call.ranking_policy_changed"

    /// How the audit trail names the action.
    var label: String {
        switch self {
        case .userCreated: "Account created"
        case .emailConfirmed: "Email confirmed"
        case .userInvited: "Colleague invited"
        case .invitationAccepted: "Invitation accepted"
        case .passwordReset: "Password reset"
        case .callCreated: "Call created"
        case .callUpdated: "Call changed"
        case .regionCategoryCorrected: "Region's category corrected"
        case .clarificationRequested: "Clarification requested"
        case .applicationClarified: "Clarification"
        case .applicationAssessed: "Assessed"
        case .conflictDeclared: "Conflict of interest declared"
        case .decisionProposed: "Decision proposed"
        case .reservePromoted: "Promoted from the reserve list"
        case .roundEndorsed: "Decisions endorsed"
        case .roundReturned: "Decisions returned"
        case .rankingPolicyChanged: "Ranking policy changed"
        }
    }
}

/// What an audit entry is about.
enum AuditSubject {
    case user(UUID)
    case call(UUID)
    case region(String)
    case application(UUID)
    case round(UUID)

    var type: String {
        switch self {
        case .user: "user"
        case .call: "call"
        case .region: "region"
        case .application: "application"
        case .round: "round"
        }
    }

    var id: String {
        switch self {
        case .user(let id), .call(let id), .application(let id), .round(let id): id.uuidString
        case .region(let code): code
        }
    }
}

enum AuditLog {
    /// Appends an entry; pass the transaction's database so the entry commits with the change.
    static func record(_ action: AuditAction, subject: AuditSubject, summary: String,
                       actor: User?, at now: Date, on db: any Database) async throws {
        let event = AuditEvent()
        event.occurredAt = now
        event.$actor.id = try actor?.requireID()
        event.action = action.rawValue
        event.subjectType = subject.type
        event.subjectID = subject.id
        event.summary = summary
        try await event.create(on: db)
    }
}
