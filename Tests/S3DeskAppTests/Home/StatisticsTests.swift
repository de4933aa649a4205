import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Public statistics")
struct StatisticsTests {
    @Test("anyone reads the regions supported, the topics and the applications per cut-off; nobody is named; counted once for a while",
          arguments: TestDatabase.all)
    func statistics(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Three selections from two Italian less developed regions counted once each, one national Greek.
            let selected = try await app.selectedRound([
                ("A", application("ITF6", organisation: "Regione Calabria")), ("B", application("ITF3", organisation: "Regione Campania")),
                ("N", application("EL", organisation: "Υπουργείο Ανάπτυξης")),
            ])
            var visitor = Browser(app: app)
            let response = try await visitor.get(SiteURL.statistics)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .cacheControl) == "public, max-age=300")
            let page = response.body.string
            #expect(page.contains("3 selections endorsed so far, for 3 regions or national strategies in 2 countries"))
            #expect(page.contains("<th scope=\"row\">Italy (IT)</th><td>2</td><td>0</td><td>0</td><td>0</td><td>2</td>"))
            #expect(page.contains("<title>Greece: 1</title>"))
            #expect(page.contains("<title>Malta: 0</title>"))
            #expect(page.contains("<title id=\"topics-title\">Topics asked for (submitted applications)</title>"))
            #expect(page.contains("<title id=\"cutoffs-title\">Applications per cut-off</title>"))
            // Every application asked for the EDP; the cut-off of 31 March had three.
            #expect(page.contains("<th scope=\"row\">Support to the Entrepreneurial Discovery Process</th><td>3</td>"))
            #expect(page.contains("<th scope=\"row\">31 March 2026</th><td>Targeted Support"))
            for name in ["Regione Calabria", "Υπουργείο Ανάπτυξης", "TS-2026-"] { #expect(!page.contains(name)) }

            // Within five minutes the same count serves; after, a new one.
            let round = selected.round
            let (_, token) = try await app.makeApplicant(territory: "PL92")
            #expect(try await app.send(.POST, "/api/v1/calls/\(round.call.id!)/applications", token: token,
                                       ApplicationContentDTO(application("PL92"))).status == .created)
            let id = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$territory == "PL92").first()?.id)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/submit", token: token).status == .ok)
            let juneRow = { (count: Int) in "<th scope=\"row\">30 June 2026</th><td>Targeted Support 2026</td><td>\(count)</td>" }
            #expect(try await visitor.page(SiteURL.statistics).contains(juneRow(0)))
            app.clock = AppClock(pinnedAt: app.clock.now.addingTimeInterval(301))
            #expect(try await visitor.page(SiteURL.statistics).contains(juneRow(1)))
        }
    }
}
