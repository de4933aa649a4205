import Foundation
import Testing
@testable import S3DeskDomain

@Suite("The weekly reminder: Mondays at 08:00 in Brussels")
struct WeeklyReminderTests {
    private let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    @Test("08:00 in Brussels is 06:00 UTC in summer and 07:00 UTC in winter, across both changes", arguments: [
        // Sunday 29 March 2026 the clocks go forward: the Monday after is summer time.
        ("2026-03-30T12:00:00Z", "2026-03-30T06:00:00Z", "2026-04-06T06:00:00Z"),
        // The Monday before it is still winter time.
        ("2026-03-29T12:00:00Z", "2026-03-23T07:00:00Z", "2026-03-30T06:00:00Z"),
        // Sunday 25 October 2026 they go back.
        ("2026-10-25T12:00:00Z", "2026-10-19T06:00:00Z", "2026-10-26T07:00:00Z"),
        // Tuesday 29 February 2028: the Monday before is the 28th, still winter time.
        ("2028-02-29T09:00:00Z", "2028-02-28T07:00:00Z", "2028-03-06T07:00:00Z"),
    ])
    func edges(now: String, latest: String, next: String) {
        let instant = Instant.parse(now)!
        #expect(WeeklyReminder.latest(atOrBefore: instant, in: brussels) == Instant.parse(latest))
        #expect(WeeklyReminder.next(after: instant, in: brussels) == Instant.parse(next))
    }

    @Test("exactly at 08:00 the reminder is due; a second before it, last week's is the latest")
    func exactly() {
        let monday = Instant.parse("2026-06-01T06:00:00Z")!
        #expect(WeeklyReminder.latest(atOrBefore: monday, in: brussels) == monday)
        #expect(WeeklyReminder.latest(atOrBefore: monday.addingTimeInterval(-1), in: brussels) == Instant.parse("2026-05-25T06:00:00Z"))
        #expect(WeeklyReminder.next(after: monday, in: brussels) == Instant.parse("2026-06-08T06:00:00Z"))
    }
}
