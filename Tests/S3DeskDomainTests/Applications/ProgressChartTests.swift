import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Progress chart")
struct ProgressChartTests {
    let brussels = ZonedCalendar(identifier: "Europe/Brussels")!
    var round: RoundSchedule {
        try! CallSchedule(calendar: brussels, cutoffs: [CivilDate(parsing: "2026-03-31")]).rounds[0]
    }

    private func states(_ facts: ProgressFacts, at instant: String) -> [String] {
        ProgressChart.stages(facts, calendar: brussels, now: Instant.parse(instant)!).map { "\($0.key):\($0.state.rawValue)" }
    }

    @Test("a draft: submitting is the current step, the rest not reached")
    func draft() {
        #expect(states(ProgressFacts(status: .draft), at: "2026-03-01T10:00:00Z") == [
            "submitted:current", "cutoff:pending", "decision:pending", "topic_meeting:pending", "launch:pending",
            "delivery:pending", "completion:pending",
        ])
    }

    @Test("submitted: waiting for the cut-off, exactly at it, and just after it")
    func aroundCutoff() {
        let facts = ProgressFacts(status: .submitted, round: round, submittedAt: Instant.parse("2026-03-10T09:00:00Z"))
        #expect(states(facts, at: "2026-03-31T21:59:59.999Z").prefix(3) == ["submitted:done", "cutoff:current", "decision:pending"])
        let after = ProgressChart.stages(facts, calendar: brussels, now: Instant.parse("2026-03-31T22:00:00Z")!)
        #expect(after[1].state == .done)
        #expect(after[1].doneAt.map(Instant.format) == "2026-03-31T21:59:59.999Z")
        #expect(after[2].state == .current)
    }

    @Test("selected without a meeting by C + 1 month is late, and so is the launch after C + 2 months")
    func late() {
        let facts = ProgressFacts(status: .selected, round: round, submittedAt: Instant.parse("2026-03-10T09:00:00Z"),
                                  decidedAt: Instant.parse("2026-04-10T09:00:00Z"))
        let onTime = ProgressChart.stages(facts, calendar: brussels, now: Instant.parse("2026-04-30T21:00:00Z")!)
        #expect(onTime[3].state == .current)
        #expect(onTime[3].due?.description == "2026-04-30")
        let lateMeeting = ProgressChart.stages(facts, calendar: brussels, now: Instant.parse("2026-04-30T22:00:00Z")!)
        #expect(lateMeeting[3].state == .late)
        #expect(lateMeeting[4].due?.description == "2026-05-31")
    }

    @Test("after withdrawal the stages not reached are skipped")
    func withdrawn() {
        let facts = ProgressFacts(status: .withdrawn, round: round, submittedAt: Instant.parse("2026-03-10T09:00:00Z"))
        #expect(states(facts, at: "2026-03-20T00:00:00Z") == [
            "submitted:done", "cutoff:skipped", "decision:skipped", "topic_meeting:skipped", "launch:skipped",
            "delivery:skipped", "completion:skipped",
        ])
    }
}
