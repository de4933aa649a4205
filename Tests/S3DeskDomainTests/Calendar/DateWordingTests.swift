import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Dates and times in words")
struct DateWordingTests {
    let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    @Test("a date reads as day, month name and year, leap day and year ends included",
          arguments: [("2028-02-29", "29 February 2028"), ("2026-12-31", "31 December 2026"), ("2027-01-01", "1 January 2027")])
    func long(text: String, words: String) throws {
        #expect(DateWording.long(try CivilDate(parsing: text)) == words)
        #expect(DateWording.long(stored: text) == words)
    }

    @Test("stored text that is not a date is shown as it is rather than lost")
    func storedNotADate() {
        #expect(DateWording.long(stored: "soon") == "soon")
    }

    @Test("an instant reads on the clocks of the call's zone, across the summer-time changes")
    func acrossSummerTime() throws {
        // 29 March 2026: Brussels moves from UTC+1 to UTC+2 at 01:00 UTC.
        #expect(DateWording.moment(try #require(Instant.parse("2026-03-29T00:59:00Z")), in: brussels) == "29 March 2026, 01:59 Brussels time")
        #expect(DateWording.moment(try #require(Instant.parse("2026-03-29T01:00:00Z")), in: brussels) == "29 March 2026, 03:00 Brussels time")
        // 25 October 2026: back to UTC+1; the last minute of a cut-off day in October.
        #expect(DateWording.moment(try #require(Instant.parse("2026-10-31T22:59:00Z")), in: brussels) == "31 October 2026, 23:59 Brussels time")
        // The day of an instant is the zone's: 23:30 UTC on 30 June is 1 July in Brussels.
        #expect(DateWording.moment(try #require(Instant.parse("2026-06-30T23:30:00Z")), in: brussels) == "1 July 2026, 01:30 Brussels time")
    }

    @Test("a zone is named by its city, as people say it", arguments: [
        ("Europe/Brussels", "Brussels time"), ("Atlantic/Canary", "Canary time"), ("America/Port_of_Spain", "Port of Spain time"), ("UTC", "UTC"),
    ])
    func zoneNames(identifier: String, name: String) throws {
        #expect(DateWording.zoneName(try #require(TimeZone(identifier: identifier))) == name)
    }
}
