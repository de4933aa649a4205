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
        /// An applicant's account that belongs to no authority (made before `user add` asked for
        /// one): it can do nothing, so every page says what to do.
        let withoutAuthority: Bool
    }

    let title: String
    let user: SignedIn?
    /// Present when someone is signed in: the sign-out form is a POST and carries it.
    let csrfToken: String?
    let stylesheet = SiteURL.stylesheet
    let loginURL = SiteURL.login()
    let logoutURL = SiteURL.logout
    let staffCallsURL = SiteURL.staffCalls
    let staffApplicationsURL = SiteURL.staffApplications
    let myApplicationsURL = SiteURL.myApplications
    let registerURL = SiteURL.register

    init(request: Request, title: String) {
        self.title = title
        if let user = request.auth.get(User.self) {
            self.user = SignedIn(name: user.name, role: user.role.rawValue,
                                 canManageCalls: user.role.may(.manageCalls),
                                 canViewApplications: user.role.may(.viewAllApplications),
                                 canApply: user.role.may(.apply),
                                 canCorrectRegions: user.role.may(.correctReferenceData),
                                 canReadOutbox: user.role.may(.readOutbox),
                                 withoutAuthority: user.role == .applicant && user.$organisation.id == nil)
            self.csrfToken = request.isAPI ? nil : CSRF.token(for: request)
        } else {
            self.user = nil
            self.csrfToken = nil
        }
    }
}
