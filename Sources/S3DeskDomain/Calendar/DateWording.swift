import Foundation

/// Dates and times as people read them, on every page and in every email: "30 June 2026",
/// "30 June 2026, 23:59 Brussels time". One style everywhere, always in the call's zone, so no
/// one has to convert an ISO instant or guess which clock a time was read on.
public enum DateWording {
    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    /// "30 June 2026".
    public static func long(_ date: CivilDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// A stored `YYYY-MM-DD` in words; text of another form is shown as it is rather than lost.
    public static func long(stored text: String) -> String {
        (try? CivilDate(parsing: text)).map(long) ?? text
    }

    /// "Brussels time" for `Europe/Brussels`: the zone as people name it, by its city.
    public static func zoneName(_ zone: TimeZone) -> String {
        // Foundation on Linux names the UTC zone "GMT".
        guard !["UTC", "GMT"].contains(zone.identifier) else { return "UTC" }
        let city = zone.identifier.split(separator: "/").last.map(String.init) ?? zone.identifier
        return city.replacingOccurrences(of: "_", with: " ") + " time"
    }

    /// "30 June 2026, 23:59 Brussels time": when something happened or is due, on the clocks
    /// of `calendar`'s zone, summer time included.
    public static func moment(_ instant: Date, in calendar: ZonedCalendar) -> String {
        "\(long(calendar.civilDate(of: instant))), \(clock(instant, in: calendar)) \(zoneName(calendar.timeZone))"
    }

    /// "23:59" on the clocks of `calendar`'s zone.
    private static func clock(_ instant: Date, in calendar: ZonedCalendar) -> String {
        String(calendar.localInput(instant).suffix(5))
    }
}
