import Foundation

/// ISO-8601 instants as the API writes them: UTC, millisecond precision, `Z` suffix.
///
/// `Date` holds a binary floating-point number of seconds, so `.999` may be stored as
/// `.99899…`; formatting rounds to the millisecond first, or a cut-off would print as `.998Z`.
public enum Instant {
    public static func roundedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// `2026-03-31T21:59:59.999Z`. Computed by arithmetic (days to a civil date after Howard
    /// Hinnant's `civil_from_days`): lists format thousands of these, and a Calendar and a
    /// format string per instant cost more than the rest of a page.
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, inDay) = floorDivision(millis, 86_400_000)
        let shiftedDays = days + 719_468
        let era = (shiftedDays >= 0 ? shiftedDays : shiftedDays - 146_096) / 146_097
        let dayOfEra = shiftedDays - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var text = ""
        text.reserveCapacity(24)
        func append(_ value: Int64, width: Int) {
            let digits = String(value)
            text += String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        append(year, width: 4); text += "-"; append(month, width: 2); text += "-"; append(day, width: 2)
        text += "T"; append(inDay / 3_600_000, width: 2); text += ":"; append(inDay / 60_000 % 60, width: 2)
        text += ":"; append(inDay / 1_000 % 60, width: 2); text += "."; append(inDay % 1_000, width: 3); text += "Z"
        return text
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
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
