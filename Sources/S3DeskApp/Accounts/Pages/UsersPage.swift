import Fluent
import S3DeskDomain

/// The administrators' list of accounts, with its filters and the form that invites staff.
struct UsersPage: Encodable {
    struct Row: Encodable {
        let name: String
        let email: String
        let url: String
        let role: String
        let status: String
        let statusKey: String
        let joined: TimeLabel
    }

    let layout: Layout
    let search: UserSearch
    let roles: [SelectOption]
    let statuses: [SelectOption]
    let rows: [Row]
    let total: Int
    let pagination: Pagination
    let errors: [String: String]
    let inviteForm: WebForm
    /// Open when the invitation was refused, so the person sees their input and the reasons.
    let inviteOpen: Bool
    let refusal: String?

    static let pageSize = 50

    static func load(_ search: UserSearch, pageNumber: Int, invite: FormInput, refusal: String?, layout: Layout,
                     csrfToken: String, wording: Wording, on db: any Database) async throws -> UsersPage {
        var errors: [String: String] = [:]
        var filters = StaffAccounts.Filters()
        do { filters = try search.filters } catch let error as AppError { errors = error.fields.mapValues(wording.translated) }
        let (users, total) = errors.isEmpty
            ? try await StaffAccounts.list(filters, page: PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize), on: db)
            : ([], 0)
        return UsersPage(
            layout: layout, search: search,
            roles: Role.allCases.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0.rawValue == search.role) },
            statuses: UserSearch.statuses.keys.sorted()
                .map { SelectOption(value: $0, label: wording(AccountStatus.textKey($0)), selected: $0 == search.status) },
            rows: try users.map { try Row($0, wording: wording) },
            total: total,
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffUsers, query: search.queryItems),
            errors: errors, inviteForm: StaffInvitationForm.form(csrfToken: csrfToken, input: invite, wording: wording),
            inviteOpen: !invite.errors.isEmpty || refusal != nil, refusal: refusal)
    }
}

extension UsersPage.Row {
    init(_ user: User, wording: Wording) throws {
        name = user.name
        email = user.email
        url = SiteURL.staffUser(try user.requireID())
        role = wording.label(user.role)
        (status, statusKey) = AccountStatus.of(user, wording: wording)
        joined = wording.time(user.createdAt, in: .service)
    }
}

/// An account's state in words, and a key for its badge.
enum AccountStatus {
    static func of(_ user: User, wording: Wording) -> (label: String, key: String) {
        let key = !user.isActive ? "deactivated" : user.passwordHash.isEmpty ? "invited" : "active"
        return (wording(textKey(key)), key)
    }

    /// The state's name in `staff.json`, from its key (`active`, `invited`, `deactivated`).
    static func textKey(_ key: String) -> StaffText {
        switch key {
        case "deactivated": .usersStatusDeactivated
        case "invited": .usersStatusInvited
        default: .usersStatusActive
        }
    }
}
