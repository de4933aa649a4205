import Fluent
import S3DeskDomain
import Vapor

/// The account's two-factor page: setting it up with an authenticator app, new recovery codes,
/// turning it off where the role allows.
struct TwoFactorWebController: RouteCollection {
    struct Form: Content {
        let code: String?
        let password: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.twoFactor.pathComponents, use: show)
        routes.post(SiteURL.twoFactorSetup.pathComponents, use: setUp)
        routes.get(SiteURL.twoFactorQRCode.pathComponents, use: qrCode)
        routes.post(SiteURL.twoFactorConfirm.pathComponents, use: confirm)
        routes.post(SiteURL.recoveryCodes.pathComponents, use: renew)
        routes.post(SiteURL.twoFactorOff.pathComponents, use: turnOff)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let notice: String? = req.query[String.self, at: "done"] == "off" ? req.text(AccountText.twoFactorDoneOff) : nil
        return try await render(req, openForm: nil, input: .empty, notice: notice, refusal: nil)
    }

    @Sendable
    func setUp(req: Request) async throws -> Response {
        let refusal = try await FormRefusal.catching { _ = try await TwoFactorAccounts.begin(for: try req.requireUser(), in: req.services) }
        guard let refusal else { return req.redirect(to: SiteURL.twoFactor) }
        return try await render(req, openForm: nil, input: .empty, notice: nil, refusal: req.translated(refusal.message))
            .encodeResponse(status: refusal.status, for: req)
    }

    /// The QR code of the secret waiting to be confirmed, drawn here so the secret never leaves
    /// the service for a third-party image generator.
    @Sendable
    func qrCode(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let secret = TwoFactorAccounts.pendingSecret(of: user, in: req.application.secretBox) else { throw AppError.notFound("A QR code to scan") }
        let uri = SecondFactor.provisioningURI(secret: secret, account: user.email, issuer: TwoFactorAccounts.issuer)
        let svg = try QRCode(encoding: uri).svg(label: req.text(AccountText.twoFactorQrLabel), pixelsPerModule: 4)
        return Response(status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8"], body: .init(string: svg))
    }

    @Sendable
    func confirm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(Form.self)
        var codes: [String] = []
        let refusal = try await FormRefusal.catching {
            codes = try await TwoFactorAccounts.confirm(for: user, code: form.code ?? "", password: form.password ?? "",
                                                        limits: req.passwordCheckLimits, in: req.services)
        }
        guard let refusal else {
            // This session goes on, under a new id, with the second factor given; every other one has ended.
            try await WebSessions.renewID(of: req)
            WebSessions.signIn(user, on: req, secondFactor: true)
            return try await showCodes(codes, req)
        }
        return try await refused(refusal, form: "confirm", req)
    }

    @Sendable
    func renew(req: Request) async throws -> Response {
        let code = try req.content.decode(Form.self).code ?? ""
        var codes: [String] = []
        let refusal = try await FormRefusal.catching {
            codes = try await TwoFactorAccounts.renewRecoveryCodes(of: try req.requireUser(), code: code, throttle: req.application.loginThrottle,
                                                                    in: req.services)
        }
        guard let refusal else { return try await showCodes(codes, req) }
        return try await refused(refusal, form: "renew", req)
    }

    @Sendable
    func turnOff(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let refusal = try await FormRefusal.catching {
            try await TwoFactorAccounts.turnOff(for: try req.requireUser(), password: form.password ?? "", code: form.code ?? "",
                                                enforced: req.application.requiresSecondFactor, limits: req.passwordCheckLimits, in: req.services)
        }
        guard let refusal else { return req.redirect(to: SiteURL.twoFactor + "?done=off") }
        return try await refused(refusal, form: "off", req)
    }

    /// Shown once, as the answer to the POST that made them; the response is `no-store`, as
    /// every response to a signed-in person.
    private func showCodes(_ codes: [String], _ req: Request) async throws -> Response {
        try await req.view.render("recovery-codes", RecoveryCodesPage(
            layout: Layout(request: req, title: req.text(AccountText.recoveryTitle)), codes: codes, continueURL: SiteURL.twoFactor)).encodeResponse(for: req)
    }

    private func refused(_ refusal: FormRefusal, form: String, _ req: Request) async throws -> Response {
        try await render(req, openForm: form, input: FormInput(errors: refusal.fields.mapValues(req.translated)), notice: nil,
                         refusal: req.translated(refusal.message))
            .encodeResponse(status: refusal.status, for: req)
    }

    private func render(_ req: Request, openForm: String?, input: FormInput, notice: String?, refusal: String?) async throws -> View {
        let user = try req.requireUser()
        let page = try await TwoFactorPage.load(
            user, pendingSecret: TwoFactorAccounts.pendingSecret(of: user, in: req.application.secretBox),
            passedSecondFactor: WebSessions.passedSecondFactor(req.session), enforced: req.application.requiresSecondFactor,
            openForm: openForm, input: input, notice: notice, refusal: refusal,
            layout: Layout(request: req, title: req.text(AccountText.twoFactorTitle))
                .with(Breadcrumbs([(req.text(AccountText.accountTitle), SiteURL.account)], current: req.text(AccountText.twoFactorTitle))),
            csrfToken: CSRF.token(for: req), wording: req.wording, on: req.db)
        return try await req.view.render("two-factor", page)
    }
}
