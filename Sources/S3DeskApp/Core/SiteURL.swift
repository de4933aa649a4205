import Foundation

/// Every page address of the web interface, so links are never spelled twice.
enum SiteURL {
    static let home = "/"
    static let staffCalls = "/staff/calls"
    static let newCall = "/staff/calls/new"
    static let logout = "/logout"
    static let stylesheet = "/css/site.css"

    static let register = "/register"
    static let registered = "/register/sent"
    static let confirmPath = "/accounts/confirm"

    static func confirmAccount(token: String) -> String { "\(confirmPath)?token=\(token)" }
    static let organisation = "/organisation"
    static let passwordReset = "/password-reset"

    static func acceptInvitation(token: String) -> String { "/invitations/accept?token=\(token)" }
    static func choosePassword(token: String) -> String { "/password-reset/confirm?token=\(token)" }
    static let myApplications = "/applications"
    static let staffApplications = "/staff/applications"

    static func application(_ id: UUID) -> String { "/applications/\(id.uuidString)" }
    static func editApplication(_ id: UUID) -> String { "/applications/\(id.uuidString)/edit" }
    static func progressChart(_ id: UUID) -> String { "/applications/\(id.uuidString)/progress.svg" }
    static func apply(to call: UUID) -> String { "/calls/\(call.uuidString)/apply" }
    static func editCall(_ id: UUID) -> String { "/staff/calls/\(id.uuidString)/edit" }
    static func call(_ id: UUID) -> String { "/staff/calls/\(id.uuidString)" }
    static func rankingPolicy(_ call: UUID) -> String { "/staff/calls/\(call.uuidString)/ranking-policy" }
    static func round(_ id: UUID) -> String { "/staff/rounds/\(id.uuidString)" }
    static func rankingCSV(_ round: UUID) -> String { "/staff/rounds/\(round.uuidString)/ranking.csv" }
    static func endorsement(_ round: UUID) -> String { "/staff/rounds/\(round.uuidString)/endorsement" }
    static func assessment(_ application: UUID) -> String { "/staff/applications/\(application.uuidString)/assessment" }
    static func decision(_ application: UUID) -> String { "/staff/applications/\(application.uuidString)/decision" }

    /// The sign-in page, remembering where to go afterwards (only paths on this site).
    static func login(next: String? = nil) -> String {
        guard let next, isLocalPath(next), next != "/login" else { return "/login" }
        var components = URLComponents()
        components.path = "/login"
        components.queryItems = [URLQueryItem(name: "next", value: next)]
        return components.string ?? "/login"
    }

    /// True for a path on this site; refuses `//host` and absolute URLs, which would make the
    /// sign-in page an open redirect.
    static func isLocalPath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.hasPrefix("//") && !text.hasPrefix("/\\")
    }
}
