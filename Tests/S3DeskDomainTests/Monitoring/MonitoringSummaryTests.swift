@testable import S3DeskDomain
import Testing

/// Each figure of the summary against a value worked out by hand from the facts below.
struct MonitoringSummaryTests {
    static func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

    /// Round 1: cut-off 31 March 2026, meetings due 30 April, launches due 31 May; today is 15 June.
    static let round1 = MonitoringFacts.Round(id: "r1", number: 1, cutoff: date("2026-03-31"), meetingsDue: date("2026-04-30"),
                                              launchDue: date("2026-05-31"), today: date("2026-06-15"))
    /// Round 2: cut-off 31 May; nothing is due yet on 15 June.
    static let round2 = MonitoringFacts.Round(id: "r2", number: 2, cutoff: date("2026-05-31"), meetingsDue: date("2026-06-30"),
                                              launchDue: date("2026-07-31"), today: date("2026-06-15"))

    static let facts = MonitoringFacts(
        rounds: [round2, round1],
        applications: [
            .init(id: "a1", reference: "TS-2026-0001", roundID: "r1", status: .launched, countryCode: "PL", category: .lessDeveloped,
                  topics: ["edp", "clusters"], challenges: [.green, .digital], selected: true,
                  topicMeeting: date("2026-04-20"), launch: date("2026-05-20")),
            // A national application: its category is the majority of the country's regions.
            .init(id: "a2", reference: "TS-2026-0002", roundID: "r1", status: .scoping, countryCode: "EL", category: .transition,
                  topics: ["edp"], selected: true, topicMeeting: date("2026-05-05")),
            // Selected, then withdrawn before any meeting: reached, but expected to take no step.
            .init(id: "a3", reference: "TS-2026-0003", roundID: "r1", status: .withdrawn, countryCode: "FR", category: .moreDeveloped,
                  topics: ["foresight"], selected: true),
            // Selected, met on time, then withdrawn: its meeting still counts.
            .init(id: "a4", reference: "TS-2026-0004", roundID: "r1", status: .withdrawn, countryCode: "PL", category: .lessDeveloped,
                  topics: ["edp"], challenges: [.demographic], selected: true, topicMeeting: date("2026-04-10")),
            .init(id: "a5", reference: "TS-2026-0005", roundID: "r1", status: .rejected, countryCode: "EL", category: .transition,
                  topics: ["monitoring"]),
            .init(id: "a6", reference: "TS-2026-0006", roundID: nil, status: .draft, countryCode: "BG", category: .lessDeveloped),
            .init(id: "a7", reference: "TS-2026-0007", roundID: "r1", status: .reserve, countryCode: "BG", category: .lessDeveloped,
                  topics: ["edp"], challenges: [.demographic]),
            .init(id: "a8", reference: "TS-2026-0008", roundID: "r2", status: .selected, countryCode: "DE", category: .moreDeveloped,
                  topics: ["clusters"], selected: true),
        ],
        assignments: [
            .init(applicationID: "a1", reference: "TS-2026-0001", status: .launched, launch: date("2026-05-20"),
                  plannedEnd: date("2026-09-20"), used: ExpertDays(halves: 25), budget: ExpertDays(days: 20), satisfaction: nil),
            .init(applicationID: "a2", reference: "TS-2026-0002", status: .scoping, launch: nil, plannedEnd: nil,
                  used: .zero, budget: ExpertDays(days: 20)),
        ],
        assessments: [
            .init(assessorID: "x", assessorName: "Xenia", applicationID: "a1", reference: "TS-2026-0001", scoreSum: 16),
            .init(assessorID: "x", assessorName: "Xenia", applicationID: "a2", reference: "TS-2026-0002", scoreSum: 10),
            .init(assessorID: "x", assessorName: "Xenia", applicationID: "a5", reference: "TS-2026-0005", scoreSum: nil),
            .init(assessorID: "y", assessorName: "Yannis", applicationID: "a1", reference: "TS-2026-0001", scoreSum: 8),
            .init(assessorID: "y", assessorName: "Yannis", applicationID: "a2", reference: "TS-2026-0002", scoreSum: 11),
            .init(assessorID: "z", assessorName: "Zoe", applicationID: "a5", reference: "TS-2026-0005", scoreSum: 12),
        ])

