import Fluent
import Vapor

/// One entry of the audit trail: who did what to which record, when. Rows are only ever
/// inserted, as links of a hash chain (`AuditChain`); no route updates or deletes them.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalParent(key: "actor_id") var actor: User?
    @Field(key: "action") var action: String
    @Field(key: "subject_type") var subjectType: String
    @Field(key: "subject_id") var subjectID: String
    @Field(key: "summary") var summary: String
    /// The entry's place in the chain (`AuditChain`), from 1, in the order of writing.
    @OptionalField(key: "sequence") var sequence: Int?
    @OptionalField(key: "previous_hash") var previousHash: String?
    @OptionalField(key: "hash") var hash: String?

    init() {}

    init(_ action: AuditAction, subject: AuditSubject, summary: String, actor: User?, at now: Date) throws {
        occurredAt = now
        $actor.id = try actor?.requireID()
        self.action = action.rawValue
        subjectType = subject.type
        subjectID = subject.id
        self.summary = summary
    }
}

/// The actions the audit trail knows.
enum AuditAction: String, CaseIterable, Sendable {
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
    case draftDeleted = "application.draft_deleted"
    case conflictDeclared = "application.conflict_declared"
    case decisionProposed = "application.decision_proposed"
    case reservePromoted = "application.promoted"
    case roundEndorsed = "round.endorsed"
    case roundReturned = "round.returned"
    case rankingPolicyChanged = "call.ranking_policy_changed"
    case priorityRecomputed = "application.priority_recomputed"
    case referenceDataLoaded = "reference.edition_loaded"
    case regionCategoryUpdated = "region.category_updated"
    case jobRetried = "job.retried"
    case meetingScheduled = "meeting.scheduled"
    case meetingRescheduled = "meeting.rescheduled"
    case meetingCancelled = "meeting.cancelled"
    case meetingMinutesRecorded = "meeting.minutes_recorded"
    case scopeRecorded = "assignment.scope_recorded"
    case scopeChanged = "assignment.scope_changed"
    case scopeConfirmed = "assignment.scope_confirmed"
    case expertAssigned = "assignment.expert_assigned"
    case assignmentLaunched = "assignment.launched"
    case expertAdded = "expert.added"
    case expertUpdated = "expert.updated"
    case topicAdded = "catalogue.topic_added"
    case topicChanged = "catalogue.topic_changed"
    case topicRetired = "catalogue.topic_retired"
    case topicRestored = "catalogue.topic_restored"
    case topicMoved = "catalogue.topic_moved"
    case daysLogged = "assignment.days_logged"
    case entryApproved = "assignment.entry_approved"
    case entryReturned = "assignment.entry_returned"
    case extensionRequested = "assignment.extension_requested"
    case extensionApproved = "assignment.extension_approved"
    case extensionRefused = "assignment.extension_refused"
    case milestoneAdded = "assignment.milestone_added"
    case milestoneDone = "assignment.milestone_done"
    case messagePosted = "assignment.message_posted"
    case documentUploaded = "assignment.document_uploaded"
    case finalReportSubmitted = "assignment.final_report_submitted"
    case feedbackGiven = "assignment.feedback_given"
    case assignmentClosed = "assignment.closed"
    case emailChoicesChanged = "user.email_choices_changed"
    case staffInvited = "user.staff_invited"
    case roleChanged = "user.role_changed"
    case userDeactivated = "user.deactivated"
    case userReactivated = "user.reactivated"
    case nameChanged = "user.name_changed"
    case languageChanged = "user.language_changed"
    case passwordChanged = "user.password_changed"
    case emailChangeRequested = "user.email_change_requested"
    case emailChanged = "user.email_changed"
    case otherCountriesAllowed = "organisation.other_countries_allowed"
    case otherCountriesRefused = "organisation.other_countries_refused"
    case personalDataExported = "user.personal_data_exported"
    case sessionsEnded = "user.sessions_ended"
    case twoFactorEnabled = "user.two_factor_enabled"
    case twoFactorDisabled = "user.two_factor_disabled"
    case recoveryCodesRenewed = "user.recovery_codes_renewed"
    case recoveryCodeUsed = "user.recovery_code_used"
    case accountErased = "user.erased"
    case personalDataRemoved = "application.personal_data_removed"

