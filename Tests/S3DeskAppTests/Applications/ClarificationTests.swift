import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Clarifications of submitted applications")
struct ClarificationAPITests {
    struct Request: Content {
        let fields: [String]
        let message: String
        let deadline: String
    }

    /// A submitted application of Calabria, with the applicant's token.
    private func submitted(_ app: Application) async throws -> (ApplicationDTO, String) {
        let call = try await app.makeCall()
        let (_, token) = try await app.makeApplicant()
        let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
            try $0.content.encode(ApplicationContentDTO(completeApplication))
        }.content.decode(ApplicationDTO.self)
        let done = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(draft.id)/submit", headers: .bearer(token))
        return (try done.content.decode(ApplicationDTO.self), token)
    }

    @Test("the secretariat reopens named fields until a deadline; the applicant changes only those, then answers", arguments: TestDatabase.all)
    func reopen(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (application, token) = try await submitted(app)
            let base = "/api/v1/applications/\(application.id)"
            let staff = try await app.token(.secretariat)
            let asked = try await app.testing().sendRequest(.POST, base + "/clarifications", headers: .bearer(staff)) {
                try $0.content.encode(Request(fields: ["needs", "stakeholders"], message: "Please name the universities involved.", deadline: "2026-03-10"))
            }
            #expect(asked.status == .created)
            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$kind == .clarificationRequested).first())
            #expect(email.body.contains("Please name the universities involved."))
            #expect(email.body.contains("10 March 2026"))

            let locked = try await app.testing().sendRequest(.PATCH, base, headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(territory: "PL92", needs: String(repeating: "n", count: 120))))
            }
            #expect(locked.status == .conflict)
            #expect(try locked.content.decode(ErrorBody.self).error.code == "field_locked")

            let newNeeds = String(repeating: "We will involve the universities of Calabria and Reggio. ", count: 3)
            let changed = try await app.testing().sendRequest(.PATCH, base, headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(needs: newNeeds)))
            }
            #expect(changed.status == .ok)
            #expect(try changed.content.decode(ApplicationDTO.self).content.needs == newNeeds)
            #expect(try changed.content.decode(ApplicationDTO.self).status == .submitted)

            #expect(try await app.testing().sendRequest(.POST, base + "/clarifications/respond", headers: .bearer(token)).status == .ok)
            let after = try await app.testing().sendRequest(.PATCH, base, headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(needs: newNeeds + "again")))
            }
            #expect(after.status == .conflict, "answered: locked again")
            let list = try await app.testing().sendRequest(.GET, base + "/clarifications", headers: .bearer(token))
                .content.decode(ListPage<ClarificationDTO>.self)
            #expect(list.items.first?.open == false)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "application").sort(\.$occurredAt).all(\.$action)
            #expect(audit == ["application.clarification_requested", "application.clarified", "application.clarified"])
        }
    }

    @Test("after the deadline the application locks again by itself", arguments: TestDatabase.all)
    func deadline(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (application, _) = try await submitted(app)
            let staff = try await app.token(.secretariat)
            _ = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(application.id)/clarifications", headers: .bearer(staff)) {
                try $0.content.encode(Request(fields: ["needs"], message: "More detail, please.", deadline: "2026-03-10"))
            }
            let owner = try #require(try await User.query(on: app.db).filter(\.$role == .applicant).first())
            app.clock = AppClock(pinnedAt: Instant.parse("2026-03-10T22:59:59.999Z"))
            let lastMoment = try await app.testing().sendRequest(.PATCH, "/api/v1/applications/\(application.id)",
                                                                 headers: .bearer(try await app.token(for: owner))) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(needs: String(repeating: "m", count: 150))))
            }
            #expect(lastMoment.status == .ok, "until the end of the deadline date in Brussels")
            app.clock = AppClock(pinnedAt: Instant.parse("2026-03-10T23:00:00Z"))
            let late = try await app.testing().sendRequest(.PATCH, "/api/v1/applications/\(application.id)",
                                                           headers: .bearer(try await app.token(for: owner))) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(needs: String(repeating: "l", count: 150))))
            }
            #expect(late.status == .conflict)
        }
    }

    @Test("only the secretariat and admins ask; bad requests name each problem; one open at a time", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (application, token) = try await submitted(app)
            let path = "/api/v1/applications/\(application.id)/clarifications"
            let valid = Request(fields: ["needs"], message: "Why?", deadline: "2026-03-10")
            for bearer in [token, try await app.token(.commission)] {
                #expect(try await app.testing().sendRequest(.POST, path, headers: .bearer(bearer)) { try $0.content.encode(valid) }.status == .forbidden)
            }
            #expect(try await app.testing().sendRequest(.POST, path, headers: .bearer(try await app.token(.expert))) { try $0.content.encode(valid) }.status == .notFound)
            let admin = try await app.token(.admin)
            let bad = try await app.testing().sendRequest(.POST, path, headers: .bearer(admin)) {
                try $0.content.encode(Request(fields: ["budget"], message: "", deadline: "2026-02-30"))
            }
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.content.decode(ErrorBody.self).error.fields?.keys.map { $0 } ?? []) == ["fields", "message", "deadline"])
            #expect(try await app.testing().sendRequest(.POST, path, headers: .bearer(admin)) { try $0.content.encode(valid) }.status == .created)
            #expect(try await app.testing().sendRequest(.POST, path, headers: .bearer(admin)) { try $0.content.encode(valid) }.status == .conflict)
        }
    }

    @Test("on the web: staff ask on the application page; the applicant sees only the reopened parts", arguments: TestDatabase.all)
    func web(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (application, _) = try await submitted(app)
            let staff = try await app.makeUser(.secretariat)
            var secretariat = Browser(app: app)
            try await secretariat.signIn(staff.email)
            let page = SiteURL.application(application.id)
            let asked = try await secretariat.post(page + "/clarifications",
                                                   form: ["fields[0]": "stakeholders", "message": "Who <exactly>?", "deadline": "2026-03-10"],
                                                   csrfFrom: page)
            #expect(asked.status == .seeOther)

            let owner = try #require(try await User.query(on: app.db).filter(\.$role == .applicant).first())
            var region = Browser(app: app)
            try await region.signIn(owner.email)
            let view = try await region.page(page)
            #expect(view.contains("Who &lt;exactly&gt;?"))
            let edit = SiteURL.editApplication(application.id)
            let form = try await region.page(edit)
            #expect(form.contains(#"id="stakeholders""#))
            #expect(!form.contains(#"id="needs""#))
            #expect(!form.contains("Submit the application"))
            let saved = try await region.post(edit, form: ["stakeholders": "Universities of Calabria and Reggio", "needs": "hijack", "action": "save"],
                                              csrfFrom: edit)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await ApplicationRecord.find(application.id, on: app.db))
            #expect(stored.content.stakeholders == "Universities of Calabria and Reggio")
            #expect(stored.content.needs == completeApplication.needs, "parts not reopened stay as submitted")
            // Answering with a reopened part emptied is refused on the page, with the part named.
            #expect(try await region.post(edit, form: ["stakeholders": "", "action": "save"], csrfFrom: edit).status == .seeOther)
            let refused = try await region.post(page + "/clarifications/respond", form: [:], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("The application would no longer be eligible"))
            #expect(refused.body.string.contains("<li>Stakeholders: "))
            #expect(try await region.post(edit, form: ["stakeholders": "Universities of Calabria and Reggio", "action": "save"],
                                          csrfFrom: edit).status == .seeOther)
            let answered = try await region.post(page + "/clarifications/respond", form: [:], csrfFrom: page)
            #expect(answered.status == .seeOther)
            #expect(try await region.get(edit).status == .seeOther, "locked again")
            let trail = try await secretariat.page(page)
            #expect(trail.contains("Clarification requested"))
            #expect(trail.contains("clarification answered"))
            #expect(trail.contains("Draft → Submitted"))
        }
    }
}
