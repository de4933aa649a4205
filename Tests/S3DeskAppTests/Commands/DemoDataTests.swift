import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The demonstration data")
struct DemoDataTests {
    @Test("fills an empty database with applications in every status, through the services", arguments: TestDatabase.all)
    func demonstration(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let logins = try await DemoData(app: app, password: "demo-password-1").fill()
            #expect(Set(logins.accounts.map(\.role)) == Set(Role.allCases))
            let statuses = Dictionary(try await ApplicationRecord.query(on: app.db).all().map { ($0.status, 1) }, uniquingKeysWith: +)
            // The fates in DemoRegions, counted by hand.
            #expect(statuses == [.draft: 4, .submitted: 6, .rejected: 12, .reserve: 6, .withdrawn: 3, .cancelled: 1,
                                 .selected: 3, .scoping: 1, .launched: 5, .completed: 3])
            #expect(statuses.values.reduce(0, +) >= 40)
            let assignments = try await Assignment.query(on: app.db).all()
            #expect(assignments.filter { $0.status == .closed }.allSatisfy { $0.satisfaction != nil && $0.halfDaysLogged == 40 })
            #expect(assignments.filter { $0.status == .launched }.allSatisfy { $0.halfDaysLogged > 0 })
            #expect(try await Meeting.query(on: app.db).filter(\.$late == true).count() == 3)
            #expect(try await Expert.query(on: app.db).count() == 6)
            // The cut-offs straddle today: three behind it, two ahead.
            let cutoffs = try await Round.query(on: app.db).all().map(\.cutoffAt)
            #expect(cutoffs.filter { $0 < app.clock.now }.count == 3 && cutoffs.filter { $0 > app.clock.now }.count == 2)
            // Each login signs in with the password.
            for (_, email) in logins.accounts {
                let answer = try await app.testing().sendRequest(.POST, "/api/v1/auth/token") {
                    try $0.content.encode(["email": email, "password": "demo-password-1"])
                }
                #expect(answer.status == .ok, "\(email)")
            }
            // The monitoring has every kind of figure to show.
            let scope = try await MonitoringFacts.Scope.load(callID: nil, at: app.clock.now, on: app.db)
            let summary = MonitoringSummary(try await MonitoringFacts.load(scope, delivery: try await .load(callID: nil, on: app.db), on: app.db))
            #expect(summary.satisfaction.responses == 3)
            #expect(summary.meetings.late >= 2)
            #expect(summary.delivery.used.halves > 0)
        }
    }
}
