import Foundation
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Form addresses opened with GET")
struct FormAddressesTests {
    /// The path of `route` with a fresh UUID for each parameter.
    private func sample(_ path: [PathComponent]) -> String {
        "/" + path.map { component in
            if case .parameter = component { return UUID().uuidString }
            return component.description
        }.joined(separator: "/")
    }

    @Test("each form address sends a GET to the page its form is on, with the same ids", arguments: TestDatabase.all)
    func redirects(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let id = UUID().uuidString
            let withdrawal = try await app.testing().sendRequest(.GET, SiteURL.withdrawal(id))
            #expect(withdrawal.status == .seeOther && withdrawal.headers.first(name: .location) == SiteURL.application(id))
            let review = try await app.testing().sendRequest(.GET, SiteURL.timesheetReview(id, UUID().uuidString))
            #expect(review.headers.first(name: .location) == SiteURL.assignmentOf(id), "the page takes the ids it names, by name")
            let decision = try await app.testing().sendRequest(.GET, SiteURL.decision(id))
            #expect(decision.headers.first(name: .location) == SiteURL.assessment(id))
            let region = try await app.testing().sendRequest(.GET, SiteURL.region("PL91"))
            #expect(region.headers.first(name: .location) == SiteURL.staffRegions)
        }
    }

    @Test("no address a page's form posts to answers GET with 405; the API still does", arguments: TestDatabase.all)
    func noDeadEnds(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let forms = app.routes.all.filter { $0.method == .POST && $0.path.first?.description != "api" }
            #expect(forms.count > 30, "every form of the pages is here: \(forms.count)")
            for route in forms {
                let path = sample(route.path)
                let answer = try await app.testing().sendRequest(.GET, path)
                #expect(answer.status != .methodNotAllowed, "\(route.path.string) has no page to send a GET to")
            }
            let api = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(UUID())/withdraw")
            #expect(api.status == .methodNotAllowed)
        }
    }
}
