import Foundation
import S3DeskDomain
import Testing

@Suite("Reminders: 08:00 in the call's zone, days before a date")
struct ReminderRulesTests {
    static let brussels = ZonedCalendar(identifier: "Europe/Brussels")!
    static func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

    @Test(arguments: [
        // Winter: 08:00 in Brussels is 07:00 UTC; summer: 06:00 UTC.
        ("2026-03-31", 7, "2026-03-24T07:00:00.000Z"),
        // Summer time starts on 29 March 2026: a week before 5 April is already summer.
        ("2026-04-05", 7, "2026-03-29T06:00:00.000Z"),
        // And ends on 25 October 2026.
        ("2026-11-01", 7, "2026-10-25T07:00:00.000Z"),
        // Across the end of a month, and the leap day of 2028.
        ("2026-03-03", 7, "2026-02-24T07:00:00.000Z"),
        ("2028-03-07", 7, "2028-02-29T07:00:00.000Z"),
        ("2028-03-06", 7, "2028-02-28T07:00:00.000Z"),
        // Across the end of a year; 14 days before a planned end.
        ("2027-01-03", 7, "2026-12-27T07:00:00.000Z"),
        ("2026-08-04", 14, "2026-07-21T06:00:00.000Z"),
    ])
    func sendsAtEightInTheMorning(date: String, days: Int, expected: String) {
        #expect(Instant.format(ReminderRules.sendAt(days, before: Self.date(date), in: Self.brussels)) == expected)
    }

    @Test func aReminderIsCurrentUntilItsDateEnds() {
        let cutoff = Self.date("2026-03-31")
        // The last millisecond of 31 March in Brussels (summer time) is 21:59:59.999 UTC.
        #expect(ReminderRules.isCurrent(cutoff, at: Instant.parse("2026-03-31T21:59:59.999Z")!, in: Self.brussels))
        #expect(!ReminderRules.isCurrent(cutoff, at: Instant.parse("2026-03-31T22:00:00Z")!, in: Self.brussels))
    }

    @Test(arguments: [("2026-01-31", 1, "2026-02-01"), ("2028-02-28", 1, "2028-02-29"), ("2027-02-28", 1, "2027-03-01"),
                      ("2026-03-01", -1, "2026-02-28"), ("2026-12-31", 1, "2027-01-01"), ("2024-03-07", -7, "2024-02-29")])
    func addingDays(from: String, days: Int, expected: String) {
        #expect(Self.date(from).adding(days: days).description == expected)
    }
}
