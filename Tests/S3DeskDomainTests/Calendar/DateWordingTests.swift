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

    @Test("French and German write dates their way: the first of the month, leap day, year end", arguments: [
        ("2027-01-01", Language.fr, "1er janvier 2027"), ("2028-02-29", .fr, "29 février 2028"), ("2026-08-15", .fr, "15 août 2026"),
        ("2027-01-01", .de, "1. Januar 2027"), ("2028-02-29", .de, "29. Februar 2028"), ("2026-03-31", .de, "31. März 2026"),
    ])
    func longInLanguages(text: String, language: Language, words: String) throws {
        #expect(DateWording.long(try CivilDate(parsing: text), in: language) == words)
        #expect(DateWording.long(stored: text, in: language) == words)
    }

    @Test("an instant in French and German, on the zone's clocks across the spring change")
    func momentInLanguages() throws {
        let instant = try #require(Instant.parse("2026-03-29T01:00:00Z"))
        #expect(DateWording.moment(instant, in: brussels, language: .fr) == "29 mars 2026, 03:00 (heure de Bruxelles)")
        #expect(DateWording.moment(instant, in: brussels, language: .de) == "29. März 2026, 03:00 Uhr (Brüsseler Zeit)")
        let canary = try #require(ZonedCalendar(identifier: "Atlantic/Canary"))
        #expect(DateWording.moment(instant, in: canary, language: .fr) == "29 mars 2026, 02:00 (heure de Canary)")
        #expect(DateWording.zoneName(try #require(TimeZone(identifier: "UTC")), in: .de) == "UTC")
    }
}
