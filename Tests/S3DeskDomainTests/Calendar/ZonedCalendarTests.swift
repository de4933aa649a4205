import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Cut-off instants in a time zone")
struct ZonedCalendarTests {
    let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    private func endOfDay(_ text: String, in zone: ZonedCalendar) throws -> String {
        Instant.format(zone.endOfDay(try CivilDate(parsing: text)))
    }

    @Test("summer time starts on the cut-off day: the day is 23 hours long")
    func summerTimeDay() throws {
        #expect(try endOfDay("2024-03-31", in: brussels) == "2024-03-31T21:59:59.999Z")
        #expect(try endOfDay("2024-03-30", in: brussels) == "2024-03-30T22:59:59.999Z")
    }

    @Test("winter time starts on the cut-off day: the day is 25 hours long")
    func winterTimeDay() throws {
        #expect(try endOfDay("2024-10-27", in: brussels) == "2024-10-27T22:59:59.999Z")
        #expect(try endOfDay("2024-10-26", in: brussels) == "2024-10-26T21:59:59.999Z")
    }

    @Test("31 December and 29 February end at local midnight")
    func yearEndAndLeapDay() throws {
        #expect(try endOfDay("2024-12-31", in: brussels) == "2024-12-31T22:59:59.999Z")
        #expect(try endOfDay("2024-02-29", in: brussels) == "2024-02-29T22:59:59.999Z")
    }

    @Test("a zone whose midnight was skipped by summer time still gets a whole day")
    func skippedMidnight() throws {
        // In São Paulo on 4 November 2018 clocks jumped from 00:00 to 01:00 (UTC-3 to UTC-2).
        let saoPaulo = try #require(ZonedCalendar(identifier: "America/Sao_Paulo"))
        #expect(try endOfDay("2018-11-03", in: saoPaulo) == "2018-11-04T02:59:59.999Z")
        #expect(Instant.format(saoPaulo.startOfDay(try CivilDate(parsing: "2018-11-04"))) == "2018-11-04T03:00:00.000Z")
    }

    @Test("other zones and UTC")
    func otherZones() throws {
        #expect(try endOfDay("2024-03-31", in: try #require(ZonedCalendar(identifier: "UTC"))) == "2024-03-31T23:59:59.999Z")
        #expect(try endOfDay("2024-03-31", in: try #require(ZonedCalendar(identifier: "Europe/Lisbon"))) == "2024-03-31T22:59:59.999Z")
        #expect(try endOfDay("2024-03-31", in: try #require(ZonedCalendar(identifier: "Europe/Helsinki"))) == "2024-03-31T20:59:59.999Z")
    }

    @Test("unknown zones and bare offsets are refused", arguments: ["Europe/Atlantis", "", "GMT+1", "+01:00", "europe/brussels"])
    func unknownZones(identifier: String) {
        #expect(ZonedCalendar(identifier: identifier) == nil)
    }

    @Test("the civil date of an instant depends on the zone")
    func civilDateOfInstant() throws {
        let instant = try #require(Instant.parse("2024-03-31T22:30:00Z"))
        #expect(brussels.civilDate(of: instant).description == "2024-04-01")
        #expect(try #require(ZonedCalendar(identifier: "UTC")).civilDate(of: instant).description == "2024-03-31")
    }
}
