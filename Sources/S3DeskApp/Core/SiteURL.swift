import Foundation

/// Every page address of the web interface: the routes are registered from these and the
/// links built from them, so no path is spelled twice. Plain paths are strings (register them
/// with `.pathComponents`); paths with parameters are `SiteRoute`s.
enum SiteURL {
    static let home = "/"
    static let statistics = "/statistics"
    static let help = "/help"
    static let contact = "/contact"
    static let legalNotice = "/legal-notice"
    static let privacy = "/privacy"
    static let stylesheet = "/css/site.css"
    static let loginPath = "/login"
    static let logout = "/logout"
    static let loginCode = "/login/code"
    static let language = SiteRoute("/language/:code")

    static let register = "/register"
    static let registered = "/register/sent"
    static let confirmPath = "/accounts/confirm"
    static func confirmAccount(token: String) -> String { "\(confirmPath)?token=\(token)" }
    static let organisation = "/organisation"
    static let invitations = "/organisation/invitations"
    static let acceptInvitationPath = "/invitations/accept"
    static func acceptInvitation(token: String) -> String { "\(acceptInvitationPath)?token=\(token)" }
    static let passwordReset = "/password-reset"
    static let account = "/account"
    static let accountName = "/account/name"
    static let accountLanguage = "/account/language"
    static let accountPassword = "/account/password"
    static let accountEmail = "/account/email"
    static let accountData = "/account/data"
    static let accountSessions = "/account/sessions"
    static let accountErasure = "/account/erase"
    static let twoFactor = "/account/two-factor"
    static let twoFactorSetup = "/account/two-factor/setup"
    static let twoFactorConfirm = "/account/two-factor/confirm"
    static let twoFactorQRCode = "/account/two-factor/qr.svg"
    static let recoveryCodes = "/account/two-factor/recovery-codes"
    static let twoFactorOff = "/account/two-factor/off"
    static let confirmEmailChangePath = "/account/email/confirm"
    static func confirmEmailChange(token: String) -> String { "\(confirmEmailChangePath)?token=\(token)" }
    static let choosePasswordPath = "/password-reset/confirm"
    static func choosePassword(token: String) -> String { "\(choosePasswordPath)?token=\(token)" }

    static let myApplications = "/applications"
    static let staffApplications = "/staff/applications"
    static func staffApplications(round: UUID) -> String { "\(staffApplications)?roundId=\(round.uuidString)" }
    static let staffCalls = "/staff/calls"
    static let newCall = "/staff/calls/new"
    static let staffRegions = "/staff/regions"
    static let staffOutbox = "/staff/outbox"
    static let staffExperts = "/staff/experts"
    static let newExpert = "/staff/experts/new"
    static let staffTopics = "/staff/topics"
    static let staffUsers = "/staff/users"
    static let staffUser = SiteRoute("/staff/users/:id")
    static let staffUserRole = SiteRoute("/staff/users/:id/role")
    static let staffUserDeactivation = SiteRoute("/staff/users/:id/deactivate")
    static let staffUserReactivation = SiteRoute("/staff/users/:id/reactivate")
    static let staffUserTwoFactorReset = SiteRoute("/staff/users/:id/two-factor/reset")
    static let staffUserAuthority = SiteRoute("/staff/users/:id/authority")
    static let notices = "/notices"
    static let noticesRead = "/notices/read-all"
    static let emailChoices = "/notices/email-choices"
    static let noticeRead = SiteRoute("/notices/:id/read")
    static let dashboard = "/staff/dashboard"
    static let applicationsCSV = "/staff/dashboard/applications.csv"
    static let applicationsXLSX = "/staff/dashboard/applications.xlsx"
    static let expertHome = "/expert"
    static let expertProfile = "/expert/profile"

