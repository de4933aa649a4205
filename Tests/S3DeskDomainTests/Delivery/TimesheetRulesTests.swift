import Testing
@testable import S3DeskDomain

@Suite("Timesheet: half days within the period and the budget")
struct TimesheetRulesTests {
    private let launch = CivilDate(year: 2026, month: 4, day: 15)!
    private let end = CivilDate(year: 2026, month: 10, day: 15)!

    private func ledger(used: Double, budget: Int = 20) -> TimesheetRules.Ledger {
        .init(period: launch...end, budget: ExpertDays(days: budget), used: ExpertDays(exactly: used)!)
    }

    private func draft(_ date: String = "2026-05-04", days: Double?) -> TimesheetRules.Draft {
        .init(date: date, days: days, activity: "Workshop with the regional innovation council", output: "Minutes")
    }

    @Test("half days add up exactly: 19.5 + 0.5 is the whole budget")
    func lastHalfDay() throws {
        let entry = try TimesheetRules.check(draft(days: 0.5), against: ledger(used: 19.5))
        #expect(entry.days == ExpertDays(halves: 1))
        #expect(ExpertDays(exactly: 19.5)! + entry.days == ExpertDays(days: 20))
    }

    @Test("19.5 + 1.0 is refused, and the refusal names the 0.5 days that remain")
    func overBudget() {
        #expect(throws: FieldErrors.self) { try TimesheetRules.check(draft(days: 1), against: ledger(used: 19.5)) }
        do {
            _ = try TimesheetRules.check(draft(days: 1), against: ledger(used: 19.5))
        } catch {
            #expect(error.messages["days"]?.contains("remaining balance is 0.5 days") == true)
            #expect(error.messages["days"]?.contains("budget of 20 days") == true)
        }
    }

    @Test("a spent budget refuses even half a day, naming 0 days left")
    func spent() {
        do {
            _ = try TimesheetRules.check(draft(days: 0.5), against: ledger(used: 20))
            Issue.record("accepted past the budget")
        } catch {
            #expect(error.messages["days"]?.contains("remaining balance is 0 days") == true)
        }
    }

    @Test("the launch date and the planned end date are inside the period; the days around them are not",
          arguments: [("2026-04-15", true), ("2026-10-15", true), ("2026-04-14", false), ("2026-10-16", false)])
    func periodEdges(date: String, accepted: Bool) {
        let result = Result { try TimesheetRules.check(draft(date, days: 1), against: ledger(used: 0)) }
        #expect(((try? result.get()) != nil) == accepted)
        if !accepted, case .failure(let error as FieldErrors) = result {
            #expect(error.messages["date"] == "Log days between the launch on 15 April 2026 and the planned end on 15 October 2026")
        }
    }

    @Test("days must be a positive multiple of 0.5", arguments: [0.0, -0.5, 0.25, 0.75, 1.2, .nan, .infinity])
    func notHalfDays(days: Double) {
        do {
            _ = try TimesheetRules.check(draft(days: days), against: ledger(used: 0))
            Issue.record("accepted \(days)")
        } catch {
            #expect(error.messages["days"] == "Give the days as a positive multiple of 0.5 (0.5, 1, 1.5, ...)")
        }
    }

    @Test("one entry may hold several days, up to the whole budget, and names the balance when it is over")
    func severalDays() throws {
        #expect(try TimesheetRules.check(draft(days: 19.5), against: ledger(used: 0)).days == ExpertDays(halves: 39))
        #expect(TimesheetRules.overBudget(draft(days: 19.5), against: ledger(used: 0)) == nil)
        #expect(TimesheetRules.overBudget(draft(days: 20.5), against: ledger(used: 0))
            == "that would exceed the budget of 20 days: the remaining balance is 20 days")
    }

    @Test("a missing date, an empty activity and an overlong output are each named")
    func fields() {
        var bad = draft("4 May", days: 1)
        bad.activity = "   "
        bad.output = String(repeating: "ω", count: 2_001)
        do {
            _ = try TimesheetRules.check(bad, against: ledger(used: 0))
            Issue.record("accepted")
        } catch {
            #expect(Set(error.messages.keys) == ["date", "activity", "output"])
        }
    }

    @Test("texts at the maximum length in Greek and Bulgarian are kept, trimmed")
    func longestTexts() throws {
        let entry = try TimesheetRules.check(.init(date: "2026-05-04", days: 1, activity: " " + String(repeating: "Ж", count: 2_000),
                                                   output: String(repeating: "λ", count: 2_000)), against: ledger(used: 0))
        #expect(entry.activity.count == 2_000 && entry.output.count == 2_000)
    }

    @Test("expert days are written as people write them")
    func spelled() {
        #expect(ExpertDays(halves: 39).description == "19.5")
        #expect(ExpertDays(days: 20).description == "20")
        #expect(ExpertDays(days: 1).spelled == "1 day")
        #expect(ExpertDays(halves: 1).spelled == "0.5 days")
        #expect(ExpertDays(exactly: 0.3) == nil)
    }
}

