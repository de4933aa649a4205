import Foundation

/// ISO-8601 instants as the API writes them: UTC, millisecond precision, `Z` suffix.
///
/// `Date` holds a binary floating-point number of seconds, so `.999` may be stored as
/// `.99899…`; formatting rounds to the millisecond first, or a cut-off would print as `.998Z`.
public enum Instant {
    public static func roundedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int64((Double(millis) / 1000).rounded(.down))
        let fraction = millis - seconds * 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!, Int(fraction))
    }

    /// Parses an ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`), with or without
    /// fractional seconds. A local time without an offset is ambiguous, so it is refused.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text).map(roundedToMilliseconds)
    }
}
