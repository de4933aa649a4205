import Foundation
import Testing
@testable import S3DeskDomain

@Suite("iCalendar invitations")
struct ICalendarTests {
    static let greek = "Συνάντηση ορισμού θέματος για την περιφέρεια Ανατολικής Μακεδονίας και Θράκης: "
        + "στρατηγική έξυπνης εξειδίκευσης, προτεραιότητες καινοτομίας και επόμενα βήματα"
    static let bulgarian = "Среща за определяне на темата със Североизточния регион за планиране,\n"
        + "интелигентна специализация; иновационни приоритети и следващи стъпки 🇧🇬👩‍💻"

    // MARK: Lines

    @Test("every line ends in CRLF and none is over 75 octets, in Greek, Bulgarian and emoji")
    func linesAreCRLFAndShort() throws {
        let bytes = Array(meeting(summary: Self.greek, description: Self.bulgarian,
                                  location: "Βρυξέλλες 🏛️ / София 🌍").utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at \(i)") }
            if byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at \(i)") }
        }
        let lines = physicalLines(bytes)
        #expect(lines.contains { $0.first == 0x20 }, "the long texts were not folded at all")
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))")
            #expect(String(bytes: line, encoding: .utf8) != nil, "a fold split a UTF-8 character")
        }
    }

    @Test("unfolding restores long Greek and Bulgarian texts exactly")
    func unfoldingRestoresTexts() throws {
        let location = "Αίθουσα συνεδριάσεων 3, Брюксел; 🏛️ " + String(repeating: "ж", count: 50)
        let event = try parse(meeting(summary: Self.greek, description: Self.bulgarian, location: location)).event()
        #expect(try event.text("SUMMARY") == Self.greek)
        #expect(try event.text("DESCRIPTION") == Self.bulgarian)
        #expect(try event.text("LOCATION") == location)
    }

    @Test("a line is folded before a character that would pass 75 octets, never inside it")
    func foldsBetweenCharacters() {
        let line = "SUMMARY:" + String(repeating: "a", count: 66) + "😀b"
        #expect(ICalendar.fold(line) == "SUMMARY:" + String(repeating: "a", count: 66) + "\r\n 😀b")
        let exact = String(repeating: "x", count: 75)
        #expect(ICalendar.fold(exact) == exact)
        #expect(ICalendar.fold(exact + "y") == exact + "\r\n y")
        let greek = String(repeating: "α", count: 80) // 2 octets each: 37 on the first line, 37 after the space
        #expect(ICalendar.fold(greek).components(separatedBy: "\r\n ").map(\.count) == [37, 37, 6])
    }

    // MARK: Text

    @Test("escaping round-trips commas, semicolons, backslashes and line breaks")
    func escapingRoundTrips() throws {
        let text = "Room 1, floor 2; wing B\\C:\\dir\nsecond line\r\nthird\rfourth, end\\"
        let document = meeting(summary: text, description: text, location: text)
        let event = try parse(document).event()
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for name in ["SUMMARY", "DESCRIPTION", "LOCATION"] {
            #expect(try event.text(name) == normalised)
        }
        #expect(ICalendar.escapeText("a,b;c\\d\ne\r\nf") == #"a\,b\;c\\d\ne\nf"#)
        #expect(try event.property("SUMMARY").value == #"Room 1\, floor 2\; wing B\\C:\\dir\nsecond line\nthird\nfourth\, end\\"#)
    }

    @Test("names are quoted without their double quotes, addresses are mailto")
    func namesAndAddresses() throws {
        let organizer = CalendarPerson(name: "Dr \"Ann\" O'Brien, DG REGIO; Unit 1", email: "ann@example.eu")
        let event = try parse(meeting(organizer: organizer)).event()
        let line = try event.property("ORGANIZER")
        #expect(line.raw == #"ORGANIZER;CN="Dr Ann O'Brien, DG REGIO; Unit 1":mailto:ann@example.eu"#)
        #expect(line.parameters["CN"] == "Dr Ann O'Brien, DG REGIO; Unit 1")
    }

    // MARK: Time zones

    @Test("DTSTART is the wall-clock time in the call's zone and resolves through the VTIMEZONE", arguments: [
        ("Europe/Brussels", "2024-03-31T08:00:00Z", "20240331T100000"), // first day of summer time
        ("Europe/Brussels", "2024-03-30T09:00:00Z", "20240330T100000"), // last day of winter time
        ("Europe/Brussels", "2024-10-27T09:00:00Z", "20241027T100000"), // first day of winter time
        ("Europe/Brussels", "2024-10-26T08:00:00Z", "20241026T100000"),
        ("Europe/Athens", "2024-07-01T07:00:00Z", "20240701T100000"),
        ("Europe/Athens", "2024-01-15T08:00:00Z", "20240115T100000"),
        ("America/New_York", "2024-11-04T15:00:00Z", "20241104T100000"),
        ("Australia/Sydney", "2024-01-10T23:00:00Z", "20240111T100000"),
        ("Asia/Tokyo", "2024-05-01T01:00:00Z", "20240501T100000"),
        ("Asia/Kolkata", "2024-05-01T04:30:00Z", "20240501T100000"),
    ])
    func localStart(zone: String, utc: String, local: String) throws {
        let start = try instant(utc)
        let calendar = try parse(meeting(start: start, zone: zone))
        let dtstart = try calendar.event().property("DTSTART")
        #expect(dtstart.parameters["TZID"] == zone)
        #expect(dtstart.value == local)
        #expect(try calendar.timeZone().property("TZID").value == zone)
        #expect(try calendar.timeZone().resolve(local) == start)
    }

    @Test("Brussels: one component per change from the year before to the year after, in the time being left")
    func brusselsTransitions() throws {
        let observances = try parse(meeting(start: instant("2024-03-31T08:00:00Z"))).timeZone().observances()
        #expect(observances == [
            "DAYLIGHT 20230326T020000 +0100 +0200",
            "STANDARD 20231029T030000 +0200 +0100",
            "DAYLIGHT 20240331T020000 +0100 +0200",
            "STANDARD 20241027T030000 +0200 +0100",
            "DAYLIGHT 20250330T020000 +0100 +0200",
            "STANDARD 20251026T030000 +0200 +0100",
        ])
    }

    @Test("Athens is +0200 in winter and +0300 in summer, changing at 03:00 and 04:00 local time")
    func athensTransitions() throws {
        let observances = try parse(meeting(start: instant("2024-07-01T07:00:00Z"), zone: "Europe/Athens"))
            .timeZone().observances()
        #expect(observances.count == 6)
        #expect(observances.contains("DAYLIGHT 20240331T030000 +0200 +0300"))
        #expect(observances.contains("STANDARD 20241027T040000 +0300 +0200"))
    }

    @Test("a zone without summer time gets one STANDARD component since 1970", arguments: [
        ("Asia/Tokyo", "+0900"), ("UTC", "+0000"), ("Asia/Kolkata", "+0530"), ("America/Sao_Paulo", "-0300"),
    ])
    func zoneWithoutSummerTime(zone: String, offset: String) throws {
        let observances = try parse(meeting(start: instant("2024-06-01T10:00:00Z"), zone: zone)).timeZone().observances()
        #expect(observances == ["STANDARD 19700101T000000 \(offset) \(offset)"])
    }

    @Test("a meeting across the spring change lasts its duration, not its wall-clock span")
    func durationAcrossSpringChange() throws {
        // 00:30 CET plus three hours is 04:30 CEST: the clocks skip 02:00-03:00.
        let calendar = try parse(meeting(start: instant("2024-03-30T23:30:00Z"), minutes: 180))
        let dtend = try calendar.event().property("DTEND")
        #expect(try calendar.event().property("DTSTART").value == "20240331T003000")
        #expect(dtend.parameters["TZID"] == "Europe/Brussels")
        #expect(dtend.value == "20240331T043000")
        #expect(try calendar.timeZone().resolve(dtend.value) == instant("2024-03-31T02:30:00Z"))
    }

    @Test("a meeting across the autumn change lasts its duration, not its wall-clock span")
    func durationAcrossAutumnChange() throws {
        // 01:30 CEST plus three hours is 03:30 CET: the clocks repeat 02:00-03:00.
        let calendar = try parse(meeting(start: instant("2024-10-26T23:30:00Z"), minutes: 180))
        let dtend = try calendar.event().property("DTEND")
        #expect(try calendar.event().property("DTSTART").value == "20241027T013000")
        #expect(dtend.value == "20241027T033000")
        #expect(try calendar.timeZone().resolve(dtend.value) == instant("2024-10-27T02:30:00Z"))
    }

    @Test("a time in the second pass of the repeated autumn hour is written in UTC")
    func repeatedHour() throws {
        // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET); a TZID time means the first.
        let event = try parse(meeting(start: instant("2024-10-27T00:30:00Z"), minutes: 60)).event()
        let dtstart = try event.property("DTSTART")
        #expect(dtstart.parameters["TZID"] == "Europe/Brussels")
        #expect(dtstart.value == "20241027T023000")
        let dtend = try event.property("DTEND")
        #expect(dtend.raw == "DTEND:20241027T013000Z")
    }

    // MARK: Method and identity

    @Test("an invitation says METHOD:REQUEST and STATUS:CONFIRMED and asks each attendee to reply")
    func request() throws {
        let calendar = try parse(meeting(method: .request))
        #expect(try calendar.property("METHOD").value == "REQUEST")
        #expect(try calendar.event().property("STATUS").value == "CONFIRMED")
        let attendees = try calendar.event().all("ATTENDEE")
        #expect(attendees.count == 2)
        #expect(attendees.allSatisfy { $0.parameters["RSVP"] == "TRUE" && $0.parameters["PARTSTAT"] == "NEEDS-ACTION" })
        #expect(ICalendar.contentType(for: .request) == "text/calendar; charset=utf-8; method=REQUEST")
    }

    @Test("a cancellation says METHOD:CANCEL and STATUS:CANCELLED and asks no reply")
    func cancel() throws {
        let calendar = try parse(meeting(method: .cancel))
        #expect(try calendar.property("METHOD").value == "CANCEL")
        #expect(try calendar.event().property("STATUS").value == "CANCELLED")
        let attendees = try calendar.event().all("ATTENDEE")
        #expect(attendees.count == 2)
        #expect(attendees.allSatisfy { $0.parameters["RSVP"] == nil && $0.parameters["ROLE"] == "REQ-PARTICIPANT" })
        #expect(ICalendar.contentType(for: .cancel) == "text/calendar; charset=utf-8; method=CANCEL")
    }

    @Test("UID and SEQUENCE are carried through unchanged")
    func identity() throws {
        let uid = "0B8E5A2C-6F3D-4E1A-9C7B-2D4F6A8B0C1E@s3desk"
        let first = try parse(meeting(uid: uid, sequence: 0)).event()
        let update = try parse(meeting(uid: uid, sequence: 4, method: .cancel)).event()
        #expect(try first.property("UID").value == uid)
        #expect(try update.property("UID").value == uid)
        #expect(try first.property("SEQUENCE").value == "0")
        #expect(try update.property("SEQUENCE").value == "4")
    }

    @Test("the organiser and every attendee are listed in order, each with name and address")
    func attendees() throws {
        let people = [
            CalendarPerson(name: "Μαρία Παπαδοπούλου", email: "maria@example.gr"),
            CalendarPerson(name: "Иван Петров", email: "ivan@example.bg"),
            CalendarPerson(name: "", email: "expert@example.eu"),
        ]
        let event = try parse(meeting(attendees: people)).event()
        let listed = event.all("ATTENDEE").map { ($0.parameters["CN"] ?? "", $0.value) }
        #expect(listed.map(\.0) == ["Μαρία Παπαδοπούλου", "Иван Петров", ""])
        #expect(listed.map(\.1) == ["mailto:maria@example.gr", "mailto:ivan@example.bg", "mailto:expert@example.eu"])
        #expect(try event.property("ORGANIZER").value == "mailto:secretariat@s3desk.eu")
        #expect(try event.property("ORGANIZER").parameters["CN"] == "S3 Targeted Support")
    }

    // MARK: Structure

    @Test("one VCALENDAR holding the VTIMEZONE before the VEVENT, with its header and a UTC DTSTAMP")
    func structure() throws {
        let calendar = try parse(meeting(url: "https://s3desk.example.eu/meetings/42?x=1;y=2"))
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.children.map(\.name) == ["VTIMEZONE", "VEVENT"])
        #expect(try calendar.property("PRODID").value == "-//S3Desk//Targeted Support//EN")
        #expect(try calendar.property("VERSION").value == "2.0")
        #expect(try calendar.property("CALSCALE").value == "GREGORIAN")
        let event = try calendar.event()
        #expect(try event.property("DTSTAMP").raw == "DTSTAMP:20240301T120000Z")
        #expect(try event.property("TRANSP").value == "OPAQUE")
        #expect(try event.property("URL").value == "https://s3desk.example.eu/meetings/42?x=1;y=2")
    }

    @Test("no URL line without a URL, no empty DESCRIPTION or LOCATION")
    func optionalLines() throws {
        let event = try parse(meeting(description: "", location: "", url: nil)).event()
        #expect(event.all("URL").isEmpty)
        #expect(event.all("DESCRIPTION").isEmpty)
        #expect(event.all("LOCATION").isEmpty)
        #expect(event.all("SUMMARY").count == 1)
    }
}

