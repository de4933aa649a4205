import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
@testable import S3DeskApp

/// Links are built from the same `SiteRoute`s and paths the routes are registered from: every
/// link and form a page shows leads to a route that answers.
@Suite("Routes and links")
struct SiteLinksTests {
    /// Every `href` (followed with GET) and form (sent with its method) of a page that stays on this site.
    static func links(in html: String) -> [(method: HTTPMethod, path: String)] {
        let clean = { (text: Substring) in String(text).replacingOccurrences(of: "&amp;", with: "&") }
        let hrefs = html.matches(of: #/href="(/[^"#]*)/#).map { (HTTPMethod.GET, clean($0.output.1)) }
        let forms = html.matches(of: #/<form method="(get|post)" action="(/[^"#]*)"/#).map {
            (HTTPMethod(rawValue: $0.output.1.uppercased()), clean($0.output.2))
        }
        return hrefs + forms
    }

    @Test("every link on the pages staff and applicants reach leads to a page, none to a missing route", arguments: TestDatabase.all)
    func noDeadLinks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let id = try #require(round.ids["A"])
            var secretariat = Browser(app: app)
            try await secretariat.signIn(try await app.makeUser(.secretariat).email)
            var applicant = Browser(app: app)
            try await applicant.signIn(try #require(round.applicants["A"]).email)
            for (name, start) in [("secretariat", [SiteURL.home, SiteURL.staffApplications, SiteURL.staffCalls, SiteURL.round(round.roundID),
                                                   SiteURL.application(id), SiteURL.assessment(id), SiteURL.editCall(try round.call.requireID())]),
                                  ("applicant", [SiteURL.home, SiteURL.myApplications, SiteURL.application(id), SiteURL.organisation])] {
                var browser = name == "secretariat" ? secretariat : applicant
                var checked: Set<String> = []
                for page in start {
                    let response = try await browser.get(page)
                    #expect(response.status == .ok, "\(name): \(page)")
                    guard response.status == .ok else { continue }
                    for (method, link) in Self.links(in: response.body.string) where !checked.contains("\(method) \(link)") {
                        checked.insert("\(method) \(link)")
                        // Asked of the router rather than sent: a form's POST would change what the next page shows.
                        let path = String(link.split(separator: "?", maxSplits: 1).first ?? "")
                        let routed = app.routes.all.contains { route in route.method == method && Self.matches(route.path, path) }
                        #expect(routed || path == SiteURL.stylesheet, "\(name): \(page) has \(method) \(link), which no route serves")
                    }
                }
                #expect(checked.count >= 8, "\(name) saw \(checked.count) links")
            }
        }
    }

    static func matches(_ pattern: [PathComponent], _ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { component, part in
            switch component {
            case .constant(let text): text == part
            case .parameter: !part.isEmpty
            default: true
            }
        }
    }

    @Test("a route's link fills its parameters in order and escapes them")
    func filling() {
        let id = UUID()
        #expect(SiteURL.application(id) == "/applications/\(id.uuidString)")
        #expect(SiteURL.removeCallQuestion(id, "q 1") == "/staff/calls/\(id.uuidString)/questions/q%201/delete")
        #expect(SiteURL.region("EL43") == "/staff/regions/EL43")
        #expect(APIURL.application.path == ["api", "v1", "applications", ":id"].map { PathComponent(stringLiteral: $0) })
    }
}