    @Test func countsLeaveDraftsOutExceptByStatus() {
        let summary = MonitoringSummary(Self.facts)
        #expect(summary.applications == 7)
        #expect(summary.drafts == 1)
        #expect(summary.selected == 5)
        let statuses = Dictionary(uniqueKeysWithValues: summary.byStatus.map { ($0.key, $0.count) })
        #expect(statuses == ["draft": 1, "submitted": 0, "under_assessment": 0, "selected": 1, "reserve": 1, "rejected": 1,
                             "scoping": 1, "launched": 1, "completed": 0, "withdrawn": 2, "cancelled": 0])
        #expect(summary.byStatus.map(\.key) == ApplicationStatus.allCases.map(\.rawValue))
        #expect(summary.byRound.map(\.key) == ["r1", "r2"])
        #expect(summary.byRound.map(\.count) == [6, 1])
        // Most first, ties by code; the draft's Bulgaria counts once.
        #expect(summary.byCountry.map { "\($0.key)=\($0.count)" } == ["EL=2", "PL=2", "BG=1", "DE=1", "FR=1"])
        #expect(summary.byCategory.map { "\($0.key)=\($0.count)" } == ["less_developed=3", "transition=2", "more_developed=2", "unknown=0"])
        #expect(summary.byTopic.map { "\($0.key)=\($0.count)" } == ["edp=4", "clusters=2", "foresight=1", "monitoring=1"])
        #expect(summary.byChallenge.map { "\($0.key)=\($0.count)" } == ["demographic=2", "digital=1", "green=1", "development_trap=0", "geographic=0"])
    }

    @Test func reachPutsSharesOfSelectionsBesideSharesOfApplications() throws {
        let summary = MonitoringSummary(Self.facts)
        let lessDeveloped = try #require(summary.reach.first { $0.group == .category(.lessDeveloped) })
        // a1, a4, a7 of 7 applied; a1 and a4 of the 5 selected.
        #expect(lessDeveloped.applications == 3)
        #expect(lessDeveloped.selected == 2)
        #expect(lessDeveloped.applicationShare == 3.0 / 7.0)
        #expect(lessDeveloped.selectedShare == 2.0 / 5.0)
        let demographic = try #require(summary.reach.first { $0.group == .challenge(.demographic) })
        #expect(demographic.applications == 2)
        #expect(demographic.selected == 1)
        #expect(demographic.group.key == "challenge_demographic")
        #expect(summary.reach.count == RegionCategory.allCases.count + ChallengeKind.allCases.count)
    }

    @Test func meetingsOfARoundWithOneLateMeeting() throws {
        let round = try #require(MonitoringSummary(Self.facts).timeliness.first)
        #expect(round.round.id == "r1")
        let meetings = round.meetings
        // a1 (20 days), a2 (35 days, 5 late) and a4 (10 days, withdrawn since); a3 withdrew before any.
        #expect(meetings.expected == 3)
        #expect(meetings.onTime == 2)
        #expect(meetings.late == 1)
        #expect(meetings.pending == 0)
        #expect(meetings.meanDays == 65.0 / 3.0)
        #expect(meetings.worstDays == 35)
        #expect(meetings.shareOnTime == 2.0 / 3.0)
        #expect(meetings.lateItems == [.init(applicationID: "a2", reference: "TS-2026-0002", date: Self.date("2026-05-05"), daysLate: 5)])
    }

    @Test func aLaunchNotTakenOnceDueIsLateByTheDaysSince() throws {
        let launches = try #require(MonitoringSummary(Self.facts).timeliness.first).launches
        // a1 launched after 50 days, on time; a2 is still scoping on 15 June, 15 days after 31 May.
        #expect(launches.expected == 2)
        #expect(launches.onTime == 1)
        #expect(launches.late == 1)
        #expect(launches.meanDays == 50)
        #expect(launches.worstDays == 50)
        #expect(launches.shareOnTime == 0.5)
        #expect(launches.lateItems == [.init(applicationID: "a2", reference: "TS-2026-0002", date: nil, daysLate: 15)])
    }

    @Test func nothingIsLateBeforeItIsDue() throws {
        let round2 = try #require(MonitoringSummary(Self.facts).timeliness.last)
        #expect(round2.round.id == "r2")
        #expect(round2.meetings.pending == 1)
        #expect(round2.meetings.late == 0)
        #expect(round2.meetings.shareOnTime == nil)
        #expect(round2.meetings.meanDays == nil)
    }

    @Test(arguments: [("2028-02-29", 29, true), ("2028-03-01", 30, false)])
    func exactlyOnTheDueDateOfALeapFebruaryIsOnTime(meeting: String, days: Int, onTime: Bool) throws {
        // 31 January 2028 + 1 month is 29 February: the leap day is the last day on time.
        let round = MonitoringFacts.Round(id: "r", number: 1, cutoff: Self.date("2028-01-31"), meetingsDue: Self.date("2028-02-29"),
                                          launchDue: Self.date("2028-03-31"), today: Self.date("2028-03-02"))
        let facts = MonitoringFacts(rounds: [round], applications: [
            .init(id: "a", reference: "TS-2028-0001", roundID: "r", status: .scoping, countryCode: "PT", category: .lessDeveloped,
                  selected: true, topicMeeting: Self.date(meeting)),
        ])
        let meetings = try #require(MonitoringSummary(facts).timeliness.first).meetings
        #expect(meetings.worstDays == days)
        #expect(meetings.onTime == (onTime ? 1 : 0))
        #expect(meetings.lateItems.map(\.daysLate) == (onTime ? [] : [1]))
    }

    @Test func deliveryCountsLaunchedAssignmentsOnly() {
        let closed = MonitoringFacts.Assignment(applicationID: "c", reference: "TS-2025-0009", status: .closed, launch: Self.date("2025-11-03"),
                                                plannedEnd: Self.date("2026-03-03"), used: ExpertDays(days: 20), budget: ExpertDays(days: 20),
                                                satisfaction: 5)
        var facts = Self.facts
        facts.assignments.append(closed)
        let delivery = MonitoringSummary(facts).delivery
        #expect(delivery.assignments.map(\.reference) == ["TS-2025-0009", "TS-2026-0001"])
        #expect(delivery.used == ExpertDays(halves: 65))
        #expect(delivery.budget == ExpertDays(days: 40))
    }

    @Test func satisfactionMeanAndDistribution() {
        let ratings = [5, 4, 4]
        let facts = MonitoringFacts(assignments: ratings.enumerated().map { index, rating in
            .init(applicationID: "a\(index)", reference: "R\(index)", status: .closed, launch: Self.date("2026-01-05"),
                  plannedEnd: Self.date("2026-04-05"), used: ExpertDays(days: 20), budget: ExpertDays(days: 20), satisfaction: rating)
        })
        let satisfaction = MonitoringSummary(facts).satisfaction
        #expect(satisfaction.responses == 3)
        #expect(satisfaction.mean == 13.0 / 3.0)
        #expect(satisfaction.distribution == [0, 0, 0, 2, 1])
        #expect(MonitoringSummary(MonitoringFacts()).satisfaction.mean == nil)
    }

    @Test func assessorsWorkloadAndTheWidestSpreadFirst() {
        let summary = MonitoringSummary(Self.facts)
        #expect(summary.assessors == [
            .init(assessorID: "x", name: "Xenia", scored: 2, conflicts: 1),
            .init(assessorID: "y", name: "Yannis", scored: 2, conflicts: 0),
            .init(assessorID: "z", name: "Zoe", scored: 1, conflicts: 0),
        ])
        // a1: 16 and 8 of 20 are 80 and 40 of 100; a2: 50 and 55. a5 has one score only.
        #expect(summary.disagreements == [
            .init(applicationID: "a1", reference: "TS-2026-0001", assessments: 2, lowest: 40, highest: 80),
            .init(applicationID: "a2", reference: "TS-2026-0002", assessments: 2, lowest: 50, highest: 55),
        ])
        #expect(summary.disagreements.map(\.spread) == [40, 5])
    }

    @Test func filtersKeepTheirApplicationsAssignmentsAndAssessments() {
        let poland = MonitoringSummary(Self.facts.filtered(country: "PL"))
        #expect(poland.applications == 2)
        #expect(poland.delivery.assignments.map(\.reference) == ["TS-2026-0001"])
        #expect(poland.disagreements.map(\.reference) == ["TS-2026-0001"])
        #expect(poland.assessors.map(\.name) == ["Xenia", "Yannis"])
        let round2 = MonitoringSummary(Self.facts.filtered(roundID: "r2"))
        #expect(round2.timeliness.map(\.round.id) == ["r2"])
        #expect(round2.applications == 1)
        let transition = MonitoringSummary(Self.facts.filtered(category: .transition))
        #expect(transition.byCountry.map(\.key) == ["EL"])
    }
}

extension MonitoringSummaryTests {
    @Test func roundsPooledWeighTheirStepsNotTheirMeans() {
        let summary = MonitoringSummary(Self.facts)
        // Round 1: 20, 35 and 10 days (2 on time, 1 late); round 2: one pending.
        #expect(summary.meetings == .init(expected: 4, onTime: 2, late: 1, pending: 1, meanDays: 65.0 / 3.0, worstDays: 35,
                                          shareOnTime: 2.0 / 3.0))
        #expect(summary.launches == .init(expected: 3, onTime: 1, late: 1, pending: 1, meanDays: 50, worstDays: 50, shareOnTime: 0.5))
    }
}
