import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The Monday reminder of timesheets awaiting approval")
struct TimesheetReminderJobTests {
    @Test("on Monday at 08:00 in Brussels the secretariat gets one email naming the assignments with entries waiting, once",
          arguments: TestDatabase.all)
    func reminder(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            let entry: [String: AnyEncodable] = ["date": "2026-05-05", "days": 1, "activity": "Mapping of the regional actors"]
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry).status == .created)
            let reference = try #require(try await ApplicationRecord.find(a.applicationID, on: app.db)).reference
            func reminders() async throws -> [OutboxEmail] {
                try await OutboxEmail.query(on: app.db).filter(\.$kind == .timesheetsAwaiting).all()
            }
            // Sunday evening: Monday 2 March is more than a day ago, and no missed week is caught up.
            _ = try await app.passTime(to: Instant.parse("2026-03-08T20:00:00Z")!)
            let before = try await reminders().count
            #expect(before == 0)
            _ = try await app.passTime(to: Instant.parse("2026-03-09T07:00:00Z")!)
            let sent = try await reminders()
            #expect(sent.count == before + 1, "one secretariat member, one email")
            #expect(sent.last?.body.contains("\(reference): 1 entry") == true)
            _ = try await app.passTime(to: Instant.parse("2026-03-09T09:00:00Z")!)
            #expect(try await reminders().count == before + 1, "once a week")
            // Once approved, next Monday says nothing and leaves no run behind.
            #expect(try await app.send(.POST, "\(a.api)/timesheet/approve-all", token: a.staff).status == .ok)
            #expect(try await app.passTime(to: Instant.parse("2026-03-16T07:00:00Z")!).isEmpty)
            #expect(try await reminders().count == before + 1)
        }
    }
}
