import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Staff accounts (users API)")
struct StaffAccountsTests {
    private func patch(_ app: Application, _ id: UUID, _ body: [String: String], token: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.PATCH, "/api/v1/users/\(id)", headers: .bearer(token)) { try $0.content.encode(body) }
    }

    private func deactivate(_ app: Application, _ id: UUID, token: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.PATCH, "/api/v1/users/\(id)", headers: .bearer(token)) {
            try $0.content.encode(["active": false])
        }
    }

    private func code(_ response: TestingHTTPResponse) throws -> String {
        try response.content.decode(ErrorBody.self).error.code
    }

    @Test("an administrator invites a member of staff, who joins by the emailed link with the role given", arguments: TestDatabase.all)
    func invitation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.admin)
            let invited = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(token)) {
                try $0.content.encode(["email": "Eleni.Papadopoulou@Ec.Europa.eu", "name": "Ελένη Παπαδοπούλου", "role": "commission"])
            }
            #expect(invited.status == .created)
            let body = try invited.content.decode(UserDTO.self)
            #expect(body.email == "eleni.papadopoulou@ec.europa.eu" && body.role == .commission && body.active)
            #expect(invited.headers.first(name: .location) == "/api/v1/users/\(body.id)")
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.staffInvited.rawValue).first())
            #expect(audit.summary == "eleni.papadopoulou@ec.europa.eu as European Commission")

            let clear = try await InvitationsAndResetTests.emailedToken(app, to: body.email, path: "/invitations/accept")
            let accepted = try await app.testing().sendRequest(.POST, "/api/v1/invitations/accept") {
                try $0.content.encode(["token": clear, "name": "Ελένη Παπαδοπούλου", "password": Application.testPassword])
            }
            #expect(accepted.status == .ok)
            let signIn = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": body.email, "password": Application.testPassword])
            }
            #expect(try signIn.content.decode(AuthAPIController.TokenResponse.self).user.role == .commission)
        }
    }

    @Test("invitations refused: other roles, an applicant or expert role, a taken address, bad fields", arguments: TestDatabase.all)
    func invitationRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.token(.admin)
            for role in [Role.secretariat, .commission, .expert, .applicant] {
                let refused = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(try await app.token(role))) {
                    try $0.content.encode(["email": "new@ec.europa.eu", "name": "New", "role": "secretariat"])
                }
                #expect(refused.status == .forbidden, "\(role)")
            }
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/users")
            #expect(anonymous.status == .unauthorized)

            let wrong = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(admin)) {
                try $0.content.encode(["email": "not an address", "name": String(repeating: "Ж", count: 201), "role": "applicant"])
            }
            #expect(wrong.status == .unprocessableEntity)
            let fields = try #require(try wrong.content.decode(ErrorBody.self).error.fields)
            #expect(Set(fields.keys) == ["email", "name", "role"])

            let existing = try await app.makeUser(.secretariat)
            let taken = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(admin)) {
                try $0.content.encode(["email": existing.email.uppercased(), "name": "Twin", "role": "secretariat"])
            }
            #expect(taken.status == .conflict)
            #expect(try taken.content.decode(ErrorBody.self).error.code == "account_exists")
            #expect(try await User.query(on: app.db).count() == 6)
        }
    }

    @Test("the list filters by role, state and text, and pages", arguments: TestDatabase.all)
    func list(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.admin)
            try await app.makeUser(.secretariat, email: "maria@secretariat.example.eu", name: "Мария Иванова")
            try await app.makeUser(.secretariat, email: "jan@secretariat.example.eu", name: "Jan de Vries")
            try await app.makeUser(.expert, email: "expert@example.eu", name: "Eva")
            let secretariat = try await app.testing().sendRequest(.GET, "/api/v1/users?role=secretariat&limit=1", headers: .bearer(token))
                .content.decode(ListPage<UserDTO>.self)
            #expect(secretariat.total == 2 && secretariat.items.map(\.email) == ["jan@secretariat.example.eu"])
            let byName = try await app.testing().sendRequest(.GET, "/api/v1/users?q=\("Мария".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                                                             headers: .bearer(token)).content.decode(ListPage<UserDTO>.self)
            #expect(byName.items.map(\.email) == ["maria@secretariat.example.eu"])
            // A name found whatever the case it is typed in: "de vries" finds "Jan de Vries" on both databases.
            let byLowerName = try await app.testing().sendRequest(.GET, "/api/v1/users?q=DE%20VRIES", headers: .bearer(token))
                .content.decode(ListPage<UserDTO>.self)
            #expect(byLowerName.items.map(\.email) == ["jan@secretariat.example.eu"])
            let byAddress = try await app.testing().sendRequest(.GET, "/api/v1/users?q=JAN@", headers: .bearer(token))
                .content.decode(ListPage<UserDTO>.self)
            #expect(byAddress.items.map(\.email) == ["jan@secretariat.example.eu"])
            // What is typed is matched as itself: `_` and `%` are not wildcards.
            try await app.makeUser(.commission, email: "piet_100%@commission.example.eu", name: "Piet")
            for (typed, found) in [("t_1", ["piet_100%@commission.example.eu"]), ("a_", []), ("100%25@", ["piet_100%@commission.example.eu"]), ("%25", ["piet_100%@commission.example.eu"]), ("n%25s", [])] {
                let answer = try await app.testing().sendRequest(.GET, "/api/v1/users?q=\(typed)", headers: .bearer(token))
                #expect(try answer.content.decode(ListPage<UserDTO>.self).items.map(\.email) == found, "\(typed)")
            }
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/users?role=king&status=asleep", headers: .bearer(token))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try #require(try bad.content.decode(ErrorBody.self).error.fields).keys) == ["role", "status"])
        }
    }

    @Test("roles change among staff only; the last active administrator keeps the role", arguments: TestDatabase.all)
    func roleChanges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let token = try await app.token(for: admin)
            let officer = try await app.makeUser(.secretariat)
            let promoted = try await patch(app, try officer.requireID(), ["role": "commission"], token: token)
            #expect(promoted.status == .ok)
            #expect(try await User.find(officer.requireID(), on: app.db)?.role == .commission)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.roleChanged.rawValue).first())
            #expect(audit.summary == "Secretariat to European Commission" && audit.$actor.id == admin.id)

            let applicant = try await app.makeUser(.applicant)
            let notStaff = try await patch(app, try applicant.requireID(), ["role": "secretariat"], token: token)
            #expect(notStaff.status == .conflict)
            #expect(try code(notStaff) == "not_staff")
            let toApplicant = try await patch(app, try officer.requireID(), ["role": "applicant"], token: token)
            #expect(toApplicant.status == .unprocessableEntity)

            let selfDemotion = try await patch(app, try admin.requireID(), ["role": "secretariat"], token: token)
            #expect(selfDemotion.status == .conflict)
            #expect(try code(selfDemotion) == "last_admin")
            #expect(try await User.find(admin.requireID(), on: app.db)?.role == .admin)

            let byOfficer = try await patch(app, try applicant.requireID(), ["role": "admin"], token: try await app.token(for: officer))
            #expect(byOfficer.status == .forbidden)
        }
    }

    @Test("a role and a state change together or not at all", arguments: TestDatabase.all)
    func roleAndStateTogether(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let other = try await app.makeUser(.admin)
            let token = try await app.token(for: admin)
            // Demoting oneself is allowed while another administrator remains; deactivating oneself never is.
            struct Change: Content { let role: String; let active: Bool }
            let both = try await app.testing().sendRequest(.PATCH, "/api/v1/users/\(try admin.requireID())", headers: .bearer(token)) {
                try $0.content.encode(Change(role: "secretariat", active: false))
            }
            #expect(both.status == .conflict && both.body.string.contains("own_account"))
            #expect(try await User.find(admin.requireID(), on: app.db)?.role == .admin, "the role change went back with the refusal")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.roleChanged.rawValue).count() == 0)

            let demoted = try await app.testing().sendRequest(.PATCH, "/api/v1/users/\(try other.requireID())", headers: .bearer(token)) {
                try $0.content.encode(Change(role: "commission", active: false))
            }
            #expect(demoted.status == .ok)
            let stored = try #require(try await User.find(other.requireID(), on: app.db))
            #expect(stored.role == .commission && !stored.isActive)
        }
    }

    @Test("a deactivated account cannot sign in; its tokens and web session end; reactivation restores it", arguments: TestDatabase.all)
    func deactivation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let token = try await app.token(for: admin)
            let officer = try await app.makeUser(.secretariat)
            let officerToken = try await app.token(for: officer)
            var officerBrowser = try await Browser.signedIn(app, officer)
            _ = try await officerBrowser.page("/staff/applications")

            let done = try await deactivate(app, try officer.requireID(), token: token)
            #expect(done.status == .ok)
            #expect(try done.content.decode(UserDTO.self).active == false)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(officerToken)).status == .unauthorized)
            let page = try await officerBrowser.get("/staff/applications")
            #expect(page.status == .seeOther || page.status == .unauthorized, "\(page.status)")
            let signIn = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": officer.email, "password": Application.testPassword])
            }
            #expect(signIn.status == .forbidden)
            #expect(try code(signIn) == "account_deactivated")
            let wrongPassword = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": officer.email, "password": "not the password at all"])
            }
            #expect(wrongPassword.status == .unauthorized)
            let again = try await deactivate(app, try officer.requireID(), token: token)
            #expect(again.status == .ok)

            let reactivated = try await app.testing().sendRequest(.PATCH, "/api/v1/users/\(try officer.requireID())", headers: .bearer(token)) {
                try $0.content.encode(["active": true])
            }
            #expect(reactivated.status == .ok)
            let back = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": officer.email, "password": Application.testPassword])
            }
            #expect(back.status == .ok)
            #expect(try await officerBrowser.get("/staff/applications").status == .seeOther, "a session from before the deactivation stays ended")
            let trail = try await AuditEvent.query(on: app.db).filter(\.$subjectID == officer.requireID().uuidString).all().map(\.action)
            #expect(trail.contains(AuditAction.userDeactivated.rawValue) && trail.contains(AuditAction.userReactivated.rawValue))

            let ownAccount = try await deactivate(app, try admin.requireID(), token: token)
            #expect(ownAccount.status == .conflict)
            #expect(try code(ownAccount) == "own_account")
        }
    }

    @Test("two administrators demoting each other at the same moment leave one administrator", arguments: TestDatabase.all)
    func concurrentDemotion(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for _ in 0..<3 {
                let first = try await app.makeUser(.admin)
                let second = try await app.makeUser(.admin)
                try await User.query(on: app.db).filter(\.$role == .admin).filter(\.$id !~ [try first.requireID(), try second.requireID()])
                    .set(\.$role, to: .secretariat).update()
                let (firstToken, secondToken) = (try await app.token(for: first), try await app.token(for: second))
                async let a = patch(app, try second.requireID(), ["role": "secretariat"], token: firstToken)
                async let b = patch(app, try first.requireID(), ["role": "secretariat"], token: secondToken)
                let statuses = try await [a.status, b.status]
                let admins = try await User.query(on: app.db).filter(\.$role == .admin).count()
                #expect(admins == 1, "\(statuses)")
                #expect(statuses.sorted { $0.code < $1.code } == [.ok, .conflict] || statuses.contains(.forbidden), "\(statuses)")
            }
        }
    }

    @Test("an administrator invited but not yet signed in does not count: the last one who can sign in keeps the role", arguments: TestDatabase.all)
    func invitedAdminNotCounted(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let token = try await app.token(for: admin)
            let invited = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: .bearer(token)) {
                try $0.content.encode(["email": "next@ec.europa.eu", "name": "Next Admin", "role": "admin"])
            }
            #expect(invited.status == .created)
            let stepDown = try await patch(app, try admin.requireID(), ["role": "secretariat"], token: token)
            #expect(stepDown.status == .conflict)
            #expect(try code(stepDown) == "last_admin")
        }
    }

    @Test("a deactivated member of staff is no longer emailed as one of the secretariat", arguments: TestDatabase.all)
    func deactivatedNotEmailed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let active = try await app.makeUser(.secretariat)
            let gone = try await app.makeUser(.secretariat)
            #expect(try await deactivate(app, try gone.requireID(), token: try await app.token(.admin)).status == .ok)
            let staff = try await Assignments.secretariat(on: app.db).map(\.email)
            #expect(staff.contains(active.email) && !staff.contains(gone.email))
        }
    }
}
