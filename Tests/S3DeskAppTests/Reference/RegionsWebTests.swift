import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Staff pages for regions and the outbox")
struct StaffReferencePagesTests {
    @Test("the secretariat lists regions without a category and sets one; it is audited and kept", arguments: TestDatabase.all)
    func regions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let staff = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(staff.email)
            let unknown = try await browser.get("/staff/regions?category=unknown&country=cz")
            #expect(unknown.status == .ok)
            #expect(unknown.body.string.contains("4 regions"))
            #expect(unknown.body.string.contains("Jihozápad"))
            #expect(unknown.body.string.contains("Too close to a threshold to decide"), "the evidence behind the blank")
            let saved = try await browser.post("/staff/regions/CZ03", form: ["category": "transition"], csrfFrom: "/staff/regions")
            #expect(saved.status == .seeOther)
            let page = try await browser.page(try #require(saved.headers.first(name: .location)))
            #expect(page.contains("The category of CZ03 has been saved."))
            #expect(page.contains("(set by staff)"))
            let region = try #require(try await Region.find("CZ03", on: app.db))
            #expect(region.category == .transition)
            #expect(region.categorySource == .staff)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectID == "CZ03").count() == 1)
            let invalid = try await browser.post("/staff/regions/CZ03", form: ["category": "rich"], csrfFrom: "/staff/regions")
            #expect(invalid.status == .unprocessableEntity)
        }
    }

    @Test("the outbox page shows queued emails to the secretariat", arguments: TestDatabase.all)
    func outbox(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Outbox.enqueue(Messages.english.accountConfirmation(in: .en, to: "ana@norte.pt", name: "Ana <Silva>", link: "http://x/c?token=t"),
                                     at: testNow, on: app.db, logger: app.logger)
            let staff = try await app.makeUser(.admin)
            var browser = Browser(app: app)
            try await browser.signIn(staff.email)
            let page = try await browser.page("/staff/outbox")
            #expect(page.contains("No SMTP server is configured"))
            #expect(page.contains("Confirm your S3Desk account"))
            #expect(page.contains("Dear Ana &lt;Silva&gt;"))
            #expect(try await browser.page("/staff/outbox?status=sent").contains("No email yet."))
        }
    }

    @Test("applicants, experts and the Commission are refused both pages", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for role in [Role.applicant, .expert, .commission] {
                let user = try await app.makeUser(role)
                var browser = Browser(app: app)
                try await browser.signIn(user.email)
                #expect(try await browser.get("/staff/regions").status == .forbidden, "\(role)")
                #expect(try await browser.get("/staff/outbox").status == .forbidden, "\(role)")
                let post = try await browser.post("/staff/regions/RO11", form: ["category": "transition"], csrfFrom: "/")
                #expect(post.status == .forbidden, "\(role)")
            }
            var stranger = Browser(app: app)
            #expect(try await stranger.get("/staff/outbox").status == .seeOther)
            #expect(try await Region.find("RO11", on: app.db)?.category == .lessDeveloped)
        }
    }
}
