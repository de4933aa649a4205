import S3DeskDomain
import Vapor

/// What the base layout of every page needs: the title, who is signed in, and the navigation.
struct Layout: Encodable {
    struct SignedIn: Encodable {
        let name: String
        let role: String
        let canManageCalls: Bool
        let canViewApplications: Bool
        let canApply: Bool
        let canCorrectRegions: Bool
        let canReadOutbox: Bool
        let canViewExperts: Bool
        let canEditCatalogue: Bool
        let canMonitor: Bool
        let canManageUsers: Bool
        /// Shown beside the link to the notices; read from the person's row, never counted here.
        let unreadNotices: Int
        let isExpert: Bool
        /// An applicant's account that belongs to no authority (made before `user add` asked for
        /// one): it can do nothing, so every page says what to do.
        let withoutAuthority: Bool
    }

    /// One entry of the language switcher: a link for each language but the page's own.
    struct LanguageLink: Encodable {
        let code: String
        let name: String
        let url: String
        let current: Bool
    }

    let title: String
    /// The page's language, for `<html lang>`.
    let language: String
    let languages: [LanguageLink]
    let user: SignedIn?
    /// Set with `with(_:)` by pages below others.
    var breadcrumbs: Breadcrumbs?
    /// Present when someone is signed in: the sign-out form is a POST and carries it.
    let csrfToken: String?
    // The site's fixed addresses, for every view: no view spells a path.
    let stylesheet = SiteURL.stylesheet
    let homeURL = SiteURL.home
    let statisticsURL = SiteURL.statistics
    let helpURL = SiteURL.help
    let contactURL = SiteURL.contact
    let legalNoticeURL = SiteURL.legalNotice
    let privacyURL = SiteURL.privacy
    let loginURL = SiteURL.login()
    let loginAction = SiteURL.loginPath
    let logoutURL = SiteURL.logout
    let registerURL = SiteURL.register
    let passwordResetURL = SiteURL.passwordReset
    let organisationURL = SiteURL.organisation
    let invitationsURL = SiteURL.invitations
    let staffCallsURL = SiteURL.staffCalls
    let staffApplicationsURL = SiteURL.staffApplications
    let staffRegionsURL = SiteURL.staffRegions
    let staffOutboxURL = SiteURL.staffOutbox
    let myApplicationsURL = SiteURL.myApplications
    let staffExpertsURL = SiteURL.staffExperts
    let staffTopicsURL = SiteURL.staffTopics
    let staffUsersURL = SiteURL.staffUsers
    let dashboardURL = SiteURL.dashboard
    let noticesURL = SiteURL.notices
    let accountURL = SiteURL.account
    let expertHomeURL = SiteURL.expertHome
    let apiDocumentURL = APIURL.openAPI

    /// With the title in the request's language.
    init(request: Request, title: Text) {
        self.init(request: request, title: request.text(title))
    }

    init(request: Request, title: String) {
        self.title = title
        let current = request.language
        language = current.rawValue
        let here = request.url.string
        languages = Language.allCases.map { language in
            var url = URLComponents()
            url.path = SiteURL.language(language.rawValue)
            url.queryItems = [URLQueryItem(name: "returnTo", value: here)]
            return LanguageLink(code: language.rawValue, name: language.nativeName, url: url.string ?? url.path, current: language == current)
        }
        if let user = request.auth.get(User.self) {
            self.user = SignedIn(name: user.name, role: request.label(user.role),
                                 canManageCalls: user.role.may(.manageCalls),
                                 canViewApplications: user.role.may(.viewAllApplications),
                                 canApply: user.role.may(.apply),
                                 canCorrectRegions: user.role.may(.correctReferenceData),
                                 canReadOutbox: user.role.may(.readOutbox),
                                 canViewExperts: user.role.may(.viewExperts),
                                 canEditCatalogue: user.role.may(.editCatalogue),
                                 canMonitor: user.role.may(.monitor),
                                 canManageUsers: user.role.may(.manageUsers),
                                 unreadNotices: user.unreadNotices ?? 0,
                                 isExpert: user.role.may(.keepExpertProfile),
                                 withoutAuthority: user.role == .applicant && user.$organisation.id == nil)
            self.csrfToken = request.isAPI ? nil : CSRF.token(for: request)
        } else {
            self.user = nil
            self.csrfToken = nil
        }
    }
}
