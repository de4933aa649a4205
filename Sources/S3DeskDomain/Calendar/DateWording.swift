import Foundation

/// Dates and times as people read them, on every page and in every email, in the reader's
/// language: "30 June 2026", "30 juin 2026", "30. Juni 2026", with the time on the clocks of the
/// call's zone. One style everywhere, so no one has to convert an ISO instant or guess which
/// clock a time was read on.
public enum DateWording {
    private static let months: [Language: [String]] = [
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        .de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    ]

    /// "30 June 2026", "1er juin 2026", "30. Juni 2026".
    public static func long(_ date: CivilDate, in language: Language = .en) -> String {
        let month = months[language]![date.month - 1]
        return switch language {
        case .en: "\(date.day) \(month) \(date.year)"
        // French writes the first of the month as an ordinal, the others as numbers.
        case .fr: "\(date.day == 1 ? "1er" : String(date.day)) \(month) \(date.year)"
        case .de: "\(date.day). \(month) \(date.year)"
        }
    }

    /// A stored `YYYY-MM-DD` in words; text of another form is shown as it is rather than lost.
    public static func long(stored text: String, in language: Language = .en) -> String {
        (try? CivilDate(parsing: text)).map { long($0, in: language) } ?? text
    }

    /// "Brussels time", "heure de Bruxelles", "Brüsseler Zeit": the zone as people name it, by its city.
    public static func zoneName(_ zone: TimeZone, in language: Language = .en) -> String {
        // Foundation on Linux names the UTC zone "GMT".
        guard !["UTC", "GMT"].contains(zone.identifier) else { return "UTC" }
        let city = zone.identifier.split(separator: "/").last.map(String.init)?.replacingOccurrences(of: "_", with: " ") ?? zone.identifier
        return switch language {
        case .en: city + " time"
        case .fr: "heure de " + (city == "Brussels" ? "Bruxelles" : city)
        case .de: city == "Brussels" ? "Brüsseler Zeit" : "Zeit in " + city
        }
    }

    /// "30 June 2026, 23:59 Brussels time": when something happened or is due, on the clocks
    /// of `calendar`'s zone, summer time included.
    public static func moment(_ instant: Date, in calendar: ZonedCalendar, language: Language = .en) -> String {
        let date = long(calendar.civilDate(of: instant), in: language)
        let clock = clock(instant, in: calendar)
        let zone = zoneName(calendar.timeZone, in: language)
        return switch language {
        case .en: "\(date), \(clock) \(zone)"
        case .fr: "\(date), \(clock) (\(zone))"
        case .de: "\(date), \(clock) Uhr (\(zone))"
        }
    }

    /// "23:59" on the clocks of `calendar`'s zone.
    private static func clock(_ instant: Date, in calendar: ZonedCalendar) -> String {
        String(calendar.localInput(instant).suffix(5))
    }
}
