import Testing
@testable import S3DeskDomain

@Suite("Civil dates")
struct CivilDateTests {
    @Test("parses the strict YYYY-MM-DD form", arguments: ["2024-02-29", "2025-12-31", "2026-01-01"])
    func parsesValidDates(text: String) throws {
        #expect(try CivilDate(parsing: text).description == text)
    }

    @Test("refuses what is not YYYY-MM-DD",
          arguments: ["", "2024-2-01", "24-02-01", "2024/02/01", "2024-02-01T00:00", "abcd-ef-gh", "2024-02-+1", " 2024-02-01"])
    func refusesMalformed(text: String) {
        #expect(throws: CivilDateError.malformed(text)) { try CivilDate(parsing: text) }
    }

    @Test("refuses dates that do not exist", arguments: ["2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "1900-02-29"])
    func refusesImpossible(text: String) {
        #expect(throws: CivilDateError.impossible(text)) { try CivilDate(parsing: text) }
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CivilDate.isLeap(2024))
        #expect(CivilDate.isLeap(2000))
        #expect(!CivilDate.isLeap(1900))
        #expect(!CivilDate.isLeap(2026))
    }

    @Test("adding months clamps to the end of a shorter month", arguments: [
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-12-31", 2, "2025-02-28"),
        ("2023-12-31", 2, "2024-02-29"),
        ("2024-02-29", 1, "2024-03-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-11-30", 2, "2025-01-30"),
        ("2024-06-15", 2, "2024-08-15"),
        ("2024-12-15", 1, "2025-01-15"),
    ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        #expect(try CivilDate(parsing: start).adding(months: months).description == expected)
    }

    @Test("arithmetic past the year 9999 stays defined")
    func farFuture() throws {
        #expect(try CivilDate(parsing: "9999-12-31").adding(months: 2).description == "10000-02-29")
        #expect(try CivilDate(parsing: "9999-12-31").next.description == "10000-01-01")
    }

    @Test("the next day rolls over months and years")
    func nextDay() throws {
        #expect(try CivilDate(parsing: "2024-02-28").next.description == "2024-02-29")
        #expect(try CivilDate(parsing: "2024-02-29").next.description == "2024-03-01")
        #expect(try CivilDate(parsing: "2025-02-28").next.description == "2025-03-01")
        #expect(try CivilDate(parsing: "2024-12-31").next.description == "2025-01-01")
    }

    @Test("days between dates count across leap days and years")
    func daysBetween() throws {
        let a = try CivilDate(parsing: "2024-02-28")
        #expect(a.days(until: try CivilDate(parsing: "2024-03-01")) == 2)
        #expect(a.days(until: try CivilDate(parsing: "2025-02-28")) == 366)
        #expect(try CivilDate(parsing: "2025-01-01").days(until: a) == -308)
        #expect(a.days(until: a) == 0)
    }
}
