import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Meeting rules")
struct MeetingRulesTests {
    private let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    private func plan(duration: Int = 90, location: String = "Brussels, room 3", others: [String] = []) -> MeetingPlan {
        MeetingPlan(purpose: .topicDefinition, startsAt: Date(timeIntervalSince1970: 0), durationMinutes: duration,
                    location: location, agenda: "", otherParticipants: others)
    }

    @Test("a topic-definition meeting is late from the day after the due date, in the call's time zone")
    func lateness() throws {
        let due = try CivilDate(parsing: "2026-04-30")
        // 23:30 in Brussels on the due date is 21:30Z: still on time.
        #expect(!MeetingRules.isLate(.topicDefinition, startsAt: Instant.parse("2026-04-30T21:30:00Z")!, due: due, calendar: brussels))
        // 00:30 in Brussels the next day is 22:30Z on the due date: late, though UTC still says 30 April.
        #expect(MeetingRules.isLate(.topicDefinition, startsAt: Instant.parse("2026-04-30T22:30:00Z")!, due: due, calendar: brussels))
        #expect(!MeetingRules.isLate(.followUp, startsAt: Instant.parse("2026-06-30T10:00:00Z")!, due: due, calendar: brussels))
    }

    @Test("durations from 15 minutes to 8 hours", arguments: [(14, false), (15, true), (480, true), (481, false)])
    func durations(minutes: Int, valid: Bool) {
        #expect(MeetingRules.problems(plan(duration: minutes)).messages["durationMinutes"] == nil ? valid : !valid)
    }

    @Test("a place or link is required, up to 500 characters, in any script")
    func location() {
        #expect(MeetingRules.problems(plan(location: "   ")).messages["location"] != nil)
        #expect(MeetingRules.problems(plan(location: String(repeating: "Θ", count: 500))).isEmpty)
        #expect(MeetingRules.problems(plan(location: String(repeating: "Ж", count: 501))).messages["location"] != nil)
    }

    @Test("other participants must be addresses, and are named when they are not")
    func participants() {
        let errors = MeetingRules.problems(plan(others: ["ana@region.eu", "not an address"]))
        #expect(errors.messages["participants"] == "Not email addresses: “not an address”")
        #expect(MeetingRules.problems(plan(others: (1...101).map { "p\($0)@x.eu" })).messages["participants"] != nil)
    }
}

@Suite("Meeting times in the call's zone")
struct MeetingTimeTests {
    private let brussels = ZonedCalendar(identifier: "Europe/Brussels")!

    @Test("a local time reads in the zone's offset on either side of the summer-time change")
    func localInput() {
        #expect(brussels.instant(ofLocal: "2026-03-28T10:00") == Instant.parse("2026-03-28T09:00:00Z"))
        #expect(brussels.instant(ofLocal: "2026-03-30T10:00") == Instant.parse("2026-03-30T08:00:00Z"))
        #expect(brussels.localInput(Instant.parse("2026-10-25T09:30:00Z")!) == "2026-10-25T10:30")
    }

    @Test("a time skipped by the change, or malformed text, is no instant", arguments: ["2026-03-29T02:30", "2026-03-29", "tomorrow", "2026-02-30T10:00"])
    func refused(text: String) {
        #expect(brussels.instant(ofLocal: text) == nil)
    }

    @Test("the description gives the day and both times in the call's zone")
    func describe() {
        #expect(brussels.describe(start: Instant.parse("2026-04-14T08:00:00Z")!, durationMinutes: 90)
            == "Tuesday 14 April 2026, 10:00–11:30 (Brussels time)")
    }
}
