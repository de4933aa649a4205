import Foundation
import S3DeskDomain

/// Charts the server draws: the geometry is worked out here and `partials/…-chart.leaf` writes
/// the SVG, so every label goes through Leaf's escaping. Each chart has a title and a text
/// alternative, and its figures stand in a table beside it.

/// A chart with the table of its figures (`partials/figure.leaf`).
struct ChartFigure: Encodable {
    let chart: BarChart
    let columns: [String]
    let rows: [[String]]
}

/// Horizontal bars, one per row, longest scaled to the full width.
struct BarChart: Encodable {
    struct Bar: Encodable {
        let label: String
        let value: String
        /// Top of the bar, and the baseline of its texts.
        let y: Int
        let textY: Int
        let width: String
        let valueX: String
        /// A second series beside the first (shares of selections beside shares of applications).
        let secondWidth: String?
        let secondY: Int
    }

    let id: String
    let title: String
    let summary: String
    let width = BarChart.labelWidth + BarChart.plotWidth + 70
    let height: Int
    let labelWidth = BarChart.labelWidth
    /// Where the labels end, right-aligned before the bars.
    let labelEnd = BarChart.labelWidth - 8
    let legend: Legend?
    let bars: [Bar]

    /// The two series' names, when there are two.
    struct Legend: Encodable {
        let first: String
        let second: String
        let firstX = BarChart.labelWidth
        let firstTextX = BarChart.labelWidth + 18
        let secondX = BarChart.labelWidth + 180
        let secondTextX = BarChart.labelWidth + 198
    }

    static let labelWidth = 230
    static let plotWidth = 380

    /// - Parameters:
    ///   - rows: each bar's label, length and text.
    ///   - second: a paired bar's length per row.
    ///   - wording: the reader's language for the text alternative; English without it.
    init(id: String, title: String, rows: [(label: String, value: Double, text: String)], second: [Double]? = nil,
         legend: Legend? = nil, wording: Wording? = nil) {
        let paired = second != nil
        let step = paired ? 38 : 24
        let top = legend == nil ? 4 : 26
        let largest = max((rows.map(\.value) + (second ?? [])).max() ?? 0, 1e-9)
        func scaled(_ value: Double) -> Double { max(0, value) / largest * Double(Self.plotWidth) }
        self.id = id
        self.title = title
        self.legend = legend
        height = top + rows.count * step + 6
        bars = rows.enumerated().map { index, row in
            let y = top + index * step
            return Bar(label: Self.shortened(row.label), value: row.text, y: y, textY: y + 13, width: Self.format(scaled(row.value)),
                       valueX: Self.format(Double(Self.labelWidth) + scaled(row.value) + 6),
                       secondWidth: second.map { Self.format(scaled($0[index])) }, secondY: y + 17)
        }
        let figures = rows.map { "\($0.label) \($0.text)" }.joined(separator: "; ")
        summary = wording.map { $0(AssessmentText.chartSummary, title, figures) } ?? title + ": " + figures + "."
    }

