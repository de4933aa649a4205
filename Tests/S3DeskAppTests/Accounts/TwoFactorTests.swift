import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Two-factor sign-in")
struct TwoFactorTests {
    /// RFC 6238, appendix B (SHA-1): the 8-digit values end in these 6 digits.
    @Test("codes match RFC 6238's test vectors",
          arguments: [(59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
                      (2_000_000_000, "279037"), (20_000_000_000, "353130")])
    func vectors(seconds: Int, code: String) {
        let secret = Array("12345678901234567890".utf8)
        let counter = SecondFactor.counter(at: Date(timeIntervalSince1970: TimeInterval(seconds)))
        #expect(OneTimeCode.code(secret: secret, counter: counter) == code)
        #expect(OneTimeCode.matchingCounter(code, secret: secret, at: Date(timeIntervalSince1970: TimeInterval(seconds))) == counter)
    }

    @Test("a code is accepted from 30 seconds before its step to 30 seconds after, not beyond")
    func windowEdges() {
        let secret = Array("12345678901234567890".utf8)
        let code = OneTimeCode.code(secret: secret, counter: 100) // valid 3000 s to 3029.999 s
        func accepted(at seconds: TimeInterval) -> Bool {
            OneTimeCode.matchingCounter(code, secret: secret, at: Date(timeIntervalSince1970: seconds)) == 100
        }
        #expect(!accepted(at: 2969.999))
        #expect(accepted(at: 2970))
        #expect(accepted(at: 3000))
        #expect(accepted(at: 3059.999))
        #expect(!accepted(at: 3060))
    }

    @Test("an applicant sets it up with a scanned code, then signs in with a code or a recovery code, each once",
          arguments: TestDatabase.all)
    func setUpAndSignIn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant, name: "Ελένη Παπαδοπούλου")
            var browser = try await Browser.signedIn(app, user)
            var elsewhere = try await Browser.signedIn(app, user)
            let oldToken = try await app.token(for: user)
            #expect(try await browser.page("/account").contains("Set up two-factor sign-in"))
            #expect(try await browser.get("/account/two-factor/qr.svg").status == .notFound)

            #expect(try await browser.post("/account/two-factor/setup", form: [:], csrfFrom: "/account/two-factor").status == .seeOther)
            let waiting = try await browser.page("/account/two-factor")
            let sealed = try #require(try await User.find(user.requireID(), on: app.db)?.totpPendingSecret)
            let secret = try #require(app.secretBox.open(sealed))
            #expect(sealed.hasPrefix(SecretBox.prefix) && !sealed.contains(secret), "the database holds the secret sealed")
            #expect(waiting.contains(String(secret.prefix(4))) && waiting.contains("src=\"/account/two-factor/qr.svg\""))
            let qr = try await browser.get("/account/two-factor/qr.svg")
            #expect(qr.status == .ok && qr.headers.contentType?.subType == "svg+xml" && qr.body.string.hasPrefix("<svg"))
            #expect(qr.headers.first(name: .cacheControl) == "no-store")

            let wrong = try await browser.post("/account/two-factor/confirm", form: ["code": "000000", "password": Application.testPassword],
                                               csrfFrom: "/account/two-factor")
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Enter the 6-digit code"))
            #expect(try await User.find(user.requireID(), on: app.db)?.totpSecret == nil)