    /// How exports and logs name the action; pages name it from `labels.json`.
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
        case .draftDeleted: "Draft deleted"
        case .applicationAssessed: "Assessed"
        case .conflictDeclared: "Conflict of interest declared"
        case .decisionProposed: "Decision proposed"
        case .reservePromoted: "Promoted from the reserve list"
        case .roundEndorsed: "Decisions endorsed"
        case .roundReturned: "Decisions returned"
        case .rankingPolicyChanged: "Ranking policy changed"
        case .priorityRecomputed: "Priority recomputed"
        case .referenceDataLoaded: "Reference data loaded"
        case .regionCategoryUpdated: "Region's category from the reference data"
        case .jobRetried: "Failed job sent back"
        case .meetingScheduled: "Meeting scheduled"
        case .meetingRescheduled: "Meeting changed"
        case .meetingCancelled: "Meeting cancelled"
        case .meetingMinutesRecorded: "Meeting minutes recorded"
        case .scopeRecorded: "Scope recorded"
        case .scopeChanged: "Scope changed after confirmation"
        case .scopeConfirmed: "Scope confirmed by the region"
        case .expertAssigned: "Expert assigned"
        case .assignmentLaunched: "Assignment launched"
        case .expertAdded: "Expert added to the pool"
        case .expertUpdated: "Expert profile changed"
        case .topicAdded: "Topic added to the catalogue"
        case .topicChanged: "Topic changed"
        case .topicRetired: "Topic retired"
        case .topicRestored: "Topic restored"
        case .topicMoved: "Topic moved"
        case .daysLogged: "Expert days logged"
        case .entryApproved: "Timesheet entry approved"
        case .entryReturned: "Timesheet entry returned"
        case .extensionRequested: "Extension requested"
        case .extensionApproved: "Extension approved"
        case .extensionRefused: "Extension refused"
        case .milestoneAdded: "Milestone added"
        case .milestoneDone: "Milestone reached"
        case .messagePosted: "Message posted"
        case .documentUploaded: "Document uploaded"
        case .finalReportSubmitted: "Final report submitted"
        case .feedbackGiven: "Feedback given"
        case .assignmentClosed: "Assignment closed"
        case .emailChoicesChanged: "Email choices changed"
        case .staffInvited: "Staff account opened"
        case .roleChanged: "Role changed"
        case .userDeactivated: "Account deactivated"
        case .userReactivated: "Account reactivated"
        case .nameChanged: "Name changed"
        case .languageChanged: "Language changed"
        case .passwordChanged: "Password changed"
        case .emailChangeRequested: "Change of email address asked"
        case .emailChanged: "Email address changed"
        case .otherCountriesAllowed: "Territories in other countries allowed"
        case .otherCountriesRefused: "Territories in other countries no longer allowed"
        case .personalDataExported: "Personal data downloaded"
        case .sessionsEnded: "Signed out everywhere else"
        case .twoFactorEnabled: "Two-factor sign-in turned on"
        case .twoFactorDisabled: "Two-factor sign-in turned off"
        case .recoveryCodesRenewed: "New recovery codes"
        case .recoveryCodeUsed: "Signed in with a recovery code"
        case .accountErased: "Account erased at the person's request"
        case .personalDataRemoved: "Personal data removed after the retention period"
        }
    }
}

/// What an audit entry is about.
enum AuditSubject {
    case user(UUID)
    case organisation(UUID)
    case call(UUID)
    case region(String)
    case application(UUID)
    case round(UUID)
    case assignment(UUID)
    case expert(UUID)
    case topic(String)
    /// The shipped reference data as a whole (an edition loaded).
    case referenceData
    /// One occurrence of a scheduled job.
    case jobRun(job: String, key: String)

    var type: String {
        switch self {
        case .user: "user"
        case .organisation: "organisation"
        case .call: "call"
        case .region: "region"
        case .application: "application"
        case .round: "round"
        case .assignment: "assignment"
        case .expert: "expert"
        case .topic: "topic"
        case .referenceData: "reference_data"
        case .jobRun: "job_run"
        }
    }

    var id: String {
        switch self {
        case .user(let id), .organisation(let id), .call(let id), .application(let id), .round(let id), .assignment(let id), .expert(let id): id.uuidString
        case .region(let code), .topic(let code): code
        case .referenceData: "nuts2_regions"
        case .jobRun(let job, let key): "\(job)/\(key)"
        }
    }
}

enum AuditLog {
    /// Appends an entry to the chain; pass the transaction's database so the entry commits with the change.
    static func record(_ action: AuditAction, subject: AuditSubject, summary: String,
                       actor: User?, at now: Date, on db: any Database) async throws {
        try await AuditChain.append([try AuditEvent(action, subject: subject, summary: summary, actor: actor, at: now)], on: db)
    }

    /// Appends many entries in a few inserts.
    static func record(_ events: [AuditEvent], on db: any Database) async throws {
        try await AuditChain.append(events, on: db)
    }
}