@Suite("Extensions: later than now, never past 6 months from the launch")
struct ExtensionRulesTests {
    private let reason = "The regional council meets only in September."

    @Test("exactly 6 months after the launch is allowed; a day more is not")
    func sixMonths() throws {
        let launch = CivilDate(year: 2026, month: 4, day: 15)!
        let end = CivilDate(year: 2026, month: 7, day: 15)!
        #expect(try ExtensionRules.check(requestedEnd: "2026-10-15", reason: reason, launch: launch, plannedEnd: end) == CivilDate(year: 2026, month: 10, day: 15)!)
        #expect(throws: FieldErrors.self) { try ExtensionRules.check(requestedEnd: "2026-10-16", reason: reason, launch: launch, plannedEnd: end) }
    }

    @Test("the bound is clamped to the end of a short month: 31 August + 6 months is 28 February, or 29 in a leap year",
          arguments: [(2026, "2027-02-28", "2027-03-01"), (2027, "2028-02-29", "2028-03-01")])
    func endOfMonth(year: Int, last: String, tooLate: String) throws {
        let launch = CivilDate(year: year, month: 8, day: 31)!
        let end = launch.adding(months: 3)
        _ = try ExtensionRules.check(requestedEnd: last, reason: reason, launch: launch, plannedEnd: end)
        do {
            _ = try ExtensionRules.check(requestedEnd: tooLate, reason: reason, launch: launch, plannedEnd: end)
            Issue.record("accepted \(tooLate)")
        } catch {
            #expect(error.messages["plannedEndDate"]?.contains("cannot be after \(DateWording.long(stored: last))") == true)
        }
    }

    @Test("the new end must be after the current one, and a reason is given")
    func laterWithReason() {
        let launch = CivilDate(year: 2026, month: 4, day: 15)!
        let end = CivilDate(year: 2026, month: 8, day: 1)!
        do {
            _ = try ExtensionRules.check(requestedEnd: "2026-08-01", reason: "short", launch: launch, plannedEnd: end)
            Issue.record("accepted")
        } catch {
            #expect(error.messages["plannedEndDate"] == "Ask for a planned end after the current one, 1 August 2026")
            #expect(error.messages["reason"] != nil)
        }
        #expect(ExtensionRules.canExtend(launch: launch, plannedEnd: end))
        #expect(!ExtensionRules.canExtend(launch: launch, plannedEnd: CivilDate(year: 2026, month: 10, day: 15)!))
    }
}

@Suite("Closure: the final report's summary and the region's feedback")
struct ClosureRulesTests {
    @Test("satisfaction is 1 to 5", arguments: [(0, false), (1, true), (5, true), (6, false)])
    func satisfaction(score: Int, accepted: Bool) {
        #expect(((try? ClosureRules.checkFeedback(satisfaction: score, comment: "")) != nil) == accepted)
    }

    @Test("no score is refused; a comment is trimmed and bounded")
    func comment() throws {
        #expect(throws: FieldErrors.self) { try ClosureRules.checkFeedback(satisfaction: nil, comment: "") }
        #expect(try ClosureRules.checkFeedback(satisfaction: 4, comment: "  Πολύ χρήσιμο  ").1 == "Πολύ χρήσιμο")
        #expect(throws: FieldErrors.self) { try ClosureRules.checkFeedback(satisfaction: 4, comment: String(repeating: "я", count: 5_001)) }
    }

    @Test("a milestone is due within the period")
    func milestone() throws {
        let launch = CivilDate(year: 2026, month: 4, day: 15)!
        let end = CivilDate(year: 2026, month: 10, day: 15)!
        #expect(try SpaceRules.checkMilestone(title: " Survey ", due: "2026-10-15", launch: launch, plannedEnd: end).0 == "Survey")
        #expect(throws: FieldErrors.self) { try SpaceRules.checkMilestone(title: "Survey", due: "2026-10-16", launch: launch, plannedEnd: end) }
    }
}