// MARK: - Fixtures

private func instant(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text), "not an instant: \(text)")
}

private func meeting(uid: String = "meeting-1@s3desk", sequence: Int = 0, method: CalendarEvent.Method = .request,
                     start: Date = Date(timeIntervalSince1970: 1_711_872_000), minutes: Int = 90,
                     zone: String = "Europe/Brussels", summary: String = "Topic definition meeting",
                     description: String = "Agenda", location: String = "Online",
                     url: String? = "https://s3desk.example.eu/meetings/1",
                     organizer: CalendarPerson = CalendarPerson(name: "S3 Targeted Support", email: "secretariat@s3desk.eu"),
                     attendees: [CalendarPerson] = [CalendarPerson(name: "Region", email: "region@example.eu"),
                                                    CalendarPerson(name: "Expert", email: "expert@example.eu")]) -> String {
    ICalendar.document(CalendarEvent(
        uid: uid, sequence: sequence, method: method, start: start, durationMinutes: minutes,
        timeZone: TimeZone(identifier: zone)!, summary: summary, description: description, location: location,
        url: url, organizer: organizer, attendees: attendees,
        stamp: Date(timeIntervalSince1970: 1_709_294_400.7))) // 2024-03-01T12:00:00.7Z
}

// MARK: - A small reader, as a calendar client would parse the text

