import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Invitations and password reset")
struct InvitationsAndResetTests {
    /// The token at the end of `path?token=` in the newest email to `email`.
    static func emailedToken(_ app: Application, to email: String, path: String) async throws -> String {
        let message = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == email)
            .sort(\.$createdAt, .descending).first())
        let range = try #require(message.body.range(of: path + #"\?token=[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(message.body[range].split(separator: "=").last!)
    }

    @Test("a member invites a colleague, who joins the same organisation by the emailed link", arguments: TestDatabase.all)
    func invitation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (member, token) = try await app.makeApplicant()
            let invited = try await app.testing().sendRequest(.POST, "/api/v1/invitations", headers: .bearer(token)) {
                try $0.content.encode(["email": "Marco@Regione.example.it"])
            }
            #expect(invited.status == .created)
            let newcomer = try #require(try await User.query(on: app.db).filter(\.$email == "marco@regione.example.it").first())
            #expect(newcomer.$organisation.id == member.$organisation.id)
            #expect(newcomer.passwordHash.isEmpty)

            // Not usable before it is accepted.
            let early = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": "marco@regione.example.it", "password": ""])
            }
            #expect(early.status == .unauthorized)

            let clear = try await Self.emailedToken(app, to: "marco@regione.example.it", path: "/invitations/accept")
            let weak = try await app.testing().sendRequest(.POST, "/api/v1/invitations/accept") {
                try $0.content.encode(["token": clear, "name": "Marco", "password": "short"])
            }
            #expect(weak.status == .unprocessableEntity)
            let accepted = try await app.testing().sendRequest(.POST, "/api/v1/invitations/accept") {
                try $0.content.encode(["token": clear, "name": "Marco Rossi", "password": Application.testPassword])
            }
            #expect(accepted.status == .ok)
            let signIn = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": "marco@regione.example.it", "password": Application.testPassword])
            }
            #expect(signIn.status == .ok)
            let organisation = try await app.testing().sendRequest(.GET, "/api/v1/organisation", headers: .bearer(token))
                .content.decode(OrganisationDTO.self)
            #expect(organisation.members.map(\.active) == [true, true])
            let reuse = try await app.testing().sendRequest(.POST, "/api/v1/invitations/accept") {
                try $0.content.encode(["token": clear, "name": "Eve", "password": Application.testPassword])
            }
            #expect(reuse.status == .unprocessableEntity)
        }
    }

    @Test("a colleague is invited in the inviter's language, and keeps it until they choose", arguments: TestDatabase.all)
    func invitationInInvitersLanguage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (member, token) = try await app.makeApplicant(territory: "FRB0")
            member.language = .fr
            try await member.save(on: app.db)
            let invited = try await app.testing().sendRequest(.POST, "/api/v1/invitations", headers: .bearer(token)) {
                try $0.content.encode(["email": "claire@centre-val-de-loire.example.fr"])
            }
            #expect(invited.status == .created)
            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == "claire@centre-val-de-loire.example.fr").first())
            #expect(email.subject.hasSuffix("vous invite à rejoindre Authority of FRB0 sur S3Desk"), "\(email.subject)")
            #expect(try await User.query(on: app.db).filter(\.$email == "claire@centre-val-de-loire.example.fr").first()?.language == .fr)
        }
    }

    @Test("only applicants with an organisation invite; a taken address is a conflict", arguments: TestDatabase.all)
    func invitationRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for role in [Role.secretariat, .expert] {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/invitations", headers: .bearer(try await app.token(role))) {
                    try $0.content.encode(["email": "x@example.eu"])
                }
                #expect(response.status == .forbidden, "\(role)")
            }
            let (_, token) = try await app.makeApplicant()
            let staff = try await app.makeUser(.secretariat)
            let taken = try await app.testing().sendRequest(.POST, "/api/v1/invitations", headers: .bearer(token)) {
                try $0.content.encode(["email": staff.email])
            }
            #expect(taken.status == .conflict)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/invitations") { try $0.content.encode(["email": "a@b.eu"]) }.status == .unauthorized)
        }
    }

    @Test("a reset link sets a new password once and signs out API tokens and web sessions; unknown addresses learn nothing", arguments: TestDatabase.all)
    func passwordReset(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.commission, email: "cora@example.eu")
            let oldToken = try await app.token(for: user)
            var oldSession = try await Browser.signedIn(app, user)
            _ = try await oldSession.page("/account")
            for email in ["cora@example.eu", "nobody@example.eu"] {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset") { try $0.content.encode(["email": email]) }
                #expect(response.status == .accepted)
            }
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .passwordReset).count() == 1)
            let clear = try await Self.emailedToken(app, to: "cora@example.eu", path: "/password-reset/confirm")
            let done = try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset/confirm") {
                try $0.content.encode(["token": clear, "password": "a brand new password"])
            }
            #expect(done.status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(oldToken)).status == .unauthorized)
            #expect(try await oldSession.get("/account").status == .seeOther, "the session from before the reset is over")
            let signIn = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": "cora@example.eu", "password": "a brand new password"])
            }
            #expect(signIn.status == .ok)
            let again = try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset/confirm") {
                try $0.content.encode(["token": clear, "password": "yet another password"])
            }
            #expect(again.status == .unprocessableEntity)
        }
    }

    @Test("the web pages: invite from the organisation page, accept, reset", arguments: TestDatabase.all)
    func webPages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (member, _) = try await app.makeApplicant()
            var browser = Browser(app: app)
            try await browser.signIn(member.email)
            let invited = try await browser.post("/organisation/invitations", form: ["email": "lia@region.example.eu"], csrfFrom: "/organisation")
            #expect(invited.status == .seeOther)
            #expect(try await browser.page(invited.headers.first(name: .location)!).contains("An invitation is on its way to lia@region.example.eu"))
            let bad = try await browser.post("/organisation/invitations", form: ["email": "not an address"], csrfFrom: "/organisation")
            #expect(bad.status == .unprocessableEntity)

            var newcomer = Browser(app: app)
            let clear = try await Self.emailedToken(app, to: "lia@region.example.eu", path: "/invitations/accept")
            let form = "/invitations/accept?token=\(clear)"
            let accepted = try await newcomer.post("/invitations/accept", form: ["token": clear, "name": "Lia", "password": Application.testPassword], csrfFrom: form)
            #expect(accepted.body.string.contains("Your account is ready"))
            try await newcomer.signIn("lia@region.example.eu")

            var forgetful = Browser(app: app)
            let sent = try await forgetful.post("/password-reset", form: ["email": member.email], csrfFrom: "/password-reset")
            #expect(sent.body.string.contains("we have sent it a link"))
            let resetToken = try await Self.emailedToken(app, to: member.email, path: "/password-reset/confirm")
            let changed = try await forgetful.post("/password-reset/confirm", form: ["token": resetToken, "password": "another long password"],
                                                   csrfFrom: "/password-reset/confirm?token=\(resetToken)")
            #expect(changed.body.string.contains("Password changed"))
            try await forgetful.signIn(member.email, password: "another long password")
        }
    }
}
