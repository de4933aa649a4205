import Foundation

/// When the secretariat's weekly reminder of timesheets awaiting approval goes out (domain.md,
/// "Notifications"): Mondays at 08:00 in the zone the secretariat works in, through summer-time
/// changes (06:00 UTC in summer, 07:00 in winter, for Brussels).
public enum WeeklyReminder {
    private static let monday8 = DateComponents(hour: 8, minute: 0, second: 0, weekday: 2)

    private static func calendar(_ zone: ZonedCalendar) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        return calendar
    }

    /// The last reminder instant at or before `now`.
    public static func latest(atOrBefore now: Date, in zone: ZonedCalendar) -> Date? {
        let calendar = calendar(zone)
        if calendar.date(now, matchesComponents: monday8) && calendar.component(.nanosecond, from: now) == 0 { return now }
        return calendar.nextDate(after: now, matching: monday8, matchingPolicy: .nextTime, direction: .backward)
    }

    /// The first reminder instant after `now`.
    public static func next(after now: Date, in zone: ZonedCalendar) -> Date? {
        calendar(zone).nextDate(after: now, matching: monday8, matchingPolicy: .nextTime, direction: .forward)
    }
}
