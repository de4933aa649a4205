import Foundation

/// Converts between civil dates and instants in one IANA time zone, using the time-zone
/// database so summer-time changes are honoured (never a fixed offset).
public struct ZonedCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// Looks the zone up in the time-zone database; nil for an identifier it does not know.
    /// Abbreviations and offsets ("CET", "GMT+1") are refused: they carry no summer-time rules.
    public init?(identifier: String) {
        guard ZonedCalendar.isKnown(identifier), let zone = TimeZone(identifier: identifier) else {
            return nil
        }
        self.timeZone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    public static let utc = ZonedCalendar(identifier: "UTC")!

    public static func isKnown(_ identifier: String) -> Bool {
        identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    }

    /// The first instant of `date` in this zone.
    ///
    /// Starts from noon, which exists on every day, and asks the calendar for the start of that
    /// day, because in some zones midnight itself is skipped by a summer-time change.
    public func startOfDay(_ date: CivilDate) -> Date {
        let noon = DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)
        return calendar.startOfDay(for: calendar.date(from: noon)!)
    }

    /// The last millisecond of `date` in this zone: the cut-off instant of a round.
    public func endOfDay(_ date: CivilDate) -> Date {
        Instant.roundedToMilliseconds(startOfDay(date.next).addingTimeInterval(-0.001))
    }

    /// The instant the clocks of this zone show `hour`:00 on `date`; an hour a summer-time change
    /// skips gives the first instant after it.
    public func instant(_ date: CivilDate, hour: Int) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour))!
    }

    /// The civil date on which `instant` falls in this zone.
    public func civilDate(of instant: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
