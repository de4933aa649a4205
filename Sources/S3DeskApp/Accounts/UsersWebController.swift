import Fluent
import S3DeskDomain
import Vapor

/// The administrators' users pages: the list with its invitation form, and one account with the
/// forms that change its role and its state.
struct UsersWebController: RouteCollection {
    struct InviteForm: Content {
        let name: String?
        let email: String?
        let role: String?
        let language: String?
    }

    struct RoleForm: Content {
        let role: String?
    }

    struct AllowanceForm: Content {
        let otherCountriesAllowed: Bool?
    }

    func boot(routes: any RoutesBuilder) throws {
        let admins = routes.grouped(CapabilityGuard(capability: .manageUsers))
        admins.get(SiteURL.staffUsers.pathComponents, use: list)
        admins.post(SiteURL.staffUsers.pathComponents, use: invite)
        admins.get(SiteURL.staffUser.path, use: show)
        admins.post(SiteURL.staffUserRole.path, use: changeRole)
        admins.post(SiteURL.staffUserDeactivation.path, use: deactivate)
        admins.post(SiteURL.staffUserReactivation.path, use: reactivate)
        admins.post(SiteURL.staffUserTwoFactorReset.path, use: resetSecondFactor)
        admins.post(SiteURL.staffUserAuthority.path, use: changeAllowance)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await renderList(req, invite: .empty, refusal: nil)
    }

    @Sendable
    func invite(req: Request) async throws -> Response {
        let admin = try req.requireUser()
        let form = try req.content.decode(InviteForm.self)
        var invited: User?
        let refusal = try await FormRefusal.catching {
            invited = try await StaffAccounts.invite(email: form.email ?? "", name: form.name ?? "", role: form.role.flatMap(Role.init(rawValue:)),
                                                     language: form.language, by: admin, in: req.services)
        }
        if let invited { return req.redirect(to: SiteURL.staffUser(try invited.requireID()) + "?invited=1") }
        let input = FormInput(values: ["name": form.name ?? "", "email": form.email ?? "", "role": form.role ?? "",
                                        "language": form.language ?? ""],
                              errors: (refusal?.fields ?? [:]).mapValues(req.translated))
        return try await renderList(req, invite: input, refusal: refusal.map { req.translated($0.message) })
            .encodeResponse(status: refusal?.status ?? .unprocessableEntity, for: req)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let notice: StaffText? = switch req.query[String.self, at: "done"] ?? (req.query[String.self, at: "invited"] != nil ? "invited" : nil) {
        case "invited": .userNoticeInvited
        case "role": .userNoticeRole
        case "deactivated": .userNoticeDeactivated
        case "reactivated": .userNoticeReactivated
        case "authority": .userNoticeAuthority
        case "two-factor": .userNoticeTwoFactorReset
        default: nil
        }
        return try await renderAccount(req, try await find(req), input: .empty, notice: notice.map { req.text($0) }, refusal: nil)
    }

    @Sendable
    func changeRole(req: Request) async throws -> Response {
        let account = try await find(req)
        let role = try req.content.decode(RoleForm.self).role
        let response = try await act(req, account, done: "role", input: FormInput(values: ["role": role ?? ""])) { admin, id in
            _ = try await StaffAccounts.changeRole(of: id, to: role.flatMap(Role.init(rawValue:)), by: admin, in: req.services)
        }
        // An administrator who gave up the role may no longer open the users pages.
        let stepsDown = account.id == (try req.requireUser()).id && role != Role.admin.rawValue
        return response.status == .seeOther && stepsDown ? req.redirect(to: SiteURL.home) : response
    }

    @Sendable
    func deactivate(req: Request) async throws -> Response {
        try await act(req, try await find(req), done: "deactivated") { admin, id in
            _ = try await StaffAccounts.deactivate(id, by: admin, in: req.services)
        }
    }

    @Sendable
    func reactivate(req: Request) async throws -> Response {
        try await act(req, try await find(req), done: "reactivated") { admin, id in
            _ = try await StaffAccounts.reactivate(id, by: admin, in: req.services)
        }
    }

    @Sendable
    func changeAllowance(req: Request) async throws -> Response {
        let account = try await find(req)
        let allowed = try req.content.decode(AllowanceForm.self).otherCountriesAllowed == true
        return try await act(req, account, done: "authority") { admin, _ in
            guard let organisationID = account.$organisation.id else {
                throw AppError.conflict("no_authority", "this account belongs to no authority")
            }
            try await OrganisationAllowances.allowOtherCountries(allowed, for: organisationID, by: admin, in: req.services)
        }
    }

    /// For someone who lost both their phone and their recovery codes.
    @Sendable
    func resetSecondFactor(req: Request) async throws -> Response {
        try await act(req, try await find(req), done: "two-factor") { admin, id in
            _ = try await StaffAccounts.resetSecondFactor(of: id, by: admin, in: req.services)
        }
    }

    private func act(_ req: Request, _ account: User, done: String, input: FormInput = .empty,
                     _ action: (User, UUID) async throws -> Void) async throws -> Response {
        let admin = try req.requireUser()
        let id = try account.requireID()
        let refusal = try await FormRefusal.catching { try await action(admin, id) }
        guard let refusal else { return req.redirect(to: SiteURL.staffUser(id) + "?done=\(done)") }
        // Read again: the refusal may come from a change another administrator just made.
        let fresh = try await User.find(id, on: req.db) ?? account
        return try await renderAccount(req, fresh, input: FormInput(values: input.values, errors: refusal.fields.mapValues(req.translated)),
                                       notice: nil, refusal: req.translated(refusal.message))
            .encodeResponse(status: refusal.status, for: req)
    }

    private func find(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw AppError.notFound("account")
        }
        return user
    }

    private func renderList(_ req: Request, invite: FormInput, refusal: String?) async throws -> View {
        let page = try await UsersPage.load(UserSearch(from: req), pageNumber: Pagination.pageNumber(req), invite: invite, refusal: refusal,
                                            layout: Layout(request: req, title: req.text(StaffText.usersTitle)), csrfToken: CSRF.token(for: req),
                                            wording: req.wording, on: req.db)
        return try await req.view.render("staff/users", page)
    }

    private func renderAccount(_ req: Request, _ account: User, input: FormInput, notice: String?, refusal: String?) async throws -> View {
        let page = try await UserAccountPage.load(account, for: try req.requireUser(), input: input, notice: notice, refusal: refusal,
                                                  layout: Layout(request: req, title: account.name)
                                                      .with(Breadcrumbs([(req.text(StaffText.usersTitle), SiteURL.staffUsers)], current: account.name)),
                                                  csrfToken: CSRF.token(for: req), codes: req.application.referenceCodes, wording: req.wording, on: req.db)
        return try await req.view.render("staff/user", page)
    }
}
