import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Call schedule: rounds, milestones and closing")
struct CallScheduleTests {
    let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    private func schedule(_ dates: String...) throws -> CallSchedule {
        try CallSchedule(calendar: brussels, cutoffs: dates.map { try CivilDate(parsing: $0) })
    }

    private func at(_ text: String) throws -> Date { try #require(Instant.parse(text)) }

    @Test("each round gets its cut-off instant and milestones")
    func milestones() throws {
        let rounds = try schedule("2024-03-31", "2024-12-31").rounds
        #expect(rounds.map(\.number) == [1, 2])
        #expect(Instant.format(rounds[0].cutoffAt) == "2024-03-31T21:59:59.999Z")
        #expect(rounds[0].topicMeetingsDue.description == "2024-04-30")
        #expect(rounds[0].launchDue.description == "2024-05-31")
        #expect(rounds[1].topicMeetingsDue.description == "2025-01-31")
        #expect(rounds[1].launchDue.description == "2025-02-28")
    }

    @Test("a 31 December cut-off before a leap year launches on 29 February")
    func leapYearLaunch() throws {
        #expect(try schedule("2023-12-31").rounds[0].launchDue.description == "2024-02-29")
    }

    @Test("exactly at the cut-off instant belongs to that round; one millisecond later to the next")
    func exactlyAtCutoff() throws {
        let calls = try schedule("2024-03-31", "2024-06-30")
        #expect(calls.round(for: try at("2024-03-31T21:59:59.999Z"))?.number == 1)
        #expect(calls.round(for: try at("2024-03-31T22:00:00.000Z"))?.number == 2)
        #expect(calls.round(for: try at("2024-01-01T00:00:00Z"))?.number == 1)
    }

    @Test("after the last cut-off the call is closed")
    func closedAfterLastCutoff() throws {
        let calls = try schedule("2024-03-31", "2024-06-30")
        #expect(!calls.isClosed(at: try at("2024-06-30T21:59:59.999Z")))
        #expect(calls.isClosed(at: try at("2024-06-30T22:00:00Z")))
        #expect(calls.round(for: try at("2030-01-01T00:00:00Z")) == nil)
    }

    @Test("days left count calendar days in the call's zone")
    func daysLeft() throws {
        let calls = try schedule("2024-03-31")
        #expect(calls.daysLeft(at: try at("2024-03-31T21:00:00Z")) == 0)
        // 23:30 in Brussels on 30 March is still the 30th: one day left.
        #expect(calls.daysLeft(at: try at("2024-03-30T22:30:00Z")) == 1)
        #expect(calls.daysLeft(at: try at("2024-02-29T12:00:00Z")) == 31)
        #expect(calls.daysLeft(at: try at("2024-04-01T00:00:00Z")) == nil)
    }

    @Test("cut-offs must be present, unique and increasing")
    func invalidCutoffs() throws {
        #expect(throws: CallScheduleError.noCutoffs) { try CallSchedule(calendar: brussels, cutoffs: []) }
        #expect(throws: CallScheduleError.duplicate(try CivilDate(parsing: "2024-03-31"))) {
            try schedule("2024-03-31", "2024-03-31")
        }
        #expect(throws: CallScheduleError.unordered(try CivilDate(parsing: "2024-06-30"), try CivilDate(parsing: "2024-03-31"))) {
            try schedule("2024-06-30", "2024-03-31")
        }
    }
}
