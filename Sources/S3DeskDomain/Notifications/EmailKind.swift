/// Every kind of email the service sends, what people call it, and what the person may do about
/// it: events about applications and assignments are also in-app notices; reminders and notes
/// for information may be turned off by email (the notice stays); the rest must be sent.
public enum EmailKind: String, CaseIterable, Codable, Sendable {
    case accountConfirmation = "account_confirmation"
    case invitation
    case passwordReset = "password_reset"
    case expertInvitation = "expert_invitation"
    case staffInvitation = "staff_invitation"
    case emailChange = "email_change"
    case applicationReceived = "application_received"
    case clarificationRequested = "clarification_requested"
    case decision
    case decisionsReturned = "decisions_returned"
    case applicationCancelled = "application_cancelled"
    case meetingInvitation = "meeting_invitation"
    case meetingUpdated = "meeting_updated"
    case meetingCancelled = "meeting_cancelled"
    case scopeToConfirm = "scope_to_confirm"
    case expertAssigned = "expert_assigned"
    case assignmentLaunched = "assignment_launched"
    case entryReturned = "entry_returned"
    case extensionRequested = "extension_requested"
    case extensionApproved = "extension_approved"
    case extensionRefused = "extension_refused"
    case finalReportSubmitted = "final_report_submitted"
    case assignmentClosed = "assignment_closed"
    case draftReminder = "draft_reminder"
    case meetingsToPlan = "meetings_to_plan"
    case launchesDue = "launches_due"
    case timesheetsAwaiting = "timesheets_awaiting"
    case assignmentEnding = "assignment_ending"

    public var label: String {
        switch self {
        case .accountConfirmation: "Account confirmation"
        case .invitation: "Invitation to an authority"
        case .passwordReset: "Password reset"
        case .expertInvitation: "Invitation to the expert pool"
        case .staffInvitation: "Invitation to the staff"
        case .emailChange: "Change of email address"
        case .applicationReceived: "Application received"
        case .clarificationRequested: "Clarification requested"
        case .decision: "Decision"
        case .decisionsReturned: "Decisions returned by the Commission"
        case .applicationCancelled: "Application cancelled"
        case .meetingInvitation: "Meeting invitation"
        case .meetingUpdated: "Meeting changed"
        case .meetingCancelled: "Meeting cancelled"
        case .scopeToConfirm: "Scope to confirm"
        case .expertAssigned: "Expert assigned"
        case .assignmentLaunched: "Assignment launched"
        case .entryReturned: "Timesheet entry returned"
        case .extensionRequested: "Extension requested"
        case .extensionApproved: "Extension approved"
        case .extensionRefused: "Extension refused"
        case .finalReportSubmitted: "Final report submitted"
        case .assignmentClosed: "Assignment closed"
        case .draftReminder: "Reminder: draft not submitted before a cut-off"
        case .meetingsToPlan: "Reminder: topic meetings to plan"
        case .launchesDue: "Reminder: launches due"
        case .timesheetsAwaiting: "Reminder: timesheets awaiting approval"
        case .assignmentEnding: "Reminder: an assignment nearing its end with days left"
        }
    }

    /// About an application or an assignment, so it is also in the person's notices. Account
    /// emails are not: they carry one-time links, and an account without a password has no list.
    public var isNotice: Bool {
        ![.accountConfirmation, .invitation, .passwordReset, .expertInvitation, .staffInvitation, .emailChange].contains(self)
    }

    /// The person may choose not to get it by email; everything else must reach them.
    public var isOptional: Bool {
        [.draftReminder, .meetingsToPlan, .launchesDue, .timesheetsAwaiting, .assignmentEnding, .extensionRequested,
         .finalReportSubmitted].contains(self)
    }

    /// Who can receive an optional kind at all, so each person is offered only their own.
    public func mayReach(_ role: Role) -> Bool {
        switch self {
        case .draftReminder: role == .applicant
        case .meetingsToPlan, .launchesDue, .timesheetsAwaiting: role == .secretariat
        case .assignmentEnding: role == .secretariat || role == .expert
        case .extensionRequested, .finalReportSubmitted: role == .secretariat || role == .admin
        default: true
        }
    }
}