            let bytes = try #require(Base32.decode(secret))
            let step = SecondFactor.counter(at: app.clock.now)
            // The password is asked again: a session left open must not tie the account to another phone.
            let noPassword = try await browser.post("/account/two-factor/confirm", form: ["code": OneTimeCode.code(secret: bytes, counter: step)],
                                                    csrfFrom: "/account/two-factor")
            #expect(noPassword.status == .unprocessableEntity && noPassword.body.string.contains("Enter your current password"))
            let shown = try await browser.post("/account/two-factor/confirm", form: ["code": OneTimeCode.code(secret: bytes, counter: step),
                                                                                     "password": Application.testPassword],
                                               csrfFrom: "/account/two-factor")
            #expect(shown.status == .ok)
            let codes = Self.recoveryCodes(in: shown.body.string)
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(shown.headers.first(name: .cacheControl) == "no-store")
            // Only hashes are stored.
            let stored = try await RecoveryCode.query(on: app.db).all().map(\.codeHash)
            #expect(stored.count == 10 && !stored.contains { codes.contains($0) } && stored.contains(RecoveryCode.hash(codes[0])))
            // The sessions and tokens that began on the password alone have ended; this one goes on.
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(oldToken)).status == .unauthorized)
            #expect(try await browser.page("/account/two-factor").contains("You have 10 unused recovery codes"))

            // The password now leads to the code.
            var later = Browser(app: app)
            let password = try await later.post("/login", form: ["email": user.email, "password": Application.testPassword], csrfFrom: "/login")
            #expect(password.headers.first(name: .location) == "/login/code")
            #expect(try await later.get("/account").status == .seeOther)
            // The code of the step just used is spent.
            let replay = try await later.post("/login/code", form: ["code": OneTimeCode.code(secret: bytes, counter: step)], csrfFrom: "/login/code")
            #expect(replay.status == .ok && replay.body.string.contains("This code is not right or was used already"))
            let next = OneTimeCode.code(secret: bytes, counter: step + 1)
            #expect(try await later.post("/login/code", form: ["code": String(next.prefix(3)) + " " + next.suffix(3)],
                                         csrfFrom: "/login/code").status == .seeOther)
            #expect(try await later.page("/account").contains("Ελένη Παπαδοπούλου"))

            // A recovery code, typed in capitals, works once.
            var phoneLost = Browser(app: app)
            try await phoneLost.signIn(user.email)
            #expect(try await phoneLost.post("/login/code", form: ["code": codes[3].uppercased()], csrfFrom: "/login/code").status == .seeOther)
            var again = Browser(app: app)
            try await again.signIn(user.email)
            #expect(try await again.post("/login/code", form: ["code": codes[3]], csrfFrom: "/login/code").status == .ok)
            #expect(try await again.get("/account").status == .seeOther)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$subjectID == user.requireID().uuidString).all().map(\.action)
            #expect(actions.contains(AuditAction.twoFactorEnabled.rawValue) && actions.contains(AuditAction.recoveryCodeUsed.rawValue))
        }
    }

    @Test("where it is required, staff open only the set-up page, and get API tokens only after the second factor",
          arguments: TestDatabase.all)
    func requiredForStaff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let staff = try await app.makeUser(.secretariat)
            let earlier = try await app.token(for: staff)
            app.requiresSecondFactor = true
            // A token from before the requirement opens nothing until the second factor is set up.
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(earlier)).status == .unauthorized)
            let applicant = try await app.makeUser(.applicant)
            var browser = Browser(app: app)
            let signIn = try await browser.post("/login", form: ["email": staff.email, "password": Application.testPassword], csrfFrom: "/login")
            #expect(signIn.headers.first(name: .location) == "/account/two-factor")
            let gated = try await browser.get("/staff/calls")
            #expect(gated.status == .seeOther && gated.headers.first(name: .location) == "/account/two-factor")
            #expect(try await browser.page("/account/two-factor").contains("must sign in with a second factor"))
            func token(_ body: [String: String]) async throws -> (HTTPStatus, String) {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") { try $0.content.encode(body) }
                return (response.status, response.body.string)
            }
            let refused = try await token(["email": staff.email, "password": Application.testPassword])
            #expect(refused.0 == .forbidden && refused.1.contains("second_factor_not_set_up"))
            // Applicants choose for themselves.
            #expect(try await token(["email": applicant.email, "password": Application.testPassword]).0 == .ok)
            var applicantBrowser = try await Browser.signedIn(app, applicant)
            #expect(try await applicantBrowser.get("/applications").status == .ok)

            _ = try await browser.post("/account/two-factor/setup", form: [:], csrfFrom: "/account/two-factor")
            let pending = try #require(try await User.find(staff.requireID(), on: app.db)?.totpPendingSecret)
            let secret = try #require(app.secretBox.open(pending).flatMap(Base32.decode))
            let step = SecondFactor.counter(at: app.clock.now)
            #expect(try await browser.post("/account/two-factor/confirm", form: ["code": OneTimeCode.code(secret: secret, counter: step),
                                                                                 "password": Application.testPassword],
                                           csrfFrom: "/account/two-factor").status == .ok)
            #expect(try await browser.get("/staff/calls").status == .ok)
            let page = try await browser.page("/account/two-factor")
            #expect(page.contains("Your role cannot turn it off") && !page.contains("Turn off two-factor sign-in"))
            let off = try await browser.post("/account/two-factor/off", form: ["password": Application.testPassword,
                                                                               "code": OneTimeCode.code(secret: secret, counter: step + 1)],
                                              csrfFrom: "/account/two-factor")
            #expect(off.status == .conflict)

            let noCode = try await token(["email": staff.email, "password": Application.testPassword])
            #expect(noCode.0 == .unauthorized && noCode.1.contains("second_factor_required"))
            let badCode = try await token(["email": staff.email, "password": Application.testPassword, "code": "123"])
            #expect(badCode.0 == .unauthorized && badCode.1.contains("invalid_second_factor"))
            let good = try await token(["email": staff.email, "password": Application.testPassword,
                                        "code": OneTimeCode.code(secret: secret, counter: step + 1)])
            #expect(good.0 == .ok && good.1.contains("\"twoFactor\":true"))
        }
    }

    @Test("wrong codes are limited per account, and the owner turns it off with password and code", arguments: TestDatabase.all)
    func limitsAndTurningOff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            app.loginThrottle = LoginThrottle(elapsed: { Date(timeIntervalSince1970: 1_800_000_000) })
            let user = try await app.makeUser(.expert)
            let secret = try await TwoFactorAccounts.begin(for: user, in: app.services())
            let bytes = try #require(Base32.decode(secret))
            let step = SecondFactor.counter(at: app.clock.now)
            _ = try await TwoFactorAccounts.confirm(for: user, code: OneTimeCode.code(secret: bytes, counter: step), password: Application.testPassword,
                                                    limits: PasswordCheckLimits(throttle: app.loginThrottle, client: "test"), in: app.services())

            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            for _ in 0..<5 {
                #expect(try await browser.post("/login/code", form: ["code": "999999"], csrfFrom: "/login/code").status == .ok)
            }
            let limited = try await browser.post("/login/code", form: ["code": OneTimeCode.code(secret: bytes, counter: step + 1)],
                                                 csrfFrom: "/login/code")
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: "Retry-After") == "30")
            #expect(limited.body.string.contains("Too many wrong codes for this account"))

            // Thirty seconds on, the right code passes and forgives the count.
            app.loginThrottle = LoginThrottle(elapsed: { Date(timeIntervalSince1970: 1_800_000_031) })
            #expect(try await browser.post("/login/code", form: ["code": OneTimeCode.code(secret: bytes, counter: step + 1)],
                                           csrfFrom: "/login/code").status == .seeOther)
            let wrongPassword = try await browser.post("/account/two-factor/off", form: ["password": "not my password", "code": "111111"],
                                                       csrfFrom: "/account/two-factor")
            #expect(wrongPassword.status == .unprocessableEntity)
            #expect(try await User.find(user.requireID(), on: app.db)?.totpSecret != nil)
            app.clock = AppClock(pinnedAt: app.clock.now.addingTimeInterval(30))
            let off = try await browser.post("/account/two-factor/off", form: ["password": Application.testPassword,
                                                                               "code": OneTimeCode.code(secret: bytes, counter: step + 2)],
                                             csrfFrom: "/account/two-factor")
            #expect(off.status == .seeOther)
            #expect(try await User.find(user.requireID(), on: app.db)?.totpSecret == nil)
            #expect(try await RecoveryCode.query(on: app.db).count() == 0)
            var plain = Browser(app: app)
            let signIn = try await plain.post("/login", form: ["email": user.email, "password": Application.testPassword], csrfFrom: "/login")
            #expect(signIn.headers.first(name: .location) != "/login/code")
        }
    }

    static func recoveryCodes(in html: String) -> [String] {
        html.matches(of: /<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/).map { String($0.output.1) }
    }

    @Test("an administrator resets the two-factor sign-in of someone who lost phone and codes: never their own, never for other roles",
          arguments: TestDatabase.all)
    func administratorResets(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let lost = try await app.makeUser(.secretariat, name: "Γιώργος Νικολάου")
            let secret = try #require(Base32.decode(try await TwoFactorAccounts.begin(for: lost, in: app.services())))
            _ = try await TwoFactorAccounts.confirm(for: lost, code: OneTimeCode.code(secret: secret, counter: SecondFactor.counter(at: app.clock.now)),
                                                    password: Application.testPassword,
                                                    limits: PasswordCheckLimits(throttle: app.loginThrottle, client: "test"), in: app.services())
            let lostToken = try await app.token(for: lost)
            let adminToken = try await app.token(for: admin)
            func reset(_ id: UUID, token: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.DELETE, "/api/v1/users/\(id)/two-factor", headers: .bearer(token))
            }
            #expect(try await reset(try lost.requireID(), token: try await app.token(.secretariat)).status == .forbidden)
            #expect(try await reset(try lost.requireID(), token: lostToken).status == .forbidden)
            let own = try await reset(try admin.requireID(), token: adminToken)
            #expect(own.status == .conflict && own.body.string.contains("own_account"))

            let done = try await reset(try lost.requireID(), token: adminToken)
            #expect(done.status == .ok && done.body.string.contains("\"twoFactor\":false"))
            let stored = try #require(try await User.find(lost.requireID(), on: app.db))
            #expect(stored.totpSecret == nil && stored.totpPendingSecret == nil)
            #expect(try await RecoveryCode.query(on: app.db).filter(\.$user.$id == lost.requireID()).count() == 0)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(lostToken)).status == .unauthorized,
                    "tokens from before end")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "user.two_factor_disabled").all()
            #expect(audit.map(\.summary) == ["by an administrator"] && audit.first?.$actor.id == admin.id)

            // The same from the person's page, where the button shows only when a reset is possible.
            var adminBrowser = try await Browser.signedIn(app, admin)
            #expect(try await adminBrowser.page(SiteURL.staffUser(try lost.requireID())).contains("signs in with the password alone"))
            #expect(!(try await adminBrowser.page(SiteURL.staffUser(try lost.requireID())).contains("Reset two-factor sign-in")))
            #expect(!(try await adminBrowser.page(SiteURL.staffUser(try admin.requireID())).contains("Reset two-factor sign-in")))
            _ = try await TwoFactorAccounts.begin(for: try #require(try await User.find(lost.requireID(), on: app.db)), in: app.services())
            let page = SiteURL.staffUser(try lost.requireID())
            #expect(try await adminBrowser.page(page).contains("Reset two-factor sign-in"))
            let webReset = try await adminBrowser.post(SiteURL.staffUserTwoFactorReset(try lost.requireID()), form: [:], csrfFrom: page)
            #expect(webReset.status == .seeOther)
            #expect(try await adminBrowser.page(page + "?done=two-factor").contains("Two-factor sign-in is reset"))
            #expect(try await User.find(lost.requireID(), on: app.db)?.totpPendingSecret == nil)
            var officer = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            #expect(try await officer.post(SiteURL.staffUserTwoFactorReset(try lost.requireID()), form: [:], csrfFrom: "/").status == .forbidden)

            let again = try await reset(try lost.requireID(), token: adminToken)
            #expect(again.status == .conflict && again.body.string.contains("two_factor_off"))
            #expect(try await reset(UUID(), token: adminToken).status == .notFound)
        }
    }
}
