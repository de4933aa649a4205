import Fluent
import S3DeskDomain

/// The two-factor page of a person's account: off (with the button that starts), waiting for
/// the first code (with the QR code and the secret to type), or on (recovery codes, turning off).
struct TwoFactorPage: Encodable {
    enum State: String, Encodable { case off, waiting, on }

    let layout: Layout
    let state: State
    /// The person's role must use it here; `gated` when this session has not given it yet.
    let required: Bool
    let gated: Bool
    let setupForm: WebForm?
    let qrCodeURL = SiteURL.twoFactorQRCode
    /// The pending secret in groups of four, for typing into an app that cannot scan.
    let secretGroups: [String]
    let confirmForm: WebForm?
    let recoveryCodesLeft: Int
    let renewForm: WebForm?
    let offForm: WebForm?
    let openForm: String?
    let notice: String?
    let refusal: String?
    let accountURL = SiteURL.account

    /// - Parameter pendingSecret: the secret waiting to be scanned, opened (`TwoFactorAccounts.pendingSecret`).
    static func load(_ user: User, pendingSecret: String?, passedSecondFactor: Bool, enforced: Bool, openForm: String?, input sent: FormInput,
                     notice: String?, refusal: String?, layout: Layout, csrfToken: String, wording: Wording,
                     on db: any Database) async throws -> TwoFactorPage {
        let state: State = user.usesSecondFactor ? .on : user.totpPendingSecret == nil ? .off : .waiting
        let required = SecondFactor.isRequired(for: user.role, enforced: enforced)
        func input(for form: String) -> FormInput { openForm == form ? sent : .empty }
        func codeField(_ form: String, hint: String?) -> FormField {
            var field = FormField(form: form, name: "code", label: wording(AccountText.twoFactorCodeLabel), input: input(for: form), hint: hint)
            field.autocomplete = "one-time-code"
            field.maxLength = 20
            return field
        }
        func passwordField(_ form: String) -> FormField {
            var password = FormField(form: form, name: "password", label: wording(AccountText.profileYourCurrentPassword), kind: .password,
                                     input: input(for: form))
            password.autocomplete = "current-password"
            return password
        }
        let secret = state == .waiting ? pendingSecret ?? "" : ""
        return TwoFactorPage(
            layout: layout, state: state, required: required, gated: required && !passedSecondFactor,
            setupForm: state == .on ? nil : WebForm(csrfToken: csrfToken, id: "setup", action: SiteURL.twoFactorSetup,
                                                    submit: wording(state == .off ? AccountText.twoFactorSetUp : .twoFactorStartAgain),
                                                    secondary: state == .waiting),
            secretGroups: stride(from: 0, to: secret.count, by: 4).map { String(secret.dropFirst($0).prefix(4)) },
            confirmForm: state == .waiting ? WebForm(csrfToken: csrfToken, id: "confirm", action: SiteURL.twoFactorConfirm,
                                                     submit: wording(AccountText.twoFactorTurnOn),
                                                     fields: [codeField("confirm", hint: wording(AccountText.twoFactorConfirmHint)),
                                                              passwordField("confirm")]) : nil,
            recoveryCodesLeft: state == .on ? try await TwoFactorAccounts.recoveryCodesLeft(of: user.requireID(), on: db) : 0,
            renewForm: state == .on ? WebForm(csrfToken: csrfToken, id: "renew", action: SiteURL.recoveryCodes,
                                              submit: wording(AccountText.twoFactorRenew), secondary: true,
                                              fields: [codeField("renew", hint: wording(AccountText.twoFactorRenewHint))]) : nil,
            offForm: state == .on && !required ? WebForm(csrfToken: csrfToken, id: "off", action: SiteURL.twoFactorOff,
                                                         submit: wording(AccountText.twoFactorTurnOff), secondary: true,
                                                         fields: [passwordField("off"), codeField("off", hint: nil)]) : nil,
            openForm: openForm, notice: notice, refusal: refusal)
    }
}

/// Recovery codes, shown once, right after they are made.
struct RecoveryCodesPage: Encodable {
    let layout: Layout
    let codes: [String]
    let continueURL: String
}
