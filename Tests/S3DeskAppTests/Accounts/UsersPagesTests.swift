import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Users pages")
struct UsersPagesTests {
    @Test("only administrators reach the users pages and see the menu entry", arguments: TestDatabase.all)
    func access(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let target = try await app.makeUser(.secretariat)
            for role in [Role.secretariat, .commission, .expert, .applicant] {
                var browser = try await Browser.signedIn(app, try await app.makeUser(role))
                #expect(try await browser.get("/staff/users").status == .forbidden, "\(role)")
                #expect(try await browser.get("/staff/users/\(try target.requireID())").status == .forbidden, "\(role)")
                let home = try await browser.page("/")
                #expect(!home.contains("href=\"/staff/users\""), "\(role)")
            }
            var admin = try await Browser.signedIn(app, try await app.makeUser(.admin))
            let list = try await admin.page("/staff/users")
            #expect(list.contains("href=\"/staff/users\"") && list.contains(target.email))
            #expect(try await admin.get("/staff/users/\(UUID())").status == .notFound)
        }
    }

    @Test("inviting staff on the page: a refusal keeps what was typed and names each field; success opens the account", arguments: TestDatabase.all)
    func invite(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var admin = try await Browser.signedIn(app, try await app.makeUser(.admin))
            let name = "Σοφία Κωνσταντίνου-Παπαδημητρίου"
            let refused = try await admin.post("/staff/users", form: ["name": name, "email": "sofia@", "role": "secretariat"], csrfFrom: "/staff/users")
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(name) && html.contains("value=\"sofia@\"") && html.contains("Enter an email address such as name@region.eu"))
            #expect(html.contains("<details class=\"card\" open"))

            let sent = try await admin.post("/staff/users", form: ["name": name, "email": "sofia@ec.europa.eu", "role": "commission"],
                                            csrfFrom: "/staff/users")
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers.first(name: .location))
            let page = try await admin.page(location)
            #expect(page.contains("Account opened: the invitation is on its way.") && page.contains("European Commission") && page.contains("Invited"))
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$recipient == "sofia@ec.europa.eu").count() == 1)
        }
    }

    @Test("an invitation is written in the language chosen on the form, or through the API; without one, the inviter's", arguments: TestDatabase.all)
    func invitationLanguage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let adminUser = try await app.makeUser(.admin)
            adminUser.language = .fr
            try await adminUser.save(on: app.db)
            var admin = try await Browser.signedIn(app, adminUser)
            let form = try await admin.page("/staff/users")
            // The menu starts on the reader's language, each language by its own name.
            #expect(form.contains("<option value=\"fr\" selected>Français</option>") && form.contains(">Deutsch</option>"))
            #expect(try await admin.post("/staff/users", form: ["name": "Klaus Bauer", "email": "klaus@ec.europa.eu", "role": "commission", "language": "de"],
                                         csrfFrom: "/staff/users").status == .seeOther)
            let refused = try await admin.post("/staff/users", form: ["name": "Klaus", "email": "k2@ec.europa.eu", "role": "commission", "language": "it"],
                                               csrfFrom: "/staff/users")
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Choisissez une langue"))

            let token = try await app.token(for: adminUser)
            let byAPI = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(token)) {
                try $0.content.encode(["email": "ines@ec.europa.eu", "name": "Inès", "role": "secretariat"])
            }
            #expect(byAPI.status == .created)
            let unknown = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(token)) {
                try $0.content.encode(["email": "x@ec.europa.eu", "name": "X", "role": "secretariat", "language": "pl"])
            }
            #expect(try unknown.status == .unprocessableEntity && unknown.content.decode(ErrorBody.self).error.fields?.keys.contains("language") == true)

            let expert = try await app.testing().sendRequest(.POST, "/api/v1/experts", headers: .bearer(try await app.token(.secretariat))) {
                try $0.content.encode(ExpertInput(name: "Jana Novák", email: "jana@experts.example.eu", language: "de"))
            }
            #expect(expert.status == .created)

            for (address, language, subject) in [("klaus@ec.europa.eu", Language.de, "Ihr S3Desk-Konto"), ("ines@ec.europa.eu", .fr, "Votre compte S3Desk"),
                                                 ("jana@experts.example.eu", .de, "Willkommen")] {
                let account = try #require(try await User.query(on: app.db).filter(\.$email == address).first())
                #expect(account.language == language, "\(address)")
                let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == address).first())
                #expect(email.subject.hasPrefix(subject), "\(address): \(email.subject)")
            }
            #expect(try await User.query(on: app.db).filter(\.$email == "k2@ec.europa.eu").count() == 0)
        }
    }

    @Test("the account page changes a role and deactivates; it refuses the last administrator and says why", arguments: TestDatabase.all)
    func accountPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let adminUser = try await app.makeUser(.admin, name: "Ana Admin")
            var admin = try await Browser.signedIn(app, adminUser)
            let officer = try await app.makeUser(.secretariat, name: "Олег Петров")
            let path = "/staff/users/\(try officer.requireID())"
            let changed = try await admin.post(path + "/role", form: ["role": "commission"], csrfFrom: path)
            #expect(changed.status == .seeOther)
            #expect(try await admin.page(path + "?done=role").contains("The role is changed."))
            #expect(try await User.find(officer.requireID(), on: app.db)?.role == .commission)

            let deactivated = try await admin.post(path + "/deactivate", form: [:], csrfFrom: path)
            #expect(deactivated.status == .seeOther)
            let shown = try await admin.page(path + "?done=deactivated")
            #expect(shown.contains("Deactivated") && shown.contains("Reactivate the account") && shown.contains("Account deactivated"))

            let own = "/staff/users/\(try adminUser.requireID())"
            let ownPage = try await admin.page(own)
            #expect(ownPage.contains("This is the last active administrator") && !ownPage.contains("Deactivate the account"))
            #expect(!ownPage.contains("action=\"\(own)/role\""))
            // Sent anyway (an old tab): refused with the reason, the account unchanged.
            let forced = try await admin.post(own + "/deactivate", form: [:], csrfFrom: own)
            #expect(forced.status == .conflict && forced.body.string.contains("You cannot deactivate your own account"))
            #expect(try await User.find(adminUser.requireID(), on: app.db)?.isActive == true)
            // Reloading the refused form's address lands on the page, not on a 405.
            let reload = try await admin.get(own + "/deactivate")
            #expect(reload.status == .seeOther && reload.headers.first(name: .location) == own)
        }
    }
}
