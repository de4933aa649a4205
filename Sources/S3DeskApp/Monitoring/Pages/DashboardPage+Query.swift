import Fluent
import Foundation
import S3DeskDomain

extension DashboardPage {
    /// The widest disagreements listed; the summary API lists more (ReportSummaryDTO.disagreementsListed).
    static let disagreementsShown = 20

    static func load(_ requested: ApplicationFilters, for user: User, layout: Layout, at now: Date,
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

        let roundsByID = Dictionary(uniqueKeysWithValues: report.facts.rounds.map { ($0.id, $0) })
        func count(_ id: String, _ title: String, _ counts: [MonitoringSummary.Count], _ label: (String) -> String) -> ChartFigure {
            ChartFigure(chart: BarChart(id: id, title: title, rows: counts.map { (label($0.key), Double($0.count), "\($0.count)") }),
                   columns: ["", "Applications"], rows: counts.map { [label($0.key), "\($0.count)"] })
        }
        let figures = [
            count("by-status", "Applications by status", summary.byStatus) { ApplicationStatus(rawValue: $0)?.label ?? $0 },
            count("by-round", "Submitted applications by round", summary.byRound) { id in
                roundsByID[id].map { "Round \($0.number), \(DateWording.long($0.cutoff))" } ?? id
            },
            count("by-category", "Submitted applications by category of region", summary.byCategory) { RegionCategory(rawValue: $0)?.label ?? $0 },
            count("by-challenge", "Submitted applications by specific challenge", summary.byChallenge) { ChallengeKind(rawValue: $0)?.label ?? $0 },
            count("by-topic", "Submitted applications by topic", summary.byTopic, labels.topic),
            count("by-country", "Submitted applications by country", summary.byCountry, labels.country),
        ]
        let reach = ChartFigure(
            chart: BarChart(id: "reach", title: "Share of applications and of selections", rows: summary.reach.map {
                ($0.group.label, $0.applicationShare ?? 0, percent($0.applicationShare) + " / " + percent($0.selectedShare))
            }, second: summary.reach.map { $0.selectedShare ?? 0 }, legend: BarChart.Legend(first: "Share of applications", second: "Share of selections")),
            columns: ["Group", "Applications", "Share of applications", "Selected", "Share of selections"],
            rows: summary.reach.map { [$0.group.label, "\($0.applications)", percent($0.applicationShare), "\($0.selected)", percent($0.selectedShare)] })

        // The timelines draw the steps taken: the few applications with one, not all 50,000 on each view.
        let byRound = Dictionary(grouping: report.facts.applications.filter { $0.topicMeeting != nil || $0.launch != nil }) { $0.roundID ?? "" }
        let rounds = summary.timeliness.map { round in
            let members = byRound[round.round.id] ?? []
            func lateRows(_ target: MonitoringSummary.Target, step: String) -> [LateRow] {
                target.lateItems.map { late in
                    LateRow(reference: late.reference, url: link(late.applicationID), step: step,
                            date: late.date.map { DateWording.long($0) } ?? "not yet", daysLate: late.daysLate)
                }
            }
            return Round(heading: "Round \(round.round.number): cut-off \(DateWording.long(round.round.cutoff))",
                         chart: TimelineChart(id: "round-\(round.round.number)", round: round, facts: members),
                         targets: [targetRow("Topic-definition meetings (1 month)", round.meetings),
                                   targetRow("Launches (2 months)", round.launches)],
                         late: lateRows(round.meetings, step: "Topic-definition meeting") + lateRows(round.launches, step: "Launch"))
        }
        let delivery = summary.delivery
        let satisfaction = summary.satisfaction
        return DashboardPage(
            layout: layout,
            filters: Filters(
                action: SiteURL.dashboard,
                calls: calls.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.title, selected: $0.id == filters.callId) },
                rounds: (call?.rounds ?? []).sorted { $0.number < $1.number }.map {
                    SelectOption(value: $0.id?.uuidString ?? "", label: "Round \($0.number) (\(DateWording.long(stored: $0.cutoffDate)))", selected: $0.id == filters.roundId)
                },
                countries: labels.countries.keys.sorted().map {
                    SelectOption(value: $0, label: labels.country($0), selected: $0 == filters.country)
                },
                categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filters.category) }),
            scope: [call?.title ?? "Every call", filters.roundId.flatMap { id in call?.rounds.first { $0.id == id } }.map { "round \($0.number)" },
                    filters.country.map(labels.country), filters.category.map { "\($0.label.lowercased()) regions" }]
                .compactMap { $0 }.joined(separator: ", "),
            csvURL: SiteURL.applicationsCSV + (query.isEmpty ? "" : "?" + query),
            xlsxURL: SiteURL.applicationsXLSX + (query.isEmpty ? "" : "?" + query),
            headlines: [
                Headline(label: "Applications", value: "\(summary.applications)", detail: "submitted; \(summary.drafts) drafts not yet submitted"),
                Headline(label: "Selected", value: "\(summary.selected)", detail: "endorsed selections"),
                Headline(label: "Topic meetings on time", value: percent(summary.meetings.shareOnTime),
                         detail: "\(summary.meetings.onTime) on time, \(summary.meetings.late) late, \(summary.meetings.pending) not due yet"),
                Headline(label: "Launches on time", value: percent(summary.launches.shareOnTime),
                         detail: "\(summary.launches.onTime) on time, \(summary.launches.late) late, \(summary.launches.pending) not due yet"),
                Headline(label: "Expert days used", value: "\(delivery.used)", detail: "of \(delivery.budget) budgeted in \(delivery.assignments.count) launched assignments"),
                Headline(label: "Satisfaction", value: satisfaction.mean.map { Decimal2.format($0) + " / 5" } ?? "—",
                         detail: "\(satisfaction.responses) response\(satisfaction.responses == 1 ? "" : "s")"),
            ],
            applicationFigures: figures, reach: reach, rounds: rounds,
            gantt: GanttChart(delivery.assignments, today: today),
            assignments: delivery.assignments.map {
                AssignmentRow(reference: $0.reference, url: SiteURL.assignmentOf($0.applicationID), status: $0.status.label,
                              launch: $0.launch.map { DateWording.long($0) } ?? "—", plannedEnd: $0.plannedEnd.map { DateWording.long($0) } ?? "—",
                              used: "\($0.used)", budget: "\($0.budget)")
            },
            expertDaysTotal: "\(delivery.used) of \(delivery.budget)",
            satisfaction: ChartFigure(
                chart: BarChart(id: "satisfaction", title: "Satisfaction of the regions (1 to 5)",
                                rows: satisfaction.distribution.enumerated().map { ("\($0.offset + 1)", Double($0.element), "\($0.element)") }),
                columns: ["Satisfaction", "Responses"],
                rows: satisfaction.distribution.enumerated().map { ["\($0.offset + 1)", "\($0.element)"] }),
            assessors: summary.assessors.map { [$0.name, "\($0.scored)", "\($0.conflicts)"] },
            disagreements: summary.disagreements.prefix(disagreementsShown).map {
                LinkedRow(reference: $0.reference, url: link($0.applicationID),
                          cells: ["\($0.assessments)", "\($0.lowest)", "\($0.highest)", "\($0.spread)"])
            },
            disagreementsNote: summary.disagreements.count > disagreementsShown
                ? "The \(disagreementsShown) widest of \(summary.disagreements.count)." : nil)
    }

    private static func link(_ applicationID: String) -> String { SiteURL.application(applicationID) }

    private static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded())) %" } ?? "—"
    }

    private static func targetRow(_ step: String, _ target: MonitoringSummary.Target) -> TargetRow {
        TargetRow(step: step, due: DateWording.long(target.due), expected: target.expected, onTime: target.onTime, late: target.late,
                  pending: target.pending, meanDays: target.meanDays.map(Decimal2.format) ?? "—",
                  worstDays: target.worstDays.map(String.init) ?? "—", shareOnTime: percent(target.shareOnTime))
    }
}
