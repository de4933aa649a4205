import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The progress of a draft")
struct DraftProgressTests {
    @Test("a draft is charted against the round it would join: next cut-off and due dates, \"not yet submitted\"", arguments: TestDatabase.all)
    func nextCutoff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant()
            let id = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services()).requireID()
            func progress(_ token: String) async throws -> ProgressDTO {
                try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/progress", headers: .bearer(token)).content.decode(ProgressDTO.self)
            }
            let before = try await progress(token)
            #expect(before.stages[0].state == .current && before.stages[1].due == "2026-03-31")
            #expect(before.stages[3].due == "2026-04-30" && before.stages[4].due == "2026-05-31")

            var browser = Browser(app: app)
            try await browser.signIn(owner.email)
            let page = try await browser.page(SiteURL.application(id))
            #expect(page.contains("<strong>Application submitted</strong>: not yet submitted"))
            #expect(page.contains("<strong>Cut-off</strong>: not reached, due 31 March 2026"))
            #expect(!page.contains("in progress"))

            // Past round 1's cut-off, still a draft: it now aims at round 2.
            let afterFirstCutoff = try #require(Instant.parse("2026-04-01T08:00:00Z"))
            app.clock = AppClock(pinnedAt: afterFirstCutoff)
            #expect(try await progress(try await app.token(for: owner)).stages[1].due == "2026-06-30")
        }
    }
}
