import Foundation

/// One stage of an application's progress chart (domain.md, "Progress chart").
public struct ProgressStage: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case done
        case current
        case late
        case pending
        case skipped
    }

    public let key: String
    public let label: String
    public let due: CivilDate?
    public let doneAt: Date?
    public let state: State
    /// The delivery stage's expert days used of the budget, once the assignment is launched.
    public var expertDays: DeliveryFacts? = nil
}

/// What the delivery stage shows: the days used of the budget and the (possibly extended) planned end.
public struct DeliveryFacts: Sendable, Equatable {
    public let used: ExpertDays
    public let budget: ExpertDays
    public let plannedEnd: CivilDate?
    /// The expert's final report ends the delivery.
    public let finalReportAt: Date?

    public init(used: ExpertDays, budget: ExpertDays, plannedEnd: CivilDate?, finalReportAt: Date?) {
        self.used = used
        self.budget = budget
        self.plannedEnd = plannedEnd
        self.finalReportAt = finalReportAt
    }
}

/// The dated facts of one application, taken from its audit trail and its round.
public struct ProgressFacts: Sendable {
    public var status: ApplicationStatus
    public var round: RoundSchedule?
    public var submittedAt: Date?
    public var decidedAt: Date?
    public var topicMeetingAt: Date?
    public var launchedAt: Date?
    public var completedAt: Date?
    public var delivery: DeliveryFacts?

    public init(status: ApplicationStatus, round: RoundSchedule? = nil, submittedAt: Date? = nil, decidedAt: Date? = nil,
                topicMeetingAt: Date? = nil, launchedAt: Date? = nil, completedAt: Date? = nil, delivery: DeliveryFacts? = nil) {
        self.status = status
        self.round = round
        self.submittedAt = submittedAt
        self.decidedAt = decidedAt
        self.topicMeetingAt = topicMeetingAt
        self.launchedAt = launchedAt
        self.completedAt = completedAt
        self.delivery = delivery
    }
}

public enum ProgressChart {
    /// The seven stages, each done, current, late, pending or skipped at `now`.
    ///
    /// A stage with a due date that is not done by the end of that date (in the call's zone)
    /// is late while it is still expected; after a final status (withdrawn, rejected,
    /// cancelled) the stages not reached are skipped.
    public static func stages(_ facts: ProgressFacts, calendar: ZonedCalendar, now: Date) -> [ProgressStage] {
        let round = facts.round
        let cutoffPassed = round.map { now > $0.cutoffAt } ?? false
        let endedEarly = [.withdrawn, .rejected, .cancelled].contains(facts.status)
        let selectedPath = [.selected, .scoping, .launched, .completed].contains(facts.status)
        var currentTaken = false

        func stage(_ key: String, _ label: String, due: CivilDate?, doneAt: Date?, expected: Bool) -> ProgressStage {
            let state: ProgressStage.State
            if doneAt != nil {
                state = .done
            } else if endedEarly {
                state = .skipped
            } else if !expected {
                state = .pending
            } else if let due, now > calendar.endOfDay(due) {
                state = .late
                currentTaken = true
            } else if !currentTaken {
                state = .current
                currentTaken = true
            } else {
                state = .pending
            }
            return ProgressStage(key: key, label: label, due: due, doneAt: doneAt, state: state)
        }

        return [
            stage("submitted", "Application submitted", due: nil, doneAt: facts.submittedAt, expected: true),
            stage("cutoff", "Cut-off", due: round?.cutoffDate,
                  doneAt: cutoffPassed && facts.submittedAt != nil ? round?.cutoffAt : nil, expected: facts.submittedAt != nil),
            stage("decision", "Assessment and decision", due: nil, doneAt: facts.decidedAt, expected: cutoffPassed),
            stage("topic_meeting", "Topic-definition meeting", due: round?.topicMeetingsDue, doneAt: facts.topicMeetingAt,
                  expected: selectedPath),
            stage("launch", "Launch of the assignment", due: round?.launchDue, doneAt: facts.launchedAt,
                  expected: selectedPath && facts.topicMeetingAt != nil || facts.status == .launched),
            {
                var delivery = stage("delivery", "Delivery: expert days", due: facts.delivery?.plannedEnd,
                                     doneAt: facts.delivery?.finalReportAt ?? facts.completedAt, expected: facts.launchedAt != nil)
                delivery.expertDays = facts.delivery
                return delivery
            }(),
            stage("completion", "Completion", due: nil, doneAt: facts.completedAt, expected: facts.launchedAt != nil),
        ]
    }
}
