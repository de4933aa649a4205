import Foundation

/// Every address of the JSON API (api.md), as `SiteURL` is for the pages: routes are
/// registered from these, and `Location` headers and links built from them.
enum APIURL {
    static let openAPI = "/api/v1/openapi.json"
    static let token = "/api/v1/auth/token"
    static let me = "/api/v1/me"
    static let myPassword = "/api/v1/me/password"
    static let myEmail = "/api/v1/me/email"
    static let myEmailConfirmation = "/api/v1/me/email/confirm"
    static let myDataExport = "/api/v1/me/data-export"
    static let mySessionsEnd = "/api/v1/me/sessions/end"
    static let myErasure = "/api/v1/me/erasure"
    static let accounts = "/api/v1/accounts"
    static let accountConfirmation = "/api/v1/accounts/confirm"
    static let passwordReset = "/api/v1/accounts/password-reset"
    static let passwordResetConfirmation = "/api/v1/accounts/password-reset/confirm"
    static let organisation = "/api/v1/organisation"
    static let organisationByID = SiteRoute("/api/v1/organisations/:id")
    static let invitations = "/api/v1/invitations"
    static let invitationAcceptance = "/api/v1/invitations/accept"
    static let outbox = "/api/v1/outbox"
    static let users = "/api/v1/users"
    static let user = SiteRoute("/api/v1/users/:id")
    static let userTwoFactor = SiteRoute("/api/v1/users/:id/two-factor")
    static let regions = "/api/v1/regions"
    static let region = SiteRoute("/api/v1/regions/:code")
    static let topics = "/api/v1/topics"
    static let topic = SiteRoute("/api/v1/topics/:slug")

    static let calls = "/api/v1/calls"
    static let call = SiteRoute("/api/v1/calls/:id")
    static let roundFor = SiteRoute("/api/v1/calls/:id/round-for")
    static let callApplications = SiteRoute("/api/v1/calls/:id/applications")
    static let rankingPolicy = SiteRoute("/api/v1/calls/:id/ranking-policy")

    static let applications = "/api/v1/applications"
    static let application = SiteRoute("/api/v1/applications/:id")
    static let submission = SiteRoute("/api/v1/applications/:id/submit")
    static let withdrawal = SiteRoute("/api/v1/applications/:id/withdraw")
    static let cancellation = SiteRoute("/api/v1/applications/:id/cancel")
    static let progress = SiteRoute("/api/v1/applications/:id/progress")
    static let clarifications = SiteRoute("/api/v1/applications/:id/clarifications")
    static let clarificationResponse = SiteRoute("/api/v1/applications/:id/clarifications/respond")
    static let assessments = SiteRoute("/api/v1/applications/:id/assessments")
    static let decision = SiteRoute("/api/v1/applications/:id/decision")
    static let meetings = SiteRoute("/api/v1/applications/:id/meetings")
    static let scope = SiteRoute("/api/v1/applications/:id/scope")
    static let scopeConfirmation = SiteRoute("/api/v1/applications/:id/scope/confirm")

    /// A meeting as JSON, or with `.ics` after its id as its calendar event: one route, since a
    /// path parameter is a whole component.
    static let meeting = SiteRoute("/api/v1/meetings/:id")
    static func meetingCalendar(_ id: UUID) -> String { meeting(id) + ".ics" }
    static let meetingCancellation = SiteRoute("/api/v1/meetings/:id/cancel")
    static let meetingMinutes = SiteRoute("/api/v1/meetings/:id/minutes")

    static let assignment = SiteRoute("/api/v1/assignments/:id")
    static let expertSuggestions = SiteRoute("/api/v1/assignments/:id/expert-suggestions")
    static let assignmentExpert = SiteRoute("/api/v1/assignments/:id/expert")
    static let launch = SiteRoute("/api/v1/assignments/:id/launch")
    static let timesheet = SiteRoute("/api/v1/assignments/:id/timesheet")
    static let timesheetReview = SiteRoute("/api/v1/assignments/:id/timesheet/:entryId/review")
    static let timesheetApproval = SiteRoute("/api/v1/assignments/:id/timesheet/approve-all")
    static let extensions = SiteRoute("/api/v1/assignments/:id/extensions")
    static let extensionDecision = SiteRoute("/api/v1/assignments/:id/extensions/:requestId/decision")
    static let milestones = SiteRoute("/api/v1/assignments/:id/milestones")
    static let milestoneDone = SiteRoute("/api/v1/assignments/:id/milestones/:milestoneId/done")
    static let messages = SiteRoute("/api/v1/assignments/:id/messages")
    static let documents = SiteRoute("/api/v1/assignments/:id/documents")
    static let documentContent = SiteRoute("/api/v1/documents/:id/content")
    static let finalReport = SiteRoute("/api/v1/assignments/:id/final-report")
    static let feedback = SiteRoute("/api/v1/assignments/:id/feedback")
    static let closure = SiteRoute("/api/v1/assignments/:id/close")

    static let experts = "/api/v1/experts"
    static let expert = SiteRoute("/api/v1/experts/:id")
    static let myExpertProfile = "/api/v1/me/expert-profile"

    static let notices = "/api/v1/notices"
    static let noticesRead = "/api/v1/notices/read-all"
    static let noticeRead = SiteRoute("/api/v1/notices/:id/read")
    static let emailChoices = "/api/v1/me/email-choices"

    static let reportSummary = "/api/v1/reports/summary"
    static let applicationsCSV = "/api/v1/reports/applications.csv"
    static let applicationsXLSX = "/api/v1/reports/applications.xlsx"

    static let round = SiteRoute("/api/v1/rounds/:id")
    static let ranking = SiteRoute("/api/v1/rounds/:id/ranking")
    static let roundAuditTrail = SiteRoute("/api/v1/rounds/:id/audit-trail")
    static let applicationAuditTrail = SiteRoute("/api/v1/applications/:id/audit-trail")
    static let rankingCSV = SiteRoute("/api/v1/rounds/:id/ranking.csv")
    static let endorsement = SiteRoute("/api/v1/rounds/:id/endorsement")
    static let expertMatching = SiteRoute("/api/v1/rounds/:id/expert-matching")
}
