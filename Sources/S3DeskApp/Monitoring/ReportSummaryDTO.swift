import Foundation
import S3DeskDomain
import Vapor

/// `GET /api/v1/reports/summary`: every figure of the dashboard, with people's labels beside the keys.
struct ReportSummaryDTO: Content {
    struct Filters: Content {
        let callId: UUID?
        let roundId: UUID?
        let country: String?
        let category: RegionCategory?
    }

    struct Count: Content {
        let key: String
        let label: String
        let count: Int
    }

    struct RoundCount: Content {
        let roundId: String
        let number: Int
        let cutoffDate: String
        let count: Int
    }

    struct Reach: Content {
        let group: String
        let label: String
        let applications: Int
        let selected: Int
        let applicationShare: Double?
        let selectedShare: Double?
    }

    struct Late: Content {
        let applicationId: String
        let reference: String
        /// Null while the step is not taken.
        let date: String?
        let daysLate: Int
    }

    struct Target: Content {
        let dueDate: String
        let expected: Int
        let onTime: Int
        let late: Int
        let pending: Int
        let meanDays: Double?
        let worstDays: Int?
        let shareOnTime: Double?
        let lateItems: [Late]

        init(_ target: MonitoringSummary.Target) {
            dueDate = target.due.description
            expected = target.expected
            onTime = target.onTime
            late = target.late
            pending = target.pending
            meanDays = target.meanDays
            worstDays = target.worstDays
            shareOnTime = target.shareOnTime
            lateItems = target.lateItems.map { Late(applicationId: $0.applicationID, reference: $0.reference, date: $0.date?.description, daysLate: $0.daysLate) }
        }
    }

    struct RoundTimeliness: Content {
        let roundId: String
        let number: Int
        let cutoffDate: String
        let topicMeetings: Target
        let launches: Target
    }

    struct Pooled: Content {
        let expected: Int
        let onTime: Int
        let late: Int
        let pending: Int
        let meanDays: Double?
        let worstDays: Int?
        let shareOnTime: Double?

        init(_ pooled: MonitoringSummary.Pooled) {
            expected = pooled.expected
            onTime = pooled.onTime
            late = pooled.late
            pending = pooled.pending
            meanDays = pooled.meanDays
            worstDays = pooled.worstDays
            shareOnTime = pooled.shareOnTime
        }
    }

    struct AssignmentDays: Content {
        let applicationId: String
        let reference: String
        let status: AssignmentStatus
        let launchDate: String?
        let plannedEndDate: String?
        let expertDaysUsed: Double
        let expertDaysBudget: Double
    }

    struct ExpertDaysTotals: Content {
        let used: Double
        let budget: Double
        let assignments: [AssignmentDays]
    }

    struct Satisfaction: Content {
        let responses: Int
        let mean: Double?
        /// How many gave 1, 2, 3, 4 and 5, in that order.
        let distribution: [Int]
    }

    struct Assessor: Content {
        let assessorId: String
        let name: String
        let scored: Int
        let conflicts: Int
    }

    struct Disagreement: Content {
        let applicationId: String
        let reference: String
        let assessments: Int
        let lowest: Int
        let highest: Int
        let spread: Int
    }

    let filters: Filters
    let applications: Int
    let drafts: Int
    let selected: Int
    let byStatus: [Count]
    let byRound: [RoundCount]
    let byCountry: [Count]
    let byCategory: [Count]
    let byTopic: [Count]
    let byChallenge: [Count]
    let reach: [Reach]
    let topicMeetings: Pooled
    let launches: Pooled
    let rounds: [RoundTimeliness]
    let expertDays: ExpertDaysTotals
    let satisfaction: Satisfaction
    let assessors: [Assessor]
    /// The widest, like every list a bounded page: at 10,000 applications the whole list
    /// weighed 1.4 MB. `disagreementsTotal` counts them all.
    let disagreements: [Disagreement]
    let disagreementsTotal: Int
    static let disagreementsListed = 100

    init(_ report: MonitoringReport) {
        let summary = report.summary
        let labels = report.labels
        filters = Filters(callId: report.filters.callId, roundId: report.filters.roundId, country: report.filters.country,
                          category: report.filters.category)
        applications = summary.applications
        drafts = summary.drafts
        selected = summary.selected
        func counts(_ counts: [MonitoringSummary.Count], _ label: (String) -> String) -> [Count] {
            counts.map { Count(key: $0.key, label: label($0.key), count: $0.count) }
        }
        byStatus = counts(summary.byStatus) { ApplicationStatus(rawValue: $0)?.label ?? $0 }
        let rounds = Dictionary(uniqueKeysWithValues: report.facts.rounds.map { ($0.id, $0) })
        byRound = summary.byRound.compactMap { count in
            rounds[count.key].map { RoundCount(roundId: $0.id, number: $0.number, cutoffDate: $0.cutoff.description, count: count.count) }
        }
        byCountry = counts(summary.byCountry, labels.country)
        byCategory = counts(summary.byCategory) { RegionCategory(rawValue: $0)?.label ?? $0 }
        byTopic = counts(summary.byTopic, labels.topic)
        byChallenge = counts(summary.byChallenge) { ChallengeKind(rawValue: $0)?.label ?? $0 }
        reach = summary.reach.map {
            Reach(group: $0.group.key, label: $0.group.label, applications: $0.applications, selected: $0.selected,
                  applicationShare: $0.applicationShare, selectedShare: $0.selectedShare)
        }
        topicMeetings = Pooled(summary.meetings)
        launches = Pooled(summary.launches)
        self.rounds = summary.timeliness.map {
            RoundTimeliness(roundId: $0.round.id, number: $0.round.number, cutoffDate: $0.round.cutoff.description,
                            topicMeetings: Target($0.meetings), launches: Target($0.launches))
        }
        expertDays = ExpertDaysTotals(used: summary.delivery.used.days, budget: summary.delivery.budget.days,
                                      assignments: summary.delivery.assignments.map {
            AssignmentDays(applicationId: $0.applicationID, reference: $0.reference, status: $0.status, launchDate: $0.launch?.description,
                           plannedEndDate: $0.plannedEnd?.description, expertDaysUsed: $0.used.days, expertDaysBudget: $0.budget.days)
        })
        satisfaction = Satisfaction(responses: summary.satisfaction.responses, mean: summary.satisfaction.mean,
                                    distribution: summary.satisfaction.distribution)
        assessors = summary.assessors.map { Assessor(assessorId: $0.assessorID, name: $0.name, scored: $0.scored, conflicts: $0.conflicts) }
        disagreementsTotal = summary.disagreements.count
        disagreements = summary.disagreements.prefix(Self.disagreementsListed).map {
            Disagreement(applicationId: $0.applicationID, reference: $0.reference, assessments: $0.assessments, lowest: $0.lowest,
                         highest: $0.highest, spread: $0.spread)
        }
    }
}
