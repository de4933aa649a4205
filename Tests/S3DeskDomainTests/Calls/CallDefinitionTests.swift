import Testing
@testable import S3DeskDomain

@Suite("Validating a call")
struct CallDefinitionTests {
    @Test("defaults fill the time zone, capacity and expert days")
    func defaults() throws {
        let call = try CallInput(title: "  Targeted Support 2026 ", cutoffs: ["2026-03-31"]).validated()
        #expect(call.title == "Targeted Support 2026")
        #expect(call.timeZone == "Europe/Brussels")
        #expect(call.capacityPerRound == 10)
        #expect(call.expertDaysPerAssignment == 20)
        #expect(call.schedule.rounds.count == 1)
    }

    @Test("every problem is reported at once, keyed by field")
    func reportsEveryProblem() {
        let input = CallInput(title: " ", timeZone: "Mars/Olympus", cutoffs: ["2026-02-30", "2026-13-01"],
                              capacityPerRound: 0, expertDaysPerAssignment: 500)
        #expect(throws: FieldErrors.self) { try input.validated() }
        do {
            _ = try input.validated()
        } catch {
            #expect(Set(error.messages.keys) == ["title", "timeZone", "cutoffs", "capacityPerRound", "expertDaysPerAssignment"])
            #expect(error.messages["cutoffs"]?.contains("2026-02-30 does not exist") == true)
            #expect(error.messages["cutoffs"]?.contains("2026-13-01") == true)
            #expect(error.messages["timeZone"]?.contains("Mars/Olympus") == true)
        }
    }

    @Test("duplicate and unordered cut-offs name the cutoffs field", arguments: [
        (["2026-03-31", "2026-03-31"], "listed twice"),
        (["9999-12-31"], "between 2000 and 2100"),
        (["1999-12-31"], "between 2000 and 2100"),
        (["2026-06-30", "2026-03-31"], "increasing order"),
        ([], "at least one"),
    ])
    func cutoffOrder(cutoffs: [String], expected: String) {
        do {
            _ = try CallInput(title: "T", cutoffs: cutoffs).validated()
            Issue.record("validation should have failed")
        } catch {
            #expect(error.messages.keys.sorted() == ["cutoffs"])
            #expect(error.messages["cutoffs"]?.contains(expected) == true)
        }
    }

    @Test("a missing cut-off list is refused")
    func missingCutoffs() {
        #expect(throws: FieldErrors.self) { try CallInput(title: "T").validated() }
    }
}
