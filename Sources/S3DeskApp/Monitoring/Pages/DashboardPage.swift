import Foundation
import S3DeskDomain

/// The staff's monitoring dashboard: what the filters select, as headline figures, charts with
/// their tables, the rounds against their 1- and 2-month targets, expert days, satisfaction and
/// the assessors' work.
struct DashboardPage: Encodable {
    struct Filters: Encodable {
        let action: String
        let calls: [SelectOption]
        let rounds: [SelectOption]
        let countries: [SelectOption]
        let categories: [SelectOption]
    }

    struct Headline: Encodable {
        let label: String
        let value: String
        let detail: String
    }

    struct Round: Encodable {
        let heading: String
        let chart: TimelineChart
        let targets: [TargetRow]
        let late: [LateRow]
    }

    struct TargetRow: Encodable {
        let step: String
        let due: String
        let expected: String
        let onTime: String
        let late: String
        let pending: String
        let meanDays: String
        let worstDays: String
        let shareOnTime: String
    }

    struct LateRow: Encodable {
        let reference: String
        let url: String
        let step: String
        let date: String
        let daysLate: String
    }

    struct AssignmentRow: Encodable {
        let reference: String
        let url: String
        let status: String
        let launch: String
        let plannedEnd: String
        let used: String
        let budget: String
    }

    struct LinkedRow: Encodable {
        let reference: String
        let url: String
        let cells: [String]
    }

    let layout: Layout
    let filters: Filters
    let scope: String
    let csvURL: String
    let xlsxURL: String
    let headlines: [Headline]
    let applicationFigures: [ChartFigure]
    let reach: ChartFigure
    let rounds: [Round]
    let gantt: GanttChart
    let assignments: [AssignmentRow]
    let expertDaysTotal: String
    let satisfaction: ChartFigure
    let assessors: [[String]]
    let disagreements: [LinkedRow]
    /// How many of the disagreements are listed, of how many.
    let disagreementsNote: String?
}
