import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Erasure on request and retention")
struct ErasureAndRetentionTests {
    @Test("an applicant erases their account: the authority's application, the ranking and the audit chain stay whole",
          arguments: TestDatabase.all)
    func erasure(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("BG31"))])
            let person = try #require(round.applicants["A"])
            let id = try #require(round.ids["A"])
            let record = try #require(try await ApplicationRecord.find(id, on: app.db))
            record.content.contact?.email = person.email
            try await record.save(on: app.db)
            let organisation = try await Organisation.find(person.$organisation.id, on: app.db)
            let (_, colleagueToken) = try await app.makeApplicant(organisation: organisation)
            let staff = try await app.token(.secretariat)
            let ranking = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking", headers: .bearer(staff)).body.string
            let token = try await app.token(for: person)
            // Entries that name the person: a rename (by name) and a staff note (by address).
            #expect(try await app.testing().sendRequest(.PATCH, "/api/v1/me", headers: .bearer(token)) {
                try $0.content.encode(["name": "Ελένη Παπαδοπούλου"])
            }.status == .ok)
            try await AuditLog.record(.emailConfirmed, subject: .user(try person.requireID()), summary: "\(person.email), from the command line",
                                      actor: nil, at: app.clock.now, on: app.db)
            let before = try await AuditEvent.query(on: app.db).all().map(\.summary).joined(separator: "\n")
            #expect(before.contains(person.email) && before.contains("Ελένη"))

            let wrong = try await app.testing().sendRequest(.POST, "/api/v1/me/erasure", headers: .bearer(token)) {
                try $0.content.encode(["password": "not the password"])
            }
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("password"))
            #expect(try await User.find(person.requireID(), on: app.db)?.erasedAt == nil)

            let erased = try await app.testing().sendRequest(.POST, "/api/v1/me/erasure", headers: .bearer(token)) {
                try $0.content.encode(["password": Application.testPassword])
            }
            #expect(erased.status == .ok)
            let row = try #require(try await User.find(person.requireID(), on: app.db))
            let erasedEmail = PersonalData.erasedEmail(for: try person.requireID())
            #expect(row.name == PersonalData.erasedName && row.email == erasedEmail)
            #expect(row.passwordHash.isEmpty && row.erasedAt != nil && !row.isActive)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: .bearer(token)).status == .unauthorized)
            let signIn = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                try $0.content.encode(["email": person.email, "password": Application.testPassword])
            }
            #expect(signIn.status == .unauthorized)

            // The application survives, with its authority, status and place; only the contact went.
            let kept = try #require(try await ApplicationRecord.find(id, on: app.db))
            #expect(kept.status == record.status && kept.$organisation.id == record.$organisation.id)
            #expect(kept.content.contact == Contact(name: "[removed]", email: "[removed]", phone: "[removed]", position: "S3 officer"))
            #expect(kept.content.needs == record.content.needs)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)", headers: .bearer(colleagueToken)).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking", headers: .bearer(staff)).body.string == ranking)
            // Nothing in the audit trail names the person any more, and its chain still holds.
            let summaries = try await AuditEvent.query(on: app.db).all().map(\.summary).joined(separator: "\n")
            #expect(!summaries.contains(person.email) && !summaries.contains("Ελένη"))
            let (checked, broken) = try await AuditChain.firstBreak(on: app.db)
            #expect(broken == nil && checked > 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.accountErased.rawValue).count() == 1)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$recipient == person.email).count() == 0)
        }
    }

    @Test("the last administrator and an expert with an assignment in progress cannot erase; the web form erases and signs out",
          arguments: TestDatabase.all)
    func refusalsAndWebForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/me/erasure", headers: .bearer(try await app.token(for: admin))) {
                try $0.content.encode(["password": Application.testPassword])
            }
            #expect(refused.status == .conflict && refused.body.string.contains("last_admin"))
            #expect(try await User.find(admin.requireID(), on: app.db)?.erasedAt == nil)

            let assignment = try await app.launchedAssignment()
            let expertUser = try #require(try await Assignment.find(assignment.assignmentID, on: app.db)?.$expert.get(on: app.db)?.$user.get(on: app.db))
            // Invited through the pool; as if they had chosen their password.
            expertUser.passwordHash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(Application.testPassword)
            try await expertUser.save(on: app.db)
            let busy = try await app.testing().sendRequest(.POST, "/api/v1/me/erasure", headers: .bearer(try await app.token(for: expertUser))) {
                try $0.content.encode(["password": Application.testPassword])
            }
            #expect(busy.status == .conflict && busy.body.string.contains("assignment_in_progress"))

            let person = try await app.makeUser(.applicant, name: "Иван Петров")
            var browser = try await Browser.signedIn(app, person)
            #expect(try await browser.page("/account").contains("Erase my account for good"))
            let done = try await browser.post("/account/erase", form: ["password": Application.testPassword], csrfFrom: "/account")
            #expect(done.status == .ok && done.body.string.contains("Your account is erased"))
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await User.find(person.requireID(), on: app.db)?.name == PersonalData.erasedName)
        }
    }

    @Test("an erased expert is no one to assign, even named by id, and assignments' entries no longer name them", arguments: TestDatabase.all)
    func erasedExpertNotAssignable(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let launched = try await app.launchedAssignment()
            let other = try #require(try await User.query(on: app.db).filter(\.$email == "eleni@experts.example.eu").first())
            other.passwordHash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(Application.testPassword)
            try await other.save(on: app.db)
            let expertID = try #require(try await Expert.query(on: app.db).filter(\.$user.$id == other.requireID()).first()?.requireID())
            let b = try #require(launched.selected.round.ids["B"])
            let scope = try await app.send(.POST, "/api/v1/applications/\(b)/scope", token: launched.staff, ScopeInput())
            let assignmentID = try scope.content.decode(AssignmentDTO.self).assignmentId
            // Assigned, then replaced: the first assignment's entry names her.
            var third = ExpertInput(name: "Jan Novák", email: "jan@experts.example.eu")
            third.countries = ["FR"]
            let jan = try await app.send(.POST, "/api/v1/experts", token: launched.staff, third).content.decode(ExpertDTO.self)
            for id in [expertID, jan.id] {
                let assigned = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: launched.staff, ["expertId": id.uuidString])
                #expect(assigned.status == .ok, "\(assigned.body.string)")
            }
            func summaries() async throws -> [String] {
                try await AuditEvent.query(on: app.db).filter(\.$subjectID == assignmentID.uuidString).all().map(\.summary)
            }
            #expect(try await summaries().contains { $0.contains("Ελένη Παππά") })

            let erased = try await app.testing().sendRequest(.POST, "/api/v1/me/erasure", headers: .bearer(launched.otherExpert)) {
                try $0.content.encode(["password": Application.testPassword])
            }
            #expect(erased.status == .ok || erased.status == .noContent, "\(erased.body.string)")
            let after = try await summaries()
            #expect(!after.contains { $0.contains("Ελένη Παππά") } && after.contains { $0.contains("Jan Novák") }, "\(after)")
            let refused = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: launched.staff, ["expertId": expertID.uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.string.lowercased().contains("no expert of the pool has this id"), "\(refused.body.string)")
            #expect(try await Assignment.find(assignmentID, on: app.db)?.$expert.id == jan.id)
        }
    }

    @Test("the retention job removes the contact of applications ended more than 5 years ago, and only those",
          arguments: TestDatabase.all)
    func retention(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("old", application("ITF6")), ("recent", application("BG31")),
                                                 ("boundary", application("PL21")), ("running", application("EL53"))])
            let now = Instant.parse("2032-06-01T10:00:00Z")!
            let cutoff = PersonalData.retentionCutoff(now: now, years: 5)
            let setups: [(String, ApplicationStatus, Date)] = [("old", .rejected, cutoff.addingTimeInterval(-1)),
                                                               ("recent", .withdrawn, cutoff.addingTimeInterval(86_400)),
                                                               ("boundary", .completed, cutoff),
                                                               ("running", .launched, cutoff.addingTimeInterval(-86_400))]
            for (label, status, updated) in setups {
                let record = try #require(try await ApplicationRecord.find(round.ids[label], on: app.db))
                record.status = status
                try await record.save(on: app.db)
                // `save` stamps nothing: the column is the application's own last change.
                try await ApplicationRecord.query(on: app.db).filter(\.$id == record.requireID()).set(\.$updatedAt, to: updated).update()
            }
            let applications = try await ApplicationRecord.query(on: app.db).count()
            try await app.passTime(to: now)
            func contact(_ label: String) async throws -> Contact? {
                try await ApplicationRecord.find(round.ids[label], on: app.db)?.content.contact
            }
            let old = try await contact("old")
            #expect(old?.name == "[removed]" && old?.position == "S3 officer")
            for label in ["recent", "boundary", "running"] {
                #expect(try await contact(label)?.name == "Lucia Greco", "\(label) keeps its contact")
            }
            #expect(try await ApplicationRecord.query(on: app.db).count() == applications)
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.personalDataRemoved.rawValue).all()
            #expect(events.map(\.subjectID) == [try #require(round.ids["old"]).uuidString])
            // A second pass finds nothing left to do.
            #expect(try await Retention.run(years: 5, now: now, on: app.db) == 0)
            // With a shorter period, the command's path takes the recent one too, but never a running one.
            #expect(try await Retention.run(years: 4, now: now, on: app.db) == 2)
            #expect(try await contact("running")?.name == "Lucia Greco")
            #expect(try await AuditChain.firstBreak(on: app.db).broken == nil)
        }
    }
}