/// The document's octets split at CRLF, before unfolding.
private func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
            lines.append(current)
            current = []
            i += 2
        } else {
            current.append(bytes[i])
            i += 1
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// RFC 5545 §3.1: a CRLF followed by one space or tab is removed.
private func unfold(_ document: String) -> [String] {
    var logical: [[UInt8]] = []
    for line in physicalLines(Array(document.utf8)) {
        if let first = line.first, first == 0x20 || first == 0x09, !logical.isEmpty {
            logical[logical.count - 1] += line.dropFirst()
        } else {
            logical.append(line)
        }
    }
    return logical.map { String(decoding: $0, as: UTF8.self) }
}

private struct ReadError: Error, CustomStringConvertible {
    let description: String
}

private struct Property {
    let raw: String
    let name: String
    let parameters: [String: String]
    let value: String

    /// Splits at the first colon outside a quoted parameter value.
    init(_ raw: String) {
        self.raw = raw
        var head = "", value = "", quoted = false, inValue = false
        for character in raw {
            if inValue { value.append(character); continue }
            if character == "\"" { quoted.toggle() }
            if character == ":" && !quoted { inValue = true; continue }
            head.append(character)
        }
        var parts: [String] = [], part = ""
        quoted = false
        for character in head {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted { parts.append(part); part = ""; continue }
            part.append(character)
        }
        parts.append(part)
        name = parts[0]
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            let value = pair.count == 2 ? pair[1] : ""
            parameters[pair[0]] = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
        }
        self.parameters = parameters
        self.value = value
    }

    /// The TEXT value with its escapes undone.
    var text: String {
        var out = "", escaping = false
        for character in value {
            if escaping {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

private struct Component {
    let name: String
    var properties: [Property] = []
    var children: [Component] = []

    func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }

    func property(_ name: String) throws -> Property {
        let found = all(name)
        guard found.count == 1 else { throw ReadError(description: "\(found.count) \(name) in \(self.name)") }
        return found[0]
    }

    func text(_ name: String) throws -> String { try property(name).text }

    func child(_ name: String) throws -> Component {
        let found = children.filter { $0.name == name }
        guard found.count == 1 else { throw ReadError(description: "\(found.count) \(name) in \(self.name)") }
        return found[0]
    }

    func event() throws -> Component { try child("VEVENT") }
    func timeZone() throws -> Component { try child("VTIMEZONE") }

    /// Each STANDARD/DAYLIGHT as "KIND DTSTART FROM TO".
    func observances() throws -> [String] {
        try children.map {
            "\($0.name) \(try $0.property("DTSTART").value) \(try $0.property("TZOFFSETFROM").value) \(try $0.property("TZOFFSETTO").value)"
        }
    }

    /// The instant of a local DATE-TIME under this VTIMEZONE, the first one when it occurs twice
    /// (RFC 5545 §3.3.5), nil in a skipped hour: an independent reading of what was written.
    func resolve(_ local: String) throws -> Date? {
        let wall = try wallClock(local)
        let rules = try children.map { observance -> (onset: TimeInterval, to: Int) in
            let from = try offset(observance.property("TZOFFSETFROM").value)
            return (try wallClock(observance.property("DTSTART").value) - TimeInterval(from),
                    try offset(observance.property("TZOFFSETTO").value))
        }.sorted { $0.onset < $1.onset }
        let candidates = Set(rules.map(\.to)).compactMap { offset -> TimeInterval? in
            let utc = wall - TimeInterval(offset)
            return rules.last(where: { $0.onset <= utc })?.to == offset ? utc : nil
        }
        return candidates.min().map { Date(timeIntervalSince1970: $0) }
    }
}

/// Seconds since 1970 of a `YYYYMMDDTHHMMSS` read on a UTC clock.
private func wallClock(_ text: String) throws -> TimeInterval {
    let digits = Array(text.replacingOccurrences(of: "T", with: ""))
    guard digits.count == 14, let _ = Int(String(digits)) else { throw ReadError(description: "not a date-time: \(text)") }
    func field(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = calendar.date(from: DateComponents(year: field(0..<4), month: field(4..<6), day: field(6..<8),
                                                  hour: field(8..<10), minute: field(10..<12), second: field(12..<14)))!
    return date.timeIntervalSince1970
}

private func offset(_ text: String) throws -> Int {
    let sign = text.hasPrefix("-") ? -1 : 1
    let digits = Array(text.dropFirst())
    guard text.first == "+" || text.first == "-", digits.count == 4 || digits.count == 6,
          digits.allSatisfy(\.isASCII), let _ = Int(String(digits))
    else { throw ReadError(description: "not an offset: \(text)") }
    func field(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
    return sign * (field(0..<2) * 3600 + field(2..<4) * 60 + (digits.count == 6 ? field(4..<6) : 0))
}

private func parse(_ document: String) throws -> Component {
    var stack: [Component] = []
    var root: Component?
    for line in unfold(document) {
        let property = Property(line)
        switch property.name {
        case "BEGIN":
            stack.append(Component(name: property.value))
        case "END":
            guard let done = stack.popLast(), done.name == property.value else {
                throw ReadError(description: "unbalanced END:\(property.value)")
            }
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        default:
            guard !stack.isEmpty else { throw ReadError(description: "property outside a component: \(line)") }
            stack[stack.count - 1].properties.append(property)
        }
    }
    guard let root, stack.isEmpty else { throw ReadError(description: "no complete VCALENDAR") }
    return root
}
