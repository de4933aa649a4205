import Foundation

/// When the reminders of domain.md ("Notifications") go out: at 08:00 in the call's zone on the
/// day a number of days before the date they are about, and only until that date has ended (a
/// reminder of a cut-off that has passed helps nobody).
public enum ReminderRules {
    /// Drafts before a cut-off, topic meetings not yet planned, launches due.
    public static let daysBefore = 7
    /// An assignment nearing its planned end with expert days left: time enough to use them or
    /// to ask for an extension.
    public static let endingDaysBefore = 14
    public static let hour = 8

    public static func sendAt(_ days: Int, before date: CivilDate, in zone: ZonedCalendar) -> Date {
        zone.instant(date.adding(days: -days), hour: hour)
    }

    /// Whether a reminder about `date` is still worth sending at `now`.
    public static func isCurrent(_ date: CivilDate, at now: Date, in zone: ZonedCalendar) -> Bool {
        now <= zone.endOfDay(date)
    }
}
