import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Breadcrumbs on the pages below others")
struct BreadcrumbsTests {
    /// The breadcrumb trail of a page: each ancestor's label, then the current page's.
    private func trail(_ html: String) throws -> [String] {
        let start = try #require(html.range(of: #"<nav aria-label="Breadcrumb" class="breadcrumbs">"#))
        let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
        let nav = html[start.upperBound..<end.lowerBound]
        return nav.matches(of: /<li[^>]*>(?:<a href="[^"]*">)?([^<]*)/).map { String($0.output.1) }
    }

    @Test("each role's trail leads through the pages it may open, the current page last", arguments: TestDatabase.all)
    func trails(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await app.makeRound([("a", application("ITF6"))])
            let id = try #require(fixture.ids["a"])
            let reference = try #require(try await ApplicationRecord.find(id, on: app.db)).reference
            var secretariat = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            let round = try trail(try await secretariat.page(SiteURL.round(fixture.roundID)))
            #expect(round.prefix(2) == ["Calls", fixture.call.title] && round.count == 3 && round[2].hasPrefix("Round 1"), "\(round)")
            #expect(try trail(try await secretariat.page(SiteURL.assessment(id))) == ["Applications", "Application \(reference)", "Assess \(reference)"])

            var commission = try await Browser.signedIn(app, try await app.makeUser(.commission))
            let commissionRound = try trail(try await commission.page(SiteURL.round(fixture.roundID)))
            #expect(commissionRound.first == "Home", "the Commission does not open the calls pages: \(commissionRound)")

            var applicant = try await Browser.signedIn(app, try #require(fixture.applicants["a"]))
            #expect(try trail(try await applicant.page(SiteURL.application(id))) == ["My applications", "Application \(reference)"])
        }
    }
}
