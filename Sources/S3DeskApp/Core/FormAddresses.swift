import Vapor

/// The addresses the pages' forms post to, each with the page its form is on. Someone who
/// opens one with GET (a refused form reloaded from the address bar, the history, a bookmark)
/// is sent to that page, which reloads safely, instead of meeting a 405.
enum FormAddresses {
    static let pages: [(form: SiteRoute, page: SiteRoute)] = [
        (SiteURL.apply, SiteRoute(SiteURL.home)),
        (SiteRoute(SiteURL.logout), SiteRoute(SiteURL.home)),
        (SiteRoute(SiteURL.invitations), SiteRoute(SiteURL.organisation)),
        (SiteRoute(SiteURL.noticesRead), SiteRoute(SiteURL.notices)),
        (SiteRoute(SiteURL.emailChoices), SiteRoute(SiteURL.notices)),
        (SiteURL.noticeRead, SiteRoute(SiteURL.notices)),
        (SiteURL.withdrawal, SiteURL.application),
        (SiteURL.cancellation, SiteURL.application),
        (SiteURL.clarifications, SiteURL.application),
        (SiteURL.clarificationResponse, SiteURL.application),
        (SiteURL.decision, SiteURL.assessment),
        (SiteURL.call, SiteURL.editCall),
        (SiteURL.callQuestions, SiteURL.editCall),
        (SiteURL.removeCallQuestion, SiteURL.editCall),
        (SiteURL.region, SiteRoute(SiteURL.staffRegions)),
        (SiteURL.topic, SiteRoute(SiteURL.staffTopics)),
        (SiteURL.roundMatching, SiteURL.roundSelection),
        (SiteURL.newMeeting, SiteURL.assignmentOf),
        (SiteURL.scope, SiteURL.assignmentOf),
        (SiteURL.scopeConfirmation, SiteURL.assignmentOf),
        (SiteURL.assignExpert, SiteURL.assignmentOf),
        (SiteURL.launch, SiteURL.assignmentOf),
        (SiteURL.timesheet, SiteURL.assignmentOf),
        (SiteURL.timesheetReview, SiteURL.assignmentOf),
        (SiteURL.timesheetApproval, SiteURL.assignmentOf),
        (SiteURL.extensions, SiteURL.assignmentOf),
        (SiteURL.extensionDecision, SiteURL.assignmentOf),
        (SiteURL.milestones, SiteURL.assignmentOf),
        (SiteURL.milestoneDone, SiteURL.assignmentOf),
        (SiteURL.messages, SiteURL.assignmentOf),
        (SiteURL.documents, SiteURL.assignmentOf),
        (SiteURL.finalReport, SiteURL.assignmentOf),
        (SiteURL.feedback, SiteURL.assignmentOf),
        (SiteURL.closure, SiteURL.assignmentOf),
        (SiteURL.meetingCancellation, SiteURL.meeting),
        (SiteURL.meetingMinutes, SiteURL.meeting),
        (SiteRoute(SiteURL.accountName), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountLanguage), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountEmail), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountPassword), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountData), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountSessions), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.accountErasure), SiteRoute(SiteURL.account)),
        (SiteRoute(SiteURL.twoFactorSetup), SiteRoute(SiteURL.twoFactor)),
        (SiteRoute(SiteURL.twoFactorConfirm), SiteRoute(SiteURL.twoFactor)),
        (SiteRoute(SiteURL.recoveryCodes), SiteRoute(SiteURL.twoFactor)),
        (SiteRoute(SiteURL.twoFactorOff), SiteRoute(SiteURL.twoFactor)),
        (SiteURL.staffUserRole, SiteURL.staffUser),
        (SiteURL.staffUserDeactivation, SiteURL.staffUser),
        (SiteURL.staffUserReactivation, SiteURL.staffUser),
        (SiteURL.staffUserAuthority, SiteURL.staffUser),
        (SiteURL.staffUserTwoFactorReset, SiteURL.staffUser),
    ]

    /// Call once every real route is registered, before `MethodNotAllowed` fills the rest.
    static func register(on app: Application) {
        let pages = app.routes.all.filter { $0.method == .GET }.map(\.path.string)
        for (form, page) in Self.pages where !pages.contains(form.path.string) {
            app.get(form.path) { req in
                req.redirect(to: page.filled(from: req.parameters), redirectType: .normal)
            }
        }
    }
}
