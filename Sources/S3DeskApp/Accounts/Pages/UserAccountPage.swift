import Fluent
import S3DeskDomain

/// One account as an administrator sees it: who it is, its role and state, the forms that change
/// them (or why they cannot), and what the audit trail says about it.
struct UserAccountPage: Encodable {
    let layout: Layout
    let name: String
    let email: String
    let role: String
    let status: String
    let statusKey: String
    let joined: TimeLabel
    let deactivated: TimeLabel?
    let organisation: String?
    /// The authority's allowance of territories in other countries, and the form that turns it.
    let otherCountries: String?
    let otherCountriesForm: WebForm?
    let roleForm: WebForm?
    /// Why the role cannot change, when it cannot.
    let roleNote: String?
    let activationForm: WebForm?
    let activationNote: String?
    /// Whether the account signs in with a second factor, and the form that resets it when allowed.
    let twoFactorOn: Bool
    let twoFactorResetForm: WebForm?
    let notice: String?
    let refusal: String?
    let trail: [AuditTrailRow]

    static let trailLength = 20

    static func load(_ account: User, for admin: User, input: FormInput, notice: String?, refusal: String?, layout: Layout,
                     csrfToken: String, codes: ReferenceCodes, wording: Wording, on db: any Database) async throws -> UserAccountPage {
        let id = try account.requireID()
        let policy = try await StaffAccounts.policy(of: admin, over: account, on: db)
        let choices = policy.roleChoices
        let roleRefusal = Role.staff.lazy.compactMap { $0 == account.role ? nil : policy.refusalToChangeRole(to: $0) }.first
        let activationRefusal = account.isActive ? policy.refusalToDeactivate : policy.refusalToReactivate
        let organisation = try await account.$organisation.get(on: db)
        let country = organisation.map { codes.territoryName(String($0.territory.prefix(2))) }
        let allowed = organisation?.otherCountriesAllowed == true
        let events = try await AuditEvent.query(on: db).filter(\.$subjectType == AuditSubject.user(id).type)
            .filter(\.$subjectID == id.uuidString).sort(\.$occurredAt, .descending).limit(trailLength).with(\.$actor).all()
        let (status, statusKey) = AccountStatus.of(account, wording: wording)
        return UserAccountPage(
            layout: layout, name: account.name, email: account.email, role: wording.label(account.role), status: status, statusKey: statusKey,
            joined: wording.time(account.createdAt, in: .service), deactivated: account.deactivatedAt.map { wording.time($0, in: .service) },
            organisation: organisation.map { "\($0.name), \(codes.territoryName($0.territory))" },
            otherCountries: country.map { wording(allowed ? StaffText.userOtherCountriesAllowed : .userOtherCountriesOnly, $0) },
            otherCountriesForm: organisation == nil ? nil : WebForm(
                csrfToken: csrfToken, id: "other-countries", action: SiteURL.staffUserAuthority(id),
                submit: allowed ? wording(StaffText.userKeepToCountry, country ?? wording(StaffText.userItsCountry))
                    : wording(StaffText.userAllowOtherCountries),
                secondary: allowed, hidden: [.init(name: "otherCountriesAllowed", value: allowed ? "false" : "true")]),
            roleForm: choices.count > 1
                ? WebForm(csrfToken: csrfToken, id: "role", action: SiteURL.staffUserRole(id), submit: wording(StaffText.userChangeRole),
                          fields: [StaffInvitationForm.roleField(form: "role", input: input, choices: choices, current: account.role,
                                                                 wording: wording)])
                : nil,
            roleNote: choices.count > 1 ? nil : roleRefusal.map { wording.translated($0.message) },
            activationForm: activationRefusal == nil
                ? WebForm(csrfToken: csrfToken, id: "activation",
                          action: account.isActive ? SiteURL.staffUserDeactivation(id) : SiteURL.staffUserReactivation(id),
                          submit: wording(account.isActive ? StaffText.userDeactivate : .userReactivate), secondary: account.isActive)
                : nil,
            activationNote: activationRefusal.flatMap { [.ownAccount, .lastAdmin].contains($0) ? wording.translated($0.message) : nil },
            twoFactorOn: account.usesSecondFactor,
            twoFactorResetForm: policy.refusalToResetSecondFactor(isSet: account.usesSecondFactor || account.totpPendingSecret != nil) == nil
                ? WebForm(csrfToken: csrfToken, id: "two-factor", action: SiteURL.staffUserTwoFactorReset(id),
                          submit: wording(StaffText.userTwoFactorReset), secondary: true)
                : nil,
            notice: notice, refusal: refusal,
            trail: events.map { AuditTrailRow($0, in: .service, wording: wording) })
    }
}
