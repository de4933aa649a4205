import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Eight requests at the same moment on one application, as a double-clicking applicant, two
/// colleagues in two tabs or a retrying client send them.
@Suite("Simultaneous requests on one application")
struct ApplicationConcurrencyTests {
    /// Sends `count` requests at once; the statuses in any order.
    private func atOnce(_ count: Int, _ send: @escaping @Sendable (Int) async throws -> HTTPStatus) async throws -> [HTTPStatus] {
        try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for index in 0..<count { group.addTask { try await send(index) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    private func draft(_ app: Application) async throws -> (id: UUID, token: String) {
        let call = try await app.makeCall()
        let (_, token) = try await app.makeApplicant()
        let created = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
            try $0.content.encode(ApplicationContentDTO(completeApplication))
        }
        return (try created.content.decode(ApplicationDTO.self).id, token)
    }

    @Test("eight submits of one draft: one succeeds, with one transition and one email", arguments: TestDatabase.all)
    func submits(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (id, token) = try await draft(app)
            let statuses = try await atOnce(8) { _ in
                try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token)).status
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 7, "\(statuses)")
            #expect(try await ApplicationTransition.query(on: app.db).filter(\.$application.$id == id).filter(\.$to == .submitted).count() == 1)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .applicationReceived).count() == 1)
        }
    }

    @Test("eight withdrawals at once: one succeeds, with one transition", arguments: TestDatabase.all)
    func withdrawals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (id, token) = try await draft(app)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token)).status == .ok)
            let statuses = try await atOnce(8) { index in
                try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/withdraw", headers: .bearer(token)) {
                    try $0.content.encode(["reason": "Withdrawn from tab \(index): the region merged its S3 unit."])
                }.status
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 7, "\(statuses)")
            #expect(try await ApplicationTransition.query(on: app.db).filter(\.$application.$id == id).filter(\.$to == .withdrawn).count() == 1)
        }
    }

    @Test("a submit racing changes that would make it ineligible never submits the ineligible content", arguments: TestDatabase.all)
    func submitRacingChanges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for _ in 0..<3 {
                let (id, token) = try await draft(app)
                let statuses = try await atOnce(8) { index in
                    if index == 0 {
                        return try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token)).status
                    }
                    return try await app.testing().sendRequest(.PATCH, "/api/v1/applications/\(id)", headers: .bearer(token)) {
                        try $0.content.encode(ApplicationContentDTO(ApplicationContent(s3ResponsibilityConfirmed: false, needs: "Short.")))
                    }.status
                }
                let stored = try #require(try await ApplicationRecord.find(id, on: app.db))
                if stored.status == .submitted {
                    #expect(stored.content.needs == completeApplication.needs, "submitted with the content it was checked with")
                    #expect(stored.content.s3ResponsibilityConfirmed == true)
                } else {
                    #expect(stored.status == .draft)
                    #expect(statuses.contains(.unprocessableEntity), "the submit saw the changed content and refused it: \(statuses)")
                }
                #expect(!statuses.contains(.internalServerError), "\(statuses)")
            }
        }
    }
}
