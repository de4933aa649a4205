import Foundation

/// One cut-off round of a call with the milestones derived from its cut-off date.
public struct RoundSchedule: Sendable, Equatable {
    /// 1 for the first cut-off of the call.
    public let number: Int
    public let cutoffDate: CivilDate
    /// The last millisecond of the cut-off date in the call's time zone.
    public let cutoffAt: Date
    /// Topic-definition meetings are due within one month of the cut-off.
    public let topicMeetingsDue: CivilDate
    /// Targeted Assignments are due to launch two months after the cut-off.
    public let launchDue: CivilDate
}

/// The cut-off calendar of a call: which round an instant falls in, and when the call closes.
public struct CallSchedule: Sendable {
    public let calendar: ZonedCalendar
    public let rounds: [RoundSchedule]

    /// - Parameter cutoffs: the cut-off dates, which must be non-empty, strictly increasing and
    ///   free of duplicates, because rounds are found by walking them in order.
    public init(calendar: ZonedCalendar, cutoffs: [CivilDate]) throws(CallScheduleError) {
        guard !cutoffs.isEmpty else { throw .noCutoffs }
        for (earlier, later) in zip(cutoffs, cutoffs.dropFirst()) {
            if earlier == later { throw .duplicate(later) }
            if later < earlier { throw .unordered(earlier, later) }
        }
        self.calendar = calendar
        self.rounds = cutoffs.enumerated().map { index, date in
            RoundSchedule(
                number: index + 1,
                cutoffDate: date,
                cutoffAt: calendar.endOfDay(date),
                topicMeetingsDue: date.adding(months: 1),
                launchDue: date.adding(months: 2)
            )
        }
    }

    /// The round an application submitted at `instant` belongs to: the first whose cut-off
    /// instant is at or after it. Nil once the last cut-off has passed (the call is closed).
    public func round(for instant: Date) -> RoundSchedule? {
        let instant = Instant.roundedToMilliseconds(instant)
        return rounds.first { $0.cutoffAt >= instant }
    }

    public func isClosed(at instant: Date) -> Bool {
        round(for: instant) == nil
    }

    /// Whole calendar days, in the call's zone, from `instant` to the cut-off date of its round
    /// (0 on the cut-off day itself); nil when the call is closed.
    public func daysLeft(at instant: Date) -> Int? {
        guard let round = round(for: instant) else { return nil }
        return calendar.civilDate(of: instant).days(until: round.cutoffDate)
    }
}

public enum CallScheduleError: Error, Equatable, Sendable {
    case noCutoffs
    case duplicate(CivilDate)
    case unordered(CivilDate, CivilDate)

    public var message: String {
        switch self {
        case .noCutoffs: "a call needs at least one cut-off date"
        case .duplicate(let date): "\(date) is listed twice"
        case .unordered(let earlier, let later):
            "cut-off dates must be in increasing order: \(later) comes after \(earlier)"
        }
    }
}
