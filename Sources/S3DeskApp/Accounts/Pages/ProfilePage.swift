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
    /// The language of the person's pages and emails.
    let languageForm: WebForm
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

    /// - Parameters:
    ///   - sent: what the refused form (named by `openForm`) was sent with.
    ///   - wording: the reader's language, in which the page speaks; the language form shows it
    ///     chosen when the account has chosen none yet.
    static func load(_ user: User, openForm: String?, input sent: FormInput, notice: String?, refusal: String?, layout: Layout,
                     csrfToken: String, wording: Wording, at now: Date, on db: any Database) async throws -> ProfilePage {
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$expiresAt > now)
            .sort(\.$expiresAt, .descending).all()
        let pending = try await AccountToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$purpose == .changeEmail)
            .filter(\.$usedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt, .descending).first()
        func input(for form: String) -> FormInput { openForm == form ? sent : .empty }
        var name = FormField(form: "name", name: "name", label: wording(AccountText.profileFullName), input: input(for: "name"), default: user.name)
        name.maxLength = 200
        name.autocomplete = "name"
        var email = FormField(form: "email", name: "email", label: wording(AccountText.profileNewEmail), kind: .email, input: input(for: "email"),
                              hint: wording(AccountText.profileNewEmailHint))
        email.autocomplete = "email"
        var emailPassword = FormField(form: "email", name: "password", label: wording(AccountText.profileYourCurrentPassword), kind: .password,
                                      input: input(for: "email"))
        emailPassword.autocomplete = "current-password"
        var current = FormField(form: "password", name: "currentPassword", label: wording(AccountText.profileCurrentPassword), kind: .password,
                                input: input(for: "password"))
        current.autocomplete = "current-password"
        var new = FormField(form: "password", name: "newPassword", label: wording(AccountText.profileNewPassword), kind: .password, input: input(for: "password"),
                            hint: wording(AccountText.profileNewPasswordHint, wording.integer(Credentials.passwordMinimum)))
        new.autocomplete = "new-password"
        var erasurePassword = FormField(form: "erase", name: "password", label: wording(AccountText.profileYourCurrentPassword), kind: .password,
                                        input: input(for: "erase"))
        erasurePassword.autocomplete = "current-password"
        var erasureCode = FormField(form: "erase", name: "code", label: wording(AccountText.profileAuthenticatorCode), input: input(for: "erase"))
        erasureCode.autocomplete = "one-time-code"
        erasureCode.maxLength = 20
        let language = FormField.language(form: "language", label: wording(AccountText.profileLanguageLabel), input: input(for: "language"),
                                          chosen: user.language ?? wording.language)
        return ProfilePage(
            layout: layout, name: user.name, email: user.email, role: wording.label(user.role), pendingEmail: pending?.newEmail,
            nameForm: WebForm(csrfToken: csrfToken, id: "name", action: SiteURL.accountName, submit: wording(AccountText.profileSaveName), fields: [name]),
            emailForm: WebForm(csrfToken: csrfToken, id: "email", action: SiteURL.accountEmail, submit: wording(AccountText.profileSendLink),
                               fields: [email, emailPassword]),
            passwordForm: WebForm(csrfToken: csrfToken, id: "password", action: SiteURL.accountPassword, submit: wording(AccountText.profileSavePassword),
                                  fields: [current, new]),
            dataForm: WebForm(csrfToken: csrfToken, id: "data", action: SiteURL.accountData, submit: wording(AccountText.profileDownload), secondary: true),
            sessionsForm: WebForm(csrfToken: csrfToken, id: "sessions", action: SiteURL.accountSessions, submit: wording(AccountText.profileSignOutElsewhere),
                                  secondary: true),
            erasureForm: WebForm(csrfToken: csrfToken, id: "erase", action: SiteURL.accountErasure, submit: wording(AccountText.profileEraseSubmit),
                                 fields: user.usesSecondFactor ? [erasurePassword, erasureCode] : [erasurePassword]),
            languageForm: WebForm(csrfToken: csrfToken, id: "language", action: SiteURL.accountLanguage, submit: wording(AccountText.profileLanguageSubmit),
                                  fields: [language]),
            twoFactor: user.usesSecondFactor, apiTokens: tokens.count, lastTokenEnds: tokens.first.map { wording.time($0.expiresAt, in: .service) },
            openForm: openForm, notice: notice, refusal: refusal)
    }
}
