import Fluent
import Foundation
import S3DeskDomain

/// A person's own account: their name, address and password, each changed by its own form.
struct ProfilePage: Encodable {
    let layout: Layout
    let name: String
    let email: String
    let role: String
    /// The address a change waits to be confirmed for, when one does.
    let pendingEmail: String?
    let nameForm: WebForm
    let emailForm: WebForm
    let passwordForm: WebForm
    let dataForm: WebForm
    let sessionsForm: WebForm
    let erasureForm: WebForm
    let twoFactor: Bool
    /// The account's API tokens still valid, with when the latest ends.
    let apiTokens: Int
    let lastTokenEnds: TimeLabel?
    /// The form to open, with its refusal, when one was refused.
    let openForm: String?
    let notice: String?
    let refusal: String?
    let noticesURL = SiteURL.notices
    let twoFactorURL = SiteURL.twoFactor
    let privacyURL = SiteURL.privacy

    /// - Parameter sent: what the refused form (named by `openForm`) was sent with.
    static func load(_ user: User, openForm: String?, input sent: FormInput, notice: String?, refusal: String?, layout: Layout,
                     csrfToken: String, at now: Date, on db: any Database) async throws -> ProfilePage {
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$expiresAt > now)
            .sort(\.$expiresAt, .descending).all()
        let pending = try await AccountToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$purpose == .changeEmail)
            .filter(\.$usedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt, .descending).first()
        func input(for form: String) -> FormInput { openForm == form ? sent : .empty }
        var name = FormField(form: "name", name: "name", label: "Full name", input: input(for: "name"), default: user.name)
        name.maxLength = 200
        name.autocomplete = "name"
        var email = FormField(form: "email", name: "email", label: "New email address", kind: .email, input: input(for: "email"),
                              hint: "We send a link to the new address; your account keeps the current one until you follow it.")
        email.autocomplete = "email"
        var emailPassword = FormField(form: "email", name: "password", label: "Your current password", kind: .password, input: input(for: "email"))
        emailPassword.autocomplete = "current-password"
        var current = FormField(form: "password", name: "currentPassword", label: "Current password", kind: .password, input: input(for: "password"))
        current.autocomplete = "current-password"
        var new = FormField(form: "password", name: "newPassword", label: "New password", kind: .password, input: input(for: "password"),
                            hint: "At least \(Credentials.passwordMinimum) characters. Your other sessions and API tokens end.")
        new.autocomplete = "new-password"
        var erasurePassword = FormField(form: "erase", name: "password", label: "Your current password", kind: .password, input: input(for: "erase"))
        erasurePassword.autocomplete = "current-password"
        var erasureCode = FormField(form: "erase", name: "code", label: "Code from your authenticator app", input: input(for: "erase"))
        erasureCode.autocomplete = "one-time-code"
        erasureCode.maxLength = 20
        return ProfilePage(
            layout: layout, name: user.name, email: user.email, role: user.role.label, pendingEmail: pending?.newEmail,
            nameForm: WebForm(csrfToken: csrfToken, id: "name", action: SiteURL.accountName, submit: "Save the name", fields: [name]),
            emailForm: WebForm(csrfToken: csrfToken, id: "email", action: SiteURL.accountEmail, submit: "Send the confirmation link",
                               fields: [email, emailPassword]),
            passwordForm: WebForm(csrfToken: csrfToken, id: "password", action: SiteURL.accountPassword, submit: "Change the password",
                                  fields: [current, new]),
            dataForm: WebForm(csrfToken: csrfToken, id: "data", action: SiteURL.accountData, submit: "Download my data (ZIP)", secondary: true),
            sessionsForm: WebForm(csrfToken: csrfToken, id: "sessions", action: SiteURL.accountSessions, submit: "Sign out everywhere else",
                                  secondary: true),
            erasureForm: WebForm(csrfToken: csrfToken, id: "erase", action: SiteURL.accountErasure, submit: "Erase my account for good",
                                 fields: user.usesSecondFactor ? [erasurePassword, erasureCode] : [erasurePassword]),
            twoFactor: user.usesSecondFactor, apiTokens: tokens.count, lastTokenEnds: tokens.first.map { TimeLabel($0.expiresAt, in: .service) },
            openForm: openForm, notice: notice, refusal: refusal)
    }
}
