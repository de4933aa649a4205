import Testing
@testable import S3DeskDomain

@Suite("The call editor's time zones")
struct CallTimeZonesTests {
    @Test("Europe's zones come first, every one the calendar knows; the outermost regions' too")
    func zones() {
        let european = CallTimeZones.european
        #expect(european.contains("Europe/Brussels") && european.contains("Europe/Lisbon") && european.contains("Europe/Helsinki"))
        #expect(european == european.sorted() && european.allSatisfy { $0.hasPrefix("Europe/") })
        #expect((european + CallTimeZones.outermostRegions).allSatisfy(ZonedCalendar.isKnown))
    }

    @Test("a zone reads by its city, its identifier in brackets", arguments: [
        ("Europe/Brussels", "Brussels (Europe/Brussels)"), ("Indian/Reunion", "Reunion (Indian/Reunion)"), ("UTC", "UTC"),
    ])
    func labels(identifier: String, label: String) {
        #expect(CallTimeZones.label(identifier) == label)
    }
}
