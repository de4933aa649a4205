import Testing
@testable import S3DeskDomain

@Suite("Launch window")
struct LaunchRulesTests {
    private func date(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }

    @Test("3 and 6 calendar months after the launch, clamped to the end of shorter months", arguments: [
        ("2025-01-31", "2025-04-30", "2025-07-31"),
        ("2024-01-31", "2024-04-30", "2024-07-31"),
        ("2024-02-29", "2024-05-29", "2024-08-29"),
        ("2024-08-31", "2024-11-30", "2025-02-28"),
        ("2023-08-31", "2023-11-30", "2024-02-29"),
        ("2026-09-30", "2026-12-30", "2027-03-30"),
        ("2026-12-31", "2027-03-31", "2027-06-30"),
    ])
    func window(launch: String, first: String, last: String) throws {
        let allowed = LaunchRules.allowedEnds(after: try date(launch))
        #expect(allowed.lowerBound == (try date(first)))
        #expect(allowed.upperBound == (try date(last)))
    }

    @Test("both ends are allowed; the day before the first and the day after the last are refused")
    func edgesInclusive() throws {
        let launch = try date("2025-01-31")
        let earliest = try date("2024-12-31")
        #expect(LaunchRules.problems(launch: launch, plannedEnd: try date("2025-04-30"), earliest: earliest).isEmpty)
        #expect(LaunchRules.problems(launch: launch, plannedEnd: try date("2025-07-31"), earliest: earliest).isEmpty)
        let early = LaunchRules.problems(launch: launch, plannedEnd: try date("2025-04-29"), earliest: earliest)
        #expect(early.messages["plannedEndDate"] == "The planned end must be between 30 April 2025 and 31 July 2025: 3 to 6 months after the launch on 31 January 2025")
        #expect(!LaunchRules.problems(launch: launch, plannedEnd: try date("2025-08-01"), earliest: earliest).isEmpty)
    }

    @Test("a launch before the round's cut-off date is refused; on it, it is not")
    func notBeforeCutoff() throws {
        let cutoff = try date("2026-03-31")
        let before = LaunchRules.problems(launch: try date("2026-03-30"), plannedEnd: try date("2026-07-30"), earliest: cutoff)
        #expect(before.messages["launchDate"] != nil)
        #expect(LaunchRules.problems(launch: cutoff, plannedEnd: try date("2026-06-30"), earliest: cutoff).isEmpty)
    }

    @Test("late only after the due date, not on it")
    func late() throws {
        let due = try date("2026-05-31")
        #expect(!LaunchRules.isLate(launch: due, due: due))
        #expect(LaunchRules.isLate(launch: try date("2026-06-01"), due: due))
        #expect(!LaunchRules.isLate(launch: try date("2026-04-15"), due: due))
    }
}
