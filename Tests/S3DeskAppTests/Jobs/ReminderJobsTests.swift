import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// The reminders of domain.md ("Notifications"), each at 08:00 in Brussels on its day and sent
/// once: across passes, restarts (a new runner) and two server processes on one database.
@Suite("Reminders: drafts, topic meetings, launches, assignments nearing their end")
struct ReminderJobsTests {
    static func emails(_ kind: EmailKind, _ app: Application) async throws -> [OutboxEmail] {
        try await OutboxEmail.query(on: app.db).filter(\.$kind == kind).sort(\.$recipient).all()
    }

    @Test("a draft is reminded once, a week before the cut-off at 08:00 in Brussels; a submitted one is not",
          arguments: TestDatabase.all)
    func draftReminder(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (drafter, draftToken) = try await app.makeApplicant(territory: "BG31")
            var content = application("BG31", organisation: "Община Видин")
            let draft = try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: draftToken, ApplicationContentDTO(content))
            #expect(draft.status == .created)
            let (_, submitterToken) = try await app.makeApplicant(territory: "EL52")
            content = application("EL52", organisation: "Περιφέρεια Κεντρικής Μακεδονίας")
            let other = try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: submitterToken, ApplicationContentDTO(content))
                .content.decode(ApplicationDTO.self)
            #expect(try await app.send(.POST, "/api/v1/applications/\(other.id)/submit", token: submitterToken).status == .ok)

            // 24 March 2026, 08:00 in Brussels is 07:00 UTC (summer time starts on the 29th).
            try await app.passTime(to: Instant.parse("2026-03-24T06:59:59Z")!)
            #expect(try await Self.emails(.draftReminder, app).isEmpty)
            try await app.passTime(to: Instant.parse("2026-03-24T07:00:00Z")!)
            let sent = try await Self.emails(.draftReminder, app)
            #expect(sent.map(\.recipient) == [drafter.email])
            #expect(sent.first?.subject.contains("31 March 2026, 23:59 Brussels time") == true)
            #expect(sent.first?.body.contains(SiteURL.editApplication(try draft.content.decode(ApplicationDTO.self).id)) == true)
            // A restart is a new runner: the run is recorded, so nothing is sent again.
            try await app.passTime(to: Instant.parse("2026-03-30T12:00:00Z")!)
            #expect(try await JobRunner(app, runnerID: "after a restart").runDue().isEmpty)
            #expect(try await Self.emails(.draftReminder, app).count == 1)
            // The draft still waits, but the round's reminder is sent: later passes no longer read the drafts.
            #expect(try await DraftReminderJob(publicURL: app.publicURL, messages: app.messages).due(by: app.clock.now, on: app.db).isEmpty)
        }
    }

    @Test("two servers on one PostgreSQL database send the draft reminder once",
          .enabled(if: TestDatabase.all.contains(.postgres), "needs TEST_DATABASE_URL"))
    func twoServers() async throws {
        try await withTestApp(.postgres) { app in
            let call = try await app.makeCall()
            for territory in ["PT11", "PL92", "RO11"] {
                let (_, token) = try await app.makeApplicant(territory: territory)
                #expect(try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token,
                                           ApplicationContentDTO(application(territory))).status == .created)
            }
            app.clock = AppClock(pinnedAt: Instant.parse("2026-03-25T09:00:00Z")!)
            try await withSecondServer(of: app) { second in
                async let first = JobRunner(app, runnerID: "server 1").runDue()
                async let other = JobRunner(second, runnerID: "server 2").runDue()
                let reports = try await first + other
                #expect(reports.filter { $0.job == "draft-reminder" }.count == 1)
            }
            #expect(try await Self.emails(.draftReminder, app).count == 3)
        }
    }

    @Test("a week before the meetings are due, the secretariat hears which selections have none; a week before launches, which are not launched",
          arguments: TestDatabase.all)
    func meetingsAndLaunches(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let selected = try await app.selectedRound([("A", application("ITF6")), ("B", application("FRB0")), ("C", application("HU31"))])
            let ids = selected.round.ids
            #expect(try await app.send(.POST, "/api/v1/applications/\(ids["A"]!)/meetings", token: selected.secretariat,
                                       MeetingInput(startsAt: "2026-04-20T08:00:00Z")).status == .created)
            let references = Dictionary(uniqueKeysWithValues: try await ApplicationRecord.query(on: app.db).all().map { ($0.id!, $0.reference) })
            // Meetings are due on 30 April: the reminder is on 23 April at 08:00 in Brussels (06:00 UTC, summer time).
            try await app.passTime(to: Instant.parse("2026-04-23T05:59:00Z")!)
            #expect(try await Self.emails(.meetingsToPlan, app).isEmpty)
            try await app.passTime(to: Instant.parse("2026-04-23T06:00:00Z")!)
            let meetings = try await Self.emails(.meetingsToPlan, app)
            #expect(meetings.count == 1, "one member of the secretariat")
            let body = try #require(meetings.first?.body)
            #expect(body.contains(references[ids["B"]!]!) && body.contains(references[ids["C"]!]!))
            #expect(!body.contains(references[ids["A"]!]!))
            #expect(meetings.first?.subject.contains("30 April 2026") == true)
            try await app.passTime(to: Instant.parse("2026-04-30T20:00:00Z")!)
            #expect(try await Self.emails(.meetingsToPlan, app).count == 1)

            // Launches are due on 31 May: on 24 May every selection is still to launch.
            try await app.passTime(to: Instant.parse("2026-05-24T06:00:00Z")!)
            let launches = try await Self.emails(.launchesDue, app)
            #expect(launches.count == 1)
            #expect([ids["A"]!, ids["B"]!, ids["C"]!].allSatisfy { launches.first?.body.contains(references[$0]!) == true })
        }
    }

    @Test("two weeks before the planned end, days left are reminded to the secretariat and the expert, once",
          arguments: TestDatabase.all)
    func assignmentEnding(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let launched = try await app.launchedAssignment()
            let entry: [String: AnyEncodable] = ["date": "2026-05-05", "days": AnyEncodable(2.5), "activity": "Mapping of the regional actors"]
            #expect(try await app.send(.POST, "\(launched.api)/timesheet", token: launched.expert, entry).status == .created)
            // Planned end 4 August: reminder on 21 July at 08:00 in Brussels.
            try await app.passTime(to: Instant.parse("2026-07-21T05:00:00Z")!)
            #expect(try await Self.emails(.assignmentEnding, app).isEmpty)
            try await app.passTime(to: Instant.parse("2026-07-21T06:00:00Z")!)
            let sent = try await Self.emails(.assignmentEnding, app)
            #expect(sent.count == 2)
            #expect(sent.contains { $0.recipient == "marco@experts.example.eu" })
            #expect(sent.allSatisfy { $0.subject.contains("4 August 2026 with 17.5 days left") })
            try await app.passTime(to: Instant.parse("2026-07-28T06:00:00Z")!)
            #expect(try await Self.emails(.assignmentEnding, app).count == 2)
        }
    }
}
