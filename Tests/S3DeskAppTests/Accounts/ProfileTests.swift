import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Profile: name, password, address")
struct ProfileTests {
    @Test("the account page needs a signed-in person and shows their own details", arguments: TestDatabase.all)
    func page(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let anonymous = try await app.testing().sendRequest(.GET, "/account")
            #expect(anonymous.status == .seeOther)
            let user = try await app.makeUser(.expert, name: "Иван Иванов")
            var browser = try await Browser.signedIn(app, user)
            let html = try await browser.page("/account")
            #expect(html.contains("Иван Иванов") && html.contains(user.email) && html.contains("href=\"/account\""))
        }
    }

    @Test("a name is changed and audited; one too long is refused and the stored one stays", arguments: TestDatabase.all)
    func rename(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant, name: "Maria")
            var browser = try await Browser.signedIn(app, user)
            let long = String(repeating: "Ω", count: 200)
            #expect(try await browser.post("/account/name", form: ["name": long], csrfFrom: "/account").status == .seeOther)
            #expect(try await User.find(user.requireID(), on: app.db)?.name == long)
            let refused = try await browser.post("/account/name", form: ["name": long + "Ω"], csrfFrom: "/account")
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Enter a name of 1 to 200 characters"))
            #expect(try await User.find(user.requireID(), on: app.db)?.name == long)
            let api = try await app.testing().sendRequest(.PATCH, "/api/v1/me", headers: .bearer(try await app.token(for: user))) {
                try $0.content.encode(["name": "  Мария  "])
            }
            #expect(try api.content.decode(UserDTO.self).name == "Мария")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.nameChanged.rawValue).count() == 2)
        }
    }

    @Test("a password change needs the current one and ends every other session and token", arguments: TestDatabase.all)
    func password(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            let otherToken = try await app.token(for: user)
            var here = try await Browser.signedIn(app, user)
            var elsewhere = try await Browser.signedIn(app, user)
            let wrong = try await here.post("/account/password", form: ["currentPassword": "not it at all", "newPassword": "short"], csrfFrom: "/account")
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Enter your current password") && !wrong.body.string.contains("not it at all"))

            let newPassword = "a new and longer passphrase"
            let changed = try await here.post("/account/password", form: ["currentPassword": Application.testPassword, "newPassword": newPassword],
                                              csrfFrom: "/account")
            #expect(changed.status == .seeOther)
            #expect(try await here.page("/account?done=password").contains("Your password is changed"))
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(otherToken)).status == .unauthorized)
            let old = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": user.email, "password": Application.testPassword])
            }
            #expect(old.status == .unauthorized)

            // Through the API, the token of the call goes on; the others end.
            let first = try await app.token(for: user)
            let second = try await app.token(for: user)
            let api = try await app.testing().sendRequest(.POST, "/api/v1/me/password", headers: .bearer(first)) {
                try $0.content.encode(["currentPassword": newPassword, "newPassword": Application.testPassword])
            }
            #expect(api.status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(first)).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(second)).status == .unauthorized)
        }
    }

    @Test("an address changes only when the link sent to it is followed; the old address is told", arguments: TestDatabase.all)
    func emailChange(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant)
            let before = user.email
            var browser = try await Browser.signedIn(app, user)
            let badPassword = try await browser.post("/account/email", form: ["email": "new@region.example.eu", "password": "wrong one"], csrfFrom: "/account")
            #expect(badPassword.status == .unprocessableEntity && badPassword.body.string.contains("value=\"new@region.example.eu\""))
            let asked = try await browser.post("/account/email", form: ["email": "New@Region.example.eu", "password": Application.testPassword],
                                               csrfFrom: "/account")
            #expect(asked.status == .seeOther)
            #expect(try await User.find(user.requireID(), on: app.db)?.email == before)
            #expect(try await browser.page("/account").contains("new@region.example.eu"))

            let clear = try await InvitationsAndResetTests.emailedToken(app, to: "new@region.example.eu", path: "/account/email/confirm")
            var stranger = Browser(app: app)
            let confirmPage = try await stranger.page("/account/email/confirm?token=\(clear)")
            #expect(try await User.find(user.requireID(), on: app.db)?.email == before)
            #expect(confirmPage.contains("id=\"confirm-password\""), "the account's password is asked")
            // Whoever reads the new address cannot make it the asker's without the asker's password.
            let refused = try await stranger.post("/account/email/confirm", form: ["token": clear, "password": "a guess of the reader's",
                                                                                  "_csrf": try #require(Browser.csrfToken(in: confirmPage))])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("This is not the password of the account that asked for this address"))
            #expect(try await User.find(user.requireID(), on: app.db)?.email == before, "a wrong password changes nothing and keeps the link")
            let confirmed = try await stranger.post("/account/email/confirm", form: ["token": clear, "password": Application.testPassword,
                                                                                    "_csrf": try #require(Browser.csrfToken(in: confirmPage))])
            #expect(confirmed.status == .ok)
            #expect(try await User.find(user.requireID(), on: app.db)?.email == "new@region.example.eu")
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$recipient == before).filter(\.$subject == "Your S3Desk address has changed").count() == 1)
            let reused = try await app.testing().sendRequest(.POST, "/api/v1/me/email/confirm") { try $0.content.encode(["token": clear]) }
            #expect(reused.status == .unprocessableEntity)
        }
    }

    @Test("asking for an address that has an account answers the same, sends no link, and tells its owner", arguments: TestDatabase.all)
    func takenAddress(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let owner = try await app.makeUser(.secretariat)
            let user = try await app.makeUser(.applicant)
            let token = try await app.token(for: user)
            let answer = try await app.testing().sendRequest(.POST, "/api/v1/me/email", headers: .bearer(token)) {
                try $0.content.encode(["email": owner.email, "password": Application.testPassword])
            }
            let fresh = try await app.testing().sendRequest(.POST, "/api/v1/me/email", headers: .bearer(token)) {
                try $0.content.encode(["email": "unused@region.example.eu", "password": Application.testPassword])
            }
            #expect(answer.status == .accepted && fresh.status == .accepted && answer.body.string == fresh.body.string)
            let toOwner = try await OutboxEmail.query(on: app.db).filter(\.$recipient == owner.email).all()
            #expect(toOwner.map(\.subject) == ["Someone tried to use your address on S3Desk"] && !toOwner[0].body.contains("token="))
            #expect(try await AccountToken.query(on: app.db).filter(\.$purpose == .changeEmail).count() == 2,
                    "kept either way, so the account page shows the change as waiting whether or not the address is taken")
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .emailChange).filter(\.$body ~~ "token=").count() == 1,
                    "only the free address gets a link")
        }
    }

    @Test("signing out everywhere else ends the other sessions and tokens, keeps this one, and says how many tokens there were", arguments: TestDatabase.all)
    func signOutElsewhere(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.expert)
            let token = try await app.token(for: user)
            var here = try await Browser.signedIn(app, user)
            var elsewhere = try await Browser.signedIn(app, user)
            let page = try await here.page("/account")
            #expect(page.contains("and 1 API token valid until"))
            #expect(try await here.post("/account/sessions", form: [:], csrfFrom: "/account").status == .seeOther)
            #expect(try await here.page("/account?done=sessions").contains("You are signed out everywhere else"))
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(token)).status == .unauthorized)

            let first = try await app.token(for: user)
            let second = try await app.token(for: user)
            let ended = try await app.testing().sendRequest(.POST, "/api/v1/me/sessions/end", headers: .bearer(first))
            #expect(try ended.content.decode(ProfileAPIController.Ended.self).apiTokensEnded == 1)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(first)).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(second)).status == .unauthorized)
        }
    }

    @Test("guessing the current password on the account page meets the sign-in limits", arguments: TestDatabase.all)
    func passwordGuessesLimited(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let frozen = Date(timeIntervalSince1970: 1_800_000_000)
            app.loginThrottle = LoginThrottle(elapsed: { frozen })
            let user = try await app.makeUser(.applicant)
            let token = try await app.token(for: user)
            for _ in 1...LoginThrottle.Limit.signInAddress.freeAttempts {
                let wrong = try await app.testing().sendRequest(.POST, "/api/v1/me/password", headers: .bearer(token)) {
                    try $0.content.encode(["currentPassword": "a guess of mine", "newPassword": "a new and longer passphrase"])
                }
                #expect(wrong.status == .unprocessableEntity)
            }
            let blocked = try await app.testing().sendRequest(.POST, "/api/v1/me/password", headers: .bearer(token)) {
                try $0.content.encode(["currentPassword": Application.testPassword, "newPassword": "a new and longer passphrase"])
            }
            #expect(blocked.status == .tooManyRequests)
        }
    }
}
