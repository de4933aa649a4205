import Foundation

/// Writes a meeting as an RFC 5545 calendar object with an RFC 5546 method, for an email
/// invitation (`text/calendar` part) or an `.ics` download.
public enum ICalendar {
    public static let contentType = "text/calendar; charset=utf-8"

    /// Mail clients offer Accept/Decline only when the MIME part repeats the document's METHOD.
    public static func contentType(for method: CalendarEvent.Method) -> String {
        "\(contentType); method=\(method.rawValue)"
    }

    /// The whole VCALENDAR text, CRLF line ends, lines folded at 75 octets without splitting a
    /// UTF-8 character.
    public static func document(_ event: CalendarEvent) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:-//S3Desk//Targeted Support//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:\(event.method.rawValue)",
        ]
        lines += timeZoneLines(event.timeZone, covering: event.start)
        lines += eventLines(event)
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    private static func eventLines(_ event: CalendarEvent) -> [String] {
        let cancelled = event.method == .cancel
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(escapeText(event.uid))",
            "SEQUENCE:\(event.sequence)",
            "DTSTAMP:\(utcDateTime(event.stamp))",
            dateTimeLine("DTSTART", event.start, in: event.timeZone),
            dateTimeLine("DTEND", event.end, in: event.timeZone),
            "SUMMARY:\(escapeText(event.summary))",
        ]
        // An empty property is legal, but some clients then show an empty "Location:" row.
        if !event.description.isEmpty { lines.append("DESCRIPTION:\(escapeText(event.description))") }
        if !event.location.isEmpty { lines.append("LOCATION:\(escapeText(event.location))") }
        if let url = event.url.map(withoutControls), !url.isEmpty { lines.append("URL:\(url)") }
        lines.append("ORGANIZER\(commonName(event.organizer)):\(mailto(event.organizer))")
        // A cancellation asks for no reply, so it carries no RSVP or participation status.
        let attendance = cancelled ? ";ROLE=REQ-PARTICIPANT" : ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
        for attendee in event.attendees {
            lines.append("ATTENDEE\(commonName(attendee))\(attendance):\(mailto(attendee))")
        }
        lines.append(cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED")
        lines.append("TRANSP:OPAQUE")
        lines.append("END:VEVENT")
        return lines
    }
}

// MARK: - Time zone

extension ICalendar {
    /// One STANDARD or DAYLIGHT sub-component: the offset that applies from `onset` on.
    private struct Observance {
        let onset: Date
        let offsetFrom: Int
        let offsetTo: Int
        let name: String?
        let isDaylight: Bool
    }

    /// The zone's rules as explicit transitions from the year before the meeting to the year after,
    /// read from the time-zone database. Explicit onsets rather than a derived RRULE, because some
    /// zones' rules are not expressible as one (Morocco pauses summer time for Ramadan) and rules
    /// change from year to year.
    private static func timeZoneLines(_ zone: TimeZone, covering instant: Date) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let year = calendar.component(.year, from: instant)
        let from = calendar.date(from: DateComponents(year: year - 1, month: 1, day: 1))!
        let until = calendar.date(from: DateComponents(year: year + 2, month: 1, day: 1))!

        var observances: [Observance] = []
        var cursor = from
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change > cursor, change < until {
            observances.append(Observance(
                onset: change, offsetFrom: zone.secondsFromGMT(for: change.addingTimeInterval(-1)),
                offsetTo: zone.secondsFromGMT(for: change), name: zone.abbreviation(for: change),
                isDaylight: zone.isDaylightSavingTime(for: change)))
            cursor = change
        }

