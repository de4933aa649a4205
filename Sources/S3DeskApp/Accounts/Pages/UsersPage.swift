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
                     csrfToken: String, on db: any Database) async throws -> UsersPage {
        var errors: [String: String] = [:]
        var filters = StaffAccounts.Filters()
        do { filters = try search.filters } catch let error as AppError { errors = error.fields }
        let (users, total) = errors.isEmpty
            ? try await StaffAccounts.list(filters, page: PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize), on: db)
            : ([], 0)
        return UsersPage(
            layout: layout, search: search,
            roles: Role.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == search.role) },
            statuses: UserSearch.statuses.sorted { $0.key < $1.key }
                .map { SelectOption(value: $0.key, label: $0.value, selected: $0.key == search.status) },
            rows: try users.map(Row.init),
            total: total,
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffUsers, query: search.queryItems),
            errors: errors, inviteForm: StaffInvitationForm.form(csrfToken: csrfToken, input: invite),
            inviteOpen: !invite.errors.isEmpty || refusal != nil, refusal: refusal)
    }
}

extension UsersPage.Row {
    init(_ user: User) throws {
        name = user.name
        email = user.email
        url = SiteURL.staffUser(try user.requireID())
        role = user.role.label
        (status, statusKey) = AccountStatus.of(user)
        joined = TimeLabel(user.createdAt, in: .service)
    }
}

/// An account's state in words, and a key for its badge.
enum AccountStatus {
    static func of(_ user: User) -> (label: String, key: String) {
        if !user.isActive { return ("Deactivated", "deactivated") }
        if user.passwordHash.isEmpty { return ("Invited", "invited") }
        return ("Active", "active")
    }
}
