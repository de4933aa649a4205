import Foundation
import Testing
@testable import S3DeskDomain

@Suite("ISO-8601 instants")
struct InstantTests {
    @Test("formats in UTC with milliseconds, rounding the binary fraction")
    func formats() {
        #expect(Instant.format(Date(timeIntervalSince1970: 1_711_922_399.999)) == "2024-03-31T21:59:59.999Z")
        #expect(Instant.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Instant.format(Date(timeIntervalSince1970: 1_709_251_199.9996)) == "2024-03-01T00:00:00.000Z")
    }

    @Test("the arithmetic agrees with the calendar on leap days, century years, month ends and before 1970")
    func agreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let edges = ["1900-02-28T23:59:59.999Z", "1900-03-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.000Z",
                     "2024-02-29T23:59:59.999Z", "2100-03-01T00:00:00.001Z", "2026-12-31T23:59:59.999Z"]
        for text in edges { #expect(Instant.parse(text).map(Instant.format) == text) }
        // Every 7 hours and 13 minutes from 1899 to 2101: both ways of naming the instant agree.
        var instant = Date(timeIntervalSince1970: -2_209_000_000.25)
        while instant.timeIntervalSince1970 < 4_134_000_000 {
            let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: instant)
            let millis = Int((Double(p.nanosecond!) / 1_000_000).rounded())
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!, millis)
            if Instant.format(instant) != expected { Issue.record("\(instant.timeIntervalSince1970): \(Instant.format(instant)) != \(expected)"); break }
            instant.addTimeInterval(7 * 3_600 + 13 * 60)
        }
    }

    @Test("parses Z and offsets, with or without a fraction")
    func parses() throws {
        #expect(Instant.parse("2024-03-31T21:59:59.999Z").map(Instant.format) == "2024-03-31T21:59:59.999Z")
        #expect(Instant.parse("2024-03-31T21:59:59Z").map(Instant.format) == "2024-03-31T21:59:59.000Z")
        #expect(Instant.parse("2024-03-31T23:59:59+02:00").map(Instant.format) == "2024-03-31T21:59:59.000Z")
    }

    @Test("refuses local times without an offset and non-dates", arguments: ["2024-03-31T21:59:59", "2024-03-31", "yesterday", ""])
    func refuses(text: String) {
        #expect(Instant.parse(text) == nil)
    }
}
