import Foundation

extension ZonedCalendar {
    /// "Tuesday 14 April 2026, 10:00–11:30 (Brussels time)": the wall-clock time where the
    /// call runs, as the invitation and the pages say it.
    public func describe(start: Date, durationMinutes: Int) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = timeZone
        day.dateFormat = "EEEE d MMMM yyyy"
        let time = DateFormatter()
        time.locale = Locale(identifier: "en_GB")
        time.timeZone = timeZone
        time.dateFormat = "HH:mm"
        let end = start.addingTimeInterval(Double(durationMinutes) * 60)
        return "\(day.string(from: start)), \(time.string(from: start))–\(time.string(from: end)) (\(DateWording.zoneName(timeZone)))"
    }

    /// `YYYY-MM-DDTHH:MM` in this zone, as an HTML `datetime-local` input holds it.
    public func localInput(_ instant: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = timeZone
        format.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return format.string(from: instant)
    }

    /// The instant of a `YYYY-MM-DDTHH:MM` wall-clock time in this zone; nil for text of another
    /// form or a time that does not exist (skipped by a summer-time change).
    public func instant(ofLocal text: String) -> Date? {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = timeZone
        format.isLenient = false
        format.dateFormat = "yyyy-MM-dd'T'HH:mm"
        guard let instant = format.date(from: text), localInput(instant) == text else { return nil }
        return instant
    }
}
