import Fluent
import Foundation
import S3DeskDomain

extension DashboardPage {
    /// The widest disagreements listed; the summary API lists more (ReportSummaryDTO.disagreementsListed).
    static let disagreementsShown = 20

    static func load(_ requested: ApplicationFilters, for user: User, layout: Layout, at now: Date, wording: Wording,
                     on db: any Database, cache: MonitoringCache) async throws -> DashboardPage {
        let calls = try await Call.query(on: db).with(\.$rounds).sort(\.$createdAt, .descending).all()
        // Without a choice, the newest call: a call's rounds are what a programme officer steers.
        var filters = requested
        if filters.callId == nil, filters.roundId == nil { filters.callId = calls.first?.id }
        let report = try await MonitoringReport.load(filters, for: user, at: now, on: db, cache: cache)
        let summary = report.summary
        let labels = report.labels
        let call = calls.first { $0.id == filters.callId }
        let today = ZonedCalendar(identifier: call?.timeZone ?? CallDefinition.defaultTimeZone).map { $0.civilDate(of: now) }
            ?? ZonedCalendar.utc.civilDate(of: now)
        let query = filters.queryString
        let w = wording
        func percent(_ share: Double?) -> String { AssessmentWording.percent(share, w) }
        func date(_ date: CivilDate) -> String { w.date(date) }

        let roundsByID = Dictionary(uniqueKeysWithValues: report.facts.rounds.map { ($0.id, $0) })
        func count(_ id: String, _ title: AssessmentText, _ counts: [MonitoringSummary.Count], _ label: (String) -> String) -> ChartFigure {
            ChartFigure(chart: BarChart(id: id, title: w(title), rows: counts.map { (label($0.key), Double($0.count), w.integer($0.count)) }, wording: w),
                   columns: ["", w(AssessmentText.dashboardApplications)], rows: counts.map { [label($0.key), w.integer($0.count)] })
        }
        let figures = [
            count("by-status", .dashboardByStatus, summary.byStatus) { ApplicationStatus(rawValue: $0).map { w.label($0) } ?? $0 },
            count("by-round", .dashboardByRound, summary.byRound) { id in
                roundsByID[id].map { w(AssessmentText.dashboardRoundAndDate, w.integer($0.number), date($0.cutoff)) } ?? id
            },
            count("by-category", .dashboardByCategory, summary.byCategory) { RegionCategory(rawValue: $0).map { w.label($0) } ?? $0 },
            count("by-challenge", .dashboardByChallenge, summary.byChallenge) { ChallengeKind(rawValue: $0).map { w.label($0) } ?? $0 },
            count("by-topic", .dashboardByTopic, summary.byTopic, labels.topic),
            count("by-country", .dashboardByCountry, summary.byCountry, labels.country),
        ]
        let reach = ChartFigure(
            chart: BarChart(id: "reach", title: w(AssessmentText.dashboardReachChart), rows: summary.reach.map {
                (groupLabel($0.group, w), $0.applicationShare ?? 0, percent($0.applicationShare) + " / " + percent($0.selectedShare))
            }, second: summary.reach.map { $0.selectedShare ?? 0 },
            legend: BarChart.Legend(first: w(AssessmentText.dashboardShareOfApplications), second: w(AssessmentText.dashboardShareOfSelections)), wording: w),
            columns: [w(AssessmentText.dashboardGroup), w(AssessmentText.dashboardApplications), w(AssessmentText.dashboardShareOfApplications),
                      w(AssessmentText.dashboardSelected), w(AssessmentText.dashboardShareOfSelections)],
            rows: summary.reach.map { [groupLabel($0.group, w), w.integer($0.applications), percent($0.applicationShare), w.integer($0.selected), percent($0.selectedShare)] })

        // The timelines draw the steps taken: the few applications with one, not all 50,000 on each view.
        let byRound = Dictionary(grouping: report.facts.applications.filter { $0.topicMeeting != nil || $0.launch != nil }) { $0.roundID ?? "" }
        let rounds = summary.timeliness.map { round in
            let members = byRound[round.round.id] ?? []
            func lateRows(_ target: MonitoringSummary.Target, step: AssessmentText) -> [LateRow] {
                target.lateItems.map { late in
                    LateRow(reference: late.reference, url: link(late.applicationID), step: w(step),
                            date: late.date.map(date) ?? w(AssessmentText.dashboardNotYet), daysLate: w.integer(late.daysLate))
                }
            }
            return Round(heading: w(AssessmentText.dashboardRoundHeading, w.integer(round.round.number), date(round.round.cutoff)),
                         chart: TimelineChart(id: "round-\(round.round.number)", round: round, facts: members, wording: w),
                         targets: [targetRow(w(AssessmentText.dashboardMeetingsTarget), round.meetings, w),
                                   targetRow(w(AssessmentText.dashboardLaunchesTarget), round.launches, w)],
                         late: lateRows(round.meetings, step: .dashboardMeetingStep) + lateRows(round.launches, step: .dashboardLaunchStep))
        }
        let delivery = summary.delivery
        let satisfaction = summary.satisfaction
        return DashboardPage(
            layout: layout,
            filters: Filters(
                action: SiteURL.dashboard,
                calls: calls.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.texts(in: w.language).title, selected: $0.id == filters.callId) },
                rounds: (call?.rounds ?? []).sorted { $0.number < $1.number }.map {
                    SelectOption(value: $0.id?.uuidString ?? "", label: w(AssessmentText.dashboardRoundOption, w.integer($0.number), w.date(stored: $0.cutoffDate)),
                                 selected: $0.id == filters.roundId)
                },
                countries: labels.countries.keys.sorted().map {
                    SelectOption(value: $0, label: labels.country($0), selected: $0 == filters.country)
                },
                categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: w.label($0), selected: $0 == filters.category) }),
            scope: [call?.texts(in: w.language).title ?? w(AssessmentText.dashboardEveryCall),
                    filters.roundId.flatMap { id in call?.rounds.first { $0.id == id } }.map { w(AssessmentText.dashboardScopeRound, w.integer($0.number)) },
                    filters.country.map(labels.country), filters.category.map { w($0.scopeText) }]
                .compactMap { $0 }.joined(separator: ", "),
            csvURL: SiteURL.applicationsCSV + (query.isEmpty ? "" : "?" + query),
            xlsxURL: SiteURL.applicationsXLSX + (query.isEmpty ? "" : "?" + query),
            headlines: [
                Headline(label: w(AssessmentText.dashboardApplications), value: w.integer(summary.applications),
                         detail: w(AssessmentText.dashboardSubmittedDetail, w.integer(summary.drafts))),
                Headline(label: w(AssessmentText.dashboardSelected), value: w.integer(summary.selected), detail: w(AssessmentText.dashboardSelectedDetail)),
                Headline(label: w(AssessmentText.dashboardMeetingsOnTime), value: percent(summary.meetings.shareOnTime),
                         detail: w(AssessmentText.dashboardTimelinessDetail, w.integer(summary.meetings.onTime), w.integer(summary.meetings.late),
                                   w.integer(summary.meetings.pending))),
                Headline(label: w(AssessmentText.dashboardLaunchesOnTime), value: percent(summary.launches.shareOnTime),
                         detail: w(AssessmentText.dashboardTimelinessDetail, w.integer(summary.launches.onTime), w.integer(summary.launches.late),
                                   w.integer(summary.launches.pending))),
                Headline(label: w(AssessmentText.dashboardExpertDaysUsedLabel), value: AssessmentWording.days(delivery.used, w),
                         detail: w(AssessmentText.dashboardBudgetDetail, AssessmentWording.days(delivery.budget, w), w.integer(delivery.assignments.count))),
                Headline(label: w(AssessmentText.dashboardSatisfaction),
                         value: satisfaction.mean.map { w(AssessmentText.dashboardOutOfFive, AssessmentWording.decimal($0, w)) } ?? "—",
                         detail: w.count(satisfaction.responses, AssessmentText.dashboardResponsesOne, .dashboardResponsesOther)),
            ],
            applicationFigures: figures, reach: reach, rounds: rounds,
            gantt: GanttChart(delivery.assignments, today: today, wording: w),
            assignments: delivery.assignments.map {
                AssignmentRow(reference: $0.reference, url: SiteURL.assignmentOf($0.applicationID), status: w.label($0.status),
                              launch: $0.launch.map(date) ?? "—", plannedEnd: $0.plannedEnd.map(date) ?? "—",
                              used: AssessmentWording.days($0.used, w), budget: AssessmentWording.days($0.budget, w))
            },
            expertDaysTotal: w(AssessmentText.dashboardExpertDaysOf, AssessmentWording.days(delivery.used, w), AssessmentWording.days(delivery.budget, w)),
            satisfaction: ChartFigure(
                chart: BarChart(id: "satisfaction", title: w(AssessmentText.dashboardSatisfactionChart),
                                rows: satisfaction.distribution.enumerated().map { ("\($0.offset + 1)", Double($0.element), w.integer($0.element)) }, wording: w),
                columns: [w(AssessmentText.dashboardSatisfaction), w(AssessmentText.dashboardResponses)],
                rows: satisfaction.distribution.enumerated().map { ["\($0.offset + 1)", w.integer($0.element)] }),
            assessors: summary.assessors.map { [$0.name, w.integer($0.scored), w.integer($0.conflicts)] },
            disagreements: summary.disagreements.prefix(disagreementsShown).map {
                LinkedRow(reference: $0.reference, url: link($0.applicationID),
                          cells: [w.integer($0.assessments), w.integer($0.lowest), w.integer($0.highest), w.integer($0.spread)])
            },
            disagreementsNote: summary.disagreements.count > disagreementsShown
                ? w(AssessmentText.dashboardDisagreementNote, w.integer(disagreementsShown), w.integer(summary.disagreements.count)) : nil)
    }

    private static func link(_ applicationID: String) -> String { SiteURL.application(applicationID) }

    /// "Less developed regions", "Challenge: digital transition".
    private static func groupLabel(_ group: MonitoringSummary.Reach.Group, _ wording: Wording) -> String {
        switch group {
        case .category(let category): wording(category.groupText)
        case .challenge(let challenge):
            // German keeps its nouns' capitals; English and French name the challenge in lower case.
            wording(AssessmentText.dashboardGroupChallenge, wording.language == .de ? wording.label(challenge) : wording.label(challenge).lowercased())
        }
    }

    private static func targetRow(_ step: String, _ target: MonitoringSummary.Target, _ wording: Wording) -> TargetRow {
        TargetRow(step: step, due: wording.date(target.due), expected: wording.integer(target.expected), onTime: wording.integer(target.onTime),
                  late: wording.integer(target.late), pending: wording.integer(target.pending),
                  meanDays: target.meanDays.map { AssessmentWording.decimal($0, wording) } ?? "—",
                  worstDays: target.worstDays.map { wording.integer($0) } ?? "—", shareOnTime: AssessmentWording.percent(target.shareOnTime, wording))
    }
}

extension RegionCategory {
    /// "less developed regions", where the dashboard says what its figures cover.
    fileprivate var scopeText: AssessmentText {
        switch self {
        case .lessDeveloped: .dashboardScopeLessDeveloped
        case .transition: .dashboardScopeTransition
        case .moreDeveloped: .dashboardScopeMoreDeveloped
        case .unknown: .dashboardScopeUnknown
        }
    }

    /// "Less developed regions", a group of the reach chart.
    fileprivate var groupText: AssessmentText {
        switch self {
        case .lessDeveloped: .dashboardGroupLessDeveloped
        case .transition: .dashboardGroupTransition
        case .moreDeveloped: .dashboardGroupMoreDeveloped
        case .unknown: .dashboardGroupUnknown
        }
    }
}
