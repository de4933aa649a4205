import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Registering applicants and confirming their address")
struct RegistrationAPITests {
    struct Body: Content {
        struct Org: Content {
            var name = "Urząd Marszałkowski Województwa Mazowieckiego"
            var authorityType = "regional_authority"
            var territory = "PL92"
        }
        var email = "ola@mazowsze.pl"
        var password = "correct horse battery"
        var name = "Ola Nowak"
        var organisation = Org()
    }

    private func register(_ app: Application, _ body: Body = Body()) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/api/v1/accounts") { try $0.content.encode(body) }
    }

    /// The token at the end of the confirmation link in the newest email to `email`.
    static func confirmationToken(_ app: Application, for email: String) async throws -> String {
        let message = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == email)
            .sort(\.$createdAt, .descending).first())
        let range = try #require(message.body.range(of: #"/accounts/confirm\?token=[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(message.body[range].split(separator: "=").last!)
    }

    @Test("registration creates the organisation, an unconfirmed applicant and a queued confirmation email", arguments: TestDatabase.all)
    func registers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await register(app)
            #expect(response.status == .created)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "ola@mazowsze.pl").with(\.$organisation).first())
            #expect(user.role == .applicant)
            #expect(user.emailConfirmedAt == nil)
            #expect(user.organisation?.territory == "PL92")
            #expect(user.organisation?.authorityType == .regionalAuthority)
            let emails = try await OutboxEmail.query(on: app.db).all()
            #expect(emails.count == 1)
            #expect(emails[0].status == .queued)
            #expect(emails[0].body.contains("http://127.0.0.1:8080/accounts/confirm?token="))
        }
    }

    @Test("the link confirms the address once; a used or unknown token is refused", arguments: TestDatabase.all)
    func confirms(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await register(app)
            let token = try await Self.confirmationToken(app, for: "ola@mazowsze.pl")
            let confirm = { (token: String) in
                try await app.testing().sendRequest(.POST, "/api/v1/accounts/confirm") { try $0.content.encode(["token": token]) }
            }
            #expect(try await confirm(token).status == .ok)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "ola@mazowsze.pl").first())
            #expect(user.emailConfirmedAt == testNow)
            let again = try await confirm(token)
            #expect(again.status == .unprocessableEntity)
            #expect(try again.content.decode(ErrorBody.self).error.fields?["token"]?.contains("already used or has expired") == true)
            #expect(try await confirm("made-up").status == .unprocessableEntity)
        }
    }

    @Test("an expired link is refused", arguments: TestDatabase.all)
    func expired(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant)
            let (token, clear) = try AccountToken.issue(.confirmEmail, for: user, at: testNow.addingTimeInterval(-49 * 3600),
                                                        lifetime: AccountToken.confirmationLifetime)
            try await token.create(on: app.db)
            let response = try await app.testing().sendRequest(.POST, "/api/v1/accounts/confirm") { try $0.content.encode(["token": clear]) }
            #expect(response.status == .unprocessableEntity)
        }
    }

    @Test("ineligible organisations and unknown territories are each named; a taken address is not", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await register(app)
            var body = Body()
            body.organisation.authorityType = "university"
            body.organisation.territory = "PL"
            let response = try await register(app, body)
            #expect(response.status == .unprocessableEntity)
            let fields = try #require(try response.content.decode(ErrorBody.self).error.fields)
            #expect(fields["email"] == nil)
            #expect(fields["organisation.authorityType"]?.contains("not eligible") == true)
            #expect(fields["organisation.territory"]?.contains("only a national authority") == true)
            #expect(try await Organisation.query(on: app.db).count() == 1)
            #expect(try await OutboxEmail.query(on: app.db).count() == 1)
        }
    }

    @Test("registering with a taken address answers as a new one does, and tells the address's owner instead", arguments: TestDatabase.all)
    func noEnumeration(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let staff = try await app.makeUser(.secretariat, email: "ola@mazowsze.pl")
            let taken = try await register(app)
            let fresh = try await register(app, { var body = Body(); body.email = "jan@mazowsze.pl"; return body }())
            #expect(taken.status == fresh.status && taken.status == .created)
            let id = try #require(try taken.content.decode([String: UUID].self)["id"])
            let named = try await User.find(id, on: app.db)
            #expect(id != staff.id && named == nil)
            #expect(Set(taken.headers.map(\.name)) == Set(fresh.headers.map(\.name)))
            #expect(try await Organisation.query(on: app.db).count() == 1)
            let told = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == "ola@mazowsze.pl").first())
            #expect(told.subject == "Someone tried to register with your address on S3Desk" && told.body.contains("/password-reset"))
            #expect(try await User.find(staff.requireID(), on: app.db)?.role == .secretariat)

            var browser = Browser(app: app)
            let web = try await browser.post("/register", form: ["email": "OLA@mazowsze.pl", "name": "Ola", "organisationName": "Urząd",
                                                                 "authorityType": "regional_authority", "territory": "PL92",
                                                                 "password": "correct horse battery"], csrfFrom: "/register")
            #expect(web.status == .seeOther && web.headers.first(name: .location) == "/register/sent")
        }
    }

    @Test("signing in before the address is confirmed answers as a wrong password does, so it tells nobody whether an address was free",
          arguments: TestDatabase.all)
    func noSignInBeforeConfirmation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            app.loginThrottle = LoginThrottle(elapsed: { testNow })
            _ = try await app.makeUser(.secretariat, email: "taken@mazowsze.pl")
            func token(_ email: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                    try $0.content.encode(["email": email, "password": "a passphrase of our own 7"])
                }
            }
            var free = Body()
            free.email = "free@mazowsze.pl"
            free.password = "a passphrase of our own 7"
            var taken = free
            taken.email = "taken@mazowsze.pl"
            let registeredFree = try await register(app, free)
            let registeredTaken = try await register(app, taken)
            #expect(registeredFree.status == .created && registeredTaken.status == .created)
            let unconfirmed = try await token("free@mazowsze.pl")
            let wrongPassword = try await token("taken@mazowsze.pl")
            #expect(unconfirmed.status == .unauthorized && wrongPassword.status == .unauthorized)
            #expect(unconfirmed.body.string == wrongPassword.body.string)
            #expect(unconfirmed.body.string.contains("not confirmed yet"), "the person who did register learns what to do")

            var browser = Browser(app: app)
            let page = try await browser.post("/login", form: ["email": "free@mazowsze.pl", "password": "a passphrase of our own 7"], csrfFrom: "/login")
            #expect(page.status == .ok && page.body.string.contains("reset your password"), "the form again, with the message")

            let link = try await Self.confirmationToken(app, for: "free@mazowsze.pl")
            let confirmed = try await app.testing().sendRequest(.POST, "/api/v1/accounts/confirm") { try $0.content.encode(["token": link]) }
            #expect(confirmed.status == .ok)
            #expect(try await token("free@mazowsze.pl").status == .ok)
        }
    }

    @Test("a national authority registers for its country", arguments: TestDatabase.all)
    func national(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var body = Body()
            body.organisation.authorityType = "national_authority"
            body.organisation.territory = "el"
            let response = try await register(app, body)
            let organisation = try await Organisation.query(on: app.db).first()
            #expect(response.status == .created)
            #expect(organisation?.territory == "EL")
        }
    }

    @Test("the web form registers, keeps what was typed on error, and the emailed link confirms", arguments: TestDatabase.all)
    func webFlow(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = Browser(app: app)
            var form = ["email": "ana@norte.pt", "name": "Ana <Silva>", "organisationName": "CCDR Norte",
                        "authorityType": "erdf_managing_authority", "territory": "PT99", "password": "correct horse battery"]
            let wrong = try await browser.post("/register", form: form, csrfFrom: "/register")
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("PT99 is not an EU-27 NUTS-2 region"))
            #expect(wrong.body.string.contains(#"value="Ana &lt;Silva&gt;""#))
            #expect(wrong.body.string.contains(#"<option value="erdf_managing_authority" selected>"#))
            #expect(!wrong.body.string.contains("correct horse battery"))

            form["territory"] = "PT11"
            let done = try await browser.post("/register", form: form, csrfFrom: "/register")
            #expect(done.headers.first(name: .location) == "/register/sent")

            let token = try await Self.confirmationToken(app, for: "ana@norte.pt")
            let page = try await browser.get("/accounts/confirm?token=\(token)")
            #expect(page.body.string.contains("Confirm my email address"))
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "ana@norte.pt").first())
            #expect(user.emailConfirmedAt == nil, "opening the link alone must not confirm")
            #expect(page.body.string.contains("type=\"password\" id=\"confirm-password\" name=\"password\""), "the registration's password is asked")
            // Someone who registered this address first: the owner, not knowing that password, cannot confirm it for them.
            let refused = try await browser.post("/accounts/confirm", form: ["token": token, "password": "not the registrant's"],
                                                 csrfFrom: "/accounts/confirm?token=\(token)")
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("This is not the password chosen when this address was registered"))
            #expect(refused.body.string.contains("name=\"token\" value=\"\(token)\""), "the link still works for the registrant")
            #expect(try await User.find(user.id, on: app.db)?.emailConfirmedAt == nil)
            let confirmed = try await browser.post("/accounts/confirm", form: ["token": token, "password": "correct horse battery"],
                                                   csrfFrom: "/accounts/confirm?token=\(token)")
            #expect(confirmed.body.string.contains("Your email address is confirmed"))
            #expect(try await User.find(user.id, on: app.db)?.emailConfirmedAt != nil)
        }
    }
}