    static let application = SiteRoute("/applications/:id")
    static let editApplication = SiteRoute("/applications/:id/edit")
    static let progressChart = SiteRoute("/applications/:id/progress.svg")
    static let withdrawal = SiteRoute("/applications/:id/withdraw")
    static let draftDeletion = SiteRoute("/applications/:id/delete")
    static let draftDeleted = "\(myApplications)?deleted=1"
    static let cancellation = SiteRoute("/applications/:id/cancel")
    static let clarifications = SiteRoute("/applications/:id/clarifications")
    static let clarificationResponse = SiteRoute("/applications/:id/clarifications/respond")
    static let apply = SiteRoute("/calls/:id/apply")
    static let editCall = SiteRoute("/staff/calls/:id/edit")
    static let call = SiteRoute("/staff/calls/:id")
    static let callQuestions = SiteRoute("/staff/calls/:id/questions")
    static let removeCallQuestion = SiteRoute("/staff/calls/:id/questions/:questionId/delete")
    static let rankingPolicy = SiteRoute("/staff/calls/:id/ranking-policy")
    static let round = SiteRoute("/staff/rounds/:id")
    static let roundAuditTrail = SiteRoute("/staff/rounds/:id/audit-trail.json")
    static let applicationAuditTrail = SiteRoute("/staff/applications/:id/audit-trail.json")
    static let rankingCSV = SiteRoute("/staff/rounds/:id/ranking.csv")
    static let endorsement = SiteRoute("/staff/rounds/:id/endorsement")
    static let assessment = SiteRoute("/staff/applications/:id/assessment")
    static let decision = SiteRoute("/staff/applications/:id/decision")
    static let region = SiteRoute("/staff/regions/:code")
    static let assignmentOf = SiteRoute("/applications/:id/assignment")
    static let newMeeting = SiteRoute("/applications/:id/meetings")
    static let scope = SiteRoute("/applications/:id/scope")
    static let scopeConfirmation = SiteRoute("/applications/:id/scope/confirm")
    static let assignExpert = SiteRoute("/applications/:id/expert")
    static let launch = SiteRoute("/applications/:id/launch")
    static let timesheet = SiteRoute("/applications/:id/timesheet")
    static let timesheetReview = SiteRoute("/applications/:id/timesheet/:entryId/review")
    static let timesheetApproval = SiteRoute("/applications/:id/timesheet/approve-all")
    static let extensions = SiteRoute("/applications/:id/extensions")
    static let extensionDecision = SiteRoute("/applications/:id/extensions/:requestId/decision")
    static let milestones = SiteRoute("/applications/:id/milestones")
    static let milestoneDone = SiteRoute("/applications/:id/milestones/:milestoneId/done")
    static let messages = SiteRoute("/applications/:id/messages")
    static let documents = SiteRoute("/applications/:id/documents")
    static let finalReport = SiteRoute("/applications/:id/final-report")
    static let feedback = SiteRoute("/applications/:id/feedback")
    static let closure = SiteRoute("/applications/:id/close")
    static let document = SiteRoute("/documents/:id")
    static let meeting = SiteRoute("/meetings/:id")
    static let meetingCalendar = SiteRoute("/meetings/:id/invitation.ics")
    static let meetingCancellation = SiteRoute("/meetings/:id/cancel")
    static let meetingMinutes = SiteRoute("/meetings/:id/minutes")
    static let roundSelection = SiteRoute("/staff/rounds/:id/selection")
    static let roundMatching = SiteRoute("/staff/rounds/:id/matching")
    static let expert = SiteRoute("/staff/experts/:id")
    static let topic = SiteRoute("/staff/topics/:slug")

    /// The sign-in page, remembering where to go afterwards (only paths on this site).
    static func login(next: String? = nil) -> String {
        guard let next, isLocalPath(next), next != loginPath else { return loginPath }
        var components = URLComponents()
        components.path = loginPath
        components.queryItems = [URLQueryItem(name: "next", value: next)]
        return components.string ?? loginPath
    }

    /// True for a path on this site; refuses `//host` and absolute URLs, which would make the
    /// sign-in page an open redirect, and any space, control character or backslash: browsers
    /// drop a tab or a newline from an address, so `/<tab>/host` would become `//host`.
    static func isLocalPath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.hasPrefix("//")
            && !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
    }
}