        var lines = ["BEGIN:VTIMEZONE", "TZID:\(escapeText(zone.identifier))"]
        // Without a transition before the meeting (no summer time, or none yet) a parser would have
        // no offset for it; a component valid since 1970 gives it the one in force.
        if observances.first.map({ $0.onset > instant }) ?? true {
            let offset = zone.secondsFromGMT(for: from)
            lines += observanceLines(kind: zone.isDaylightSavingTime(for: from) ? "DAYLIGHT" : "STANDARD",
                                     start: "19700101T000000", from: offset, to: offset,
                                     name: zone.abbreviation(for: from))
        }
        for observance in observances {
            // RFC 5545: the onset is written in the local time being left.
            let start = dateTime(observance.onset.addingTimeInterval(TimeInterval(observance.offsetFrom)))
            lines += observanceLines(kind: observance.isDaylight ? "DAYLIGHT" : "STANDARD", start: start,
                                     from: observance.offsetFrom, to: observance.offsetTo, name: observance.name)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private static func observanceLines(kind: String, start: String, from: Int, to: Int, name: String?) -> [String] {
        var lines = ["BEGIN:\(kind)", "DTSTART:\(start)",
                     "TZOFFSETFROM:\(utcOffset(from))", "TZOFFSETTO:\(utcOffset(to))"]
        if let name, !name.isEmpty { lines.append("TZNAME:\(escapeText(name))") }
        lines.append("END:\(kind)")
        return lines
    }

    /// `DTSTART;TZID=…:` in the zone's wall-clock time, except for a time in the hour repeated when
    /// the clocks go back: RFC 5545 reads such a local time as its first occurrence, so the second
    /// is written in UTC (allowed for DTSTART and DTEND alike).
    private static func dateTimeLine(_ name: String, _ instant: Date, in zone: TimeZone) -> String {
        let whole = wholeSeconds(instant)
        if isSecondOccurrence(whole, in: zone) { return "\(name):\(utcDateTime(whole))" }
        let local = whole.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: whole)))
        return "\(name);TZID=\(withoutControls(zone.identifier)):\(dateTime(local))"
    }

    private static func isSecondOccurrence(_ instant: Date, in zone: TimeZone) -> Bool {
        guard let change = zone.nextDaylightSavingTimeTransition(after: instant.addingTimeInterval(-86_400)),
              change <= instant
        else { return false }
        let stepBack = zone.secondsFromGMT(for: change.addingTimeInterval(-1)) - zone.secondsFromGMT(for: change)
        return instant < change.addingTimeInterval(TimeInterval(stepBack))
    }

    /// `±hhmm`, with seconds only when the offset has them (RFC 5545 UTC-OFFSET).
    private static func utcOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = sign + String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + String(format: "%02d", magnitude % 60)
    }

    private static func utcDateTime(_ instant: Date) -> String {
        dateTime(wholeSeconds(instant)) + "Z"
    }

    /// `YYYYMMDDTHHMMSS` of `date` read on a UTC clock; callers shift it by an offset for local time.
    private static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wholeSeconds(date))
        return String(format: "%04d%02d%02dT%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    /// iCalendar has no fractions of a second; rounding down keeps a start from moving later.
    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}

// MARK: - Text

extension ICalendar {
    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (CRLF, CR, LF, or a
    /// Unicode separator) as `\n`, other control characters dropped since a content line may not
    /// hold them.
    static func escapeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case ";": out.append(contentsOf: #"\;"#.unicodeScalars)
            case ",": out.append(contentsOf: #"\,"#.unicodeScalars)
            case "\n" where afterCR: continue
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": out.append(scalar)
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// `;CN="…"`, or nothing for a person without a name. A quoted parameter value cannot hold a
    /// DQUOTE (there is no escape for it) nor a control character.
    private static func commonName(_ person: CalendarPerson) -> String {
        let name = String(String.UnicodeScalarView(
            person.name.unicodeScalars.filter { $0 != "\"" }.map { isControl($0) ? " " : $0 }))
        return name.trimmingCharacters(in: .whitespaces).isEmpty ? "" : ";CN=\"\(name)\""
    }

    private static func mailto(_ person: CalendarPerson) -> String {
        "mailto:" + withoutControls(person.email).trimmingCharacters(in: .whitespaces)
    }

    /// For values that are not TEXT (URI, TZID): a control character would end the line.
    private static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    /// Splits a content line so that no physical line exceeds 75 octets (RFC 5545 §3.1), breaking
    /// between Unicode scalars so each line stays valid UTF-8. The leading space of a continuation
    /// line counts toward its 75.
    static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var width = 0
        for scalar in line.unicodeScalars {
            let octets = UTF8.width(scalar)
            if width + octets > 75 {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                width = 1
            }
            out.append(scalar)
            width += octets
        }
        return String(out)
    }
}