    /// Long labels are cut in the drawing only; the table beside it has them whole.
    private static func shortened(_ label: String) -> String {
        label.count > 34 ? String(label.prefix(33)) + "…" : label
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// One round on a line of dates: the cut-off, the two due dates, today, and a mark for each
/// topic meeting and launch, on time or late.
struct TimelineChart: Encodable {
    struct Tick: Encodable {
        let x: String
        let label: String
        let date: String
    }

    struct Mark: Encodable {
        let x: String
        let y: Int
        let late: Bool
        let label: String
    }

    let id: String
    let title: String
    let summary: String
    let width = TimelineChart.width
    let height = 150
    let ticks: [Tick]
    let today: Tick?
    /// Today after the span, named at its end rather than squeezing the dates together.
    let todayLater: String?
    let marks: [Mark]

    static let width = 720
    /// Room for a date's label centred on the first and last ticks.
    private static let left = 90.0
    private static let right = 630.0

    init(id: String, round: MonitoringSummary.RoundTimeliness, facts: [MonitoringFacts.Application], wording w: Wording) {
        let cutoff = round.round.cutoff
        let today = round.round.today
        let steps = facts.compactMap(\.topicMeeting) + facts.compactMap(\.launch)
        // From the cut-off to the launches' due date, or to the latest step if later; today is
        // drawn only inside that span, or named at its end.
        let end = ([round.round.launchDue] + steps).max()!
        let span = Double(max(cutoff.days(until: end), 1))
        func x(_ date: CivilDate) -> String { BarChart.format(Self.left + Double(cutoff.days(until: date)) / span * (Self.right - Self.left)) }
        self.id = id
        let number = w.integer(round.round.number)
        title = w(AssessmentText.chartTimelineTitle, number)
        ticks = [(AssessmentText.chartCutoff, cutoff), (.chartMeetingsDue, round.round.meetingsDue), (.chartLaunchesDue, round.round.launchDue)]
            .map { Tick(x: x($0.1), label: w($0.0), date: w.date($0.1)) }
        self.today = (cutoff...end).contains(today) ? Tick(x: x(today), label: w(AssessmentText.chartToday), date: w.date(today)) : nil
        todayLater = today > end ? w(AssessmentText.chartTodayLater, w.date(today)) : nil
        marks = facts.compactMap { application in
            application.topicMeeting.map {
                Mark(x: x($0), y: 60, late: $0 > round.round.meetingsDue, label: w(AssessmentText.chartMeetingMark, application.reference, w.date($0)))
            }
        } + facts.compactMap { application in
            application.launch.map {
                Mark(x: x($0), y: 96, late: $0 > round.round.launchDue, label: w(AssessmentText.chartLaunchMark, application.reference, w.date($0)))
            }
        }
        let meetings = round.meetings
        let launches = round.launches
        summary = w(AssessmentText.chartTimelineSummary, number, w.date(cutoff),
                    w.integer(meetings.onTime), w.integer(meetings.late), w.date(meetings.due), w.integer(meetings.pending),
                    w.integer(launches.onTime), w.integer(launches.late), w.date(launches.due), w.integer(launches.pending))
    }
}

/// Running assignments as bars from their launch to their planned end, filled to the share of
/// expert days used, with today's line.
struct GanttChart: Encodable {
    struct Row: Encodable {
        let label: String
        let y: Int
        let textY: Int
        let x: String
        let width: String
        let usedWidth: String
        let text: String
    }

    let id = "gantt"
    let title: String
    let summary: String
    let width = GanttChart.labelWidth + GanttChart.plotWidth + 20
    let height: Int
    let labelWidth = GanttChart.labelWidth
    let todayX: String?
    let rows: [Row]
    let start: String
    let end: String

    static let labelWidth = 130
    static let plotWidth = 560

    init(_ assignments: [MonitoringFacts.Assignment], today: CivilDate, wording w: Wording) {
        let running = assignments.filter { $0.status == .launched && $0.launch != nil && $0.plannedEnd != nil }
        let first = running.compactMap(\.launch).min() ?? today
        let last = max(running.compactMap(\.plannedEnd).max() ?? today, today)
        let span = Double(max(first.days(until: last), 1))
        func x(_ date: CivilDate) -> Double { Double(Self.labelWidth) + Double(first.days(until: date)) / span * Double(Self.plotWidth) }
        title = w(AssessmentText.chartGanttTitle)
        height = running.count * 26 + 10
        rows = running.enumerated().map { index, assignment in
            let from = x(assignment.launch!)
            let width = max(x(assignment.plannedEnd!) - from, 2)
            let used = assignment.budget.halves == 0 ? 0 : min(1, Double(assignment.used.halves) / Double(assignment.budget.halves))
            return Row(label: assignment.reference, y: 4 + index * 26, textY: 18 + index * 26, x: BarChart.format(from),
                       width: BarChart.format(width), usedWidth: BarChart.format(width * used),
                       text: w(AssessmentText.chartGanttRow, AssessmentWording.days(assignment.used, w), AssessmentWording.days(assignment.budget, w),
                               w.date(assignment.plannedEnd!)))
        }
        todayX = running.isEmpty ? nil : BarChart.format(x(today))
        start = w.date(first)
        end = w.date(last)
        summary = running.isEmpty ? w(AssessmentText.chartNoneRunning) : running.map {
            w(AssessmentText.chartGanttItem, $0.reference, w.date($0.launch!), w.date($0.plannedEnd!),
              AssessmentWording.days($0.used, w), AssessmentWording.days($0.budget, w))
        }.joined(separator: "; ") + "."
    }
}
