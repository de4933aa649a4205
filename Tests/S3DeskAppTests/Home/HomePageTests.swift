import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Public call page")
struct HomePageTests {
    @Test("with no open call the page says so, and still explains the service", arguments: TestDatabase.all)
    func noCall(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.testing().sendRequest(.GET, "/")
            #expect(response.status == .ok)
            let html = response.body.string
            #expect(html.contains("No call is open for applications at the moment."))
            #expect(html.contains("Who may apply"))
            #expect(html.contains("Integrating clusters in smart specialisation"))
        }
    }

    @Test("an applicant's account without an authority is told what to do on every page, and offered no dead end", arguments: TestDatabase.all)
    func applicantWithoutAuthority(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let stranded = try await app.makeUser(.applicant)
            var browser = Browser(app: app)
            try await browser.signIn(stranded.email)
            for path in ["/", "/applications"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains("Your account does not belong to an authority yet"), "\(path)")
                #expect(!page.body.string.contains(">My authority<"), "\(path): no link to a page it cannot have")
            }
            #expect(!(try await browser.page("/").contains("Start an application")))
            let start = try await browser.post(SiteURL.apply(call.id!), form: [:], csrfFrom: "/applications")
            #expect(start.status == .forbidden)
            #expect(start.body.string.contains("an S3Desk administrator can add you to your authority"))

            let (member, _) = try await app.makeApplicant()
            var colleague = Browser(app: app)
            try await colleague.signIn(member.email)
            let home = try await colleague.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Start an application"))
            #expect(!home.body.string.contains("Your account does not belong to an authority yet"))
        }
    }

    @Test("the open call shows its next cut-off, the days left and the milestones", arguments: TestDatabase.all)
    func openCall(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let open = try CallInput(title: "Targeted Support 2026", description: "Apply & grow",
                                     cutoffs: ["2026-03-31", "2026-06-30"]).validated()
            _ = try await CallStore.create(open, actor: nil, at: testNow, on: app.db)
            let closed = try CallInput(title: "Old call 2025", cutoffs: ["2025-12-31"]).validated()
            _ = try await CallStore.create(closed, actor: nil, at: testNow, on: app.db)

            let html = try await app.testing().sendRequest(.GET, "/").body.string
            #expect(html.contains("Targeted Support 2026"))
            #expect(html.contains("Apply &amp; grow"))
            #expect(html.contains(#"<time datetime="2026-03-31">31 March 2026</time>"#))
            #expect(html.contains("30 days left"))
            #expect(html.contains("30 April 2026"))
            #expect(html.contains("31 May 2026"))
            #expect(html.contains("Later cut-off dates: 30 June 2026."))
            #expect(!html.contains("Old call 2025"))
        }
    }

    @Test("on the cut-off day itself it is the last day", arguments: TestDatabase.all)
    func lastDay(database: TestDatabase) async throws {
        try await withTestApp(database, now: Instant.parse("2026-03-31T21:00:00Z")) { app in
            _ = try await CallStore.create(try CallInput(title: "T", cutoffs: ["2026-03-31"]).validated(),
                                           actor: nil, at: testNow, on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/").body.string.contains("Last day today"))
        }
    }
}
