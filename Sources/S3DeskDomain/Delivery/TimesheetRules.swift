/// Whether a timesheet entry can be logged (domain.md, "Delivery: 20 expert days").
public enum TimesheetRules {
    public static let activityLength = 1...2_000
    public static let outputLength = 0...2_000

    /// One entry as the expert sends it, before it is checked.
    public struct Draft: Sendable, Equatable {
        public var date: String
        public var days: Double?
        public var activity: String
        public var output: String

        public init(date: String, days: Double?, activity: String, output: String) {
            self.date = date
            self.days = days
            self.activity = activity
            self.output = output
        }
    }

    /// The entry as it is stored, once every rule holds.
    public struct Entry: Sendable, Equatable {
        public let date: CivilDate
        public let days: ExpertDays
        public let activity: String
        public let output: String
    }

    /// What the entry is checked against, read under the assignment's lock.
    public struct Ledger: Sendable, Equatable {
        /// The launch date to the planned end date, both included.
        public let period: ClosedRange<CivilDate>
        public let budget: ExpertDays
        /// Every entry not returned to the expert: waiting for approval or approved.
        public let used: ExpertDays

        public init(period: ClosedRange<CivilDate>, budget: ExpertDays, used: ExpertDays) {
            self.period = period
            self.budget = budget
            self.used = used
        }

        public var remaining: ExpertDays { budget - used }
    }

    /// The refusal of an entry over the budget, naming the remaining balance; nil within it.
    public static func overBudget(_ draft: Draft, against ledger: Ledger) -> String? {
        guard let days = draft.days.flatMap(ExpertDays.init(exactly:)), days > ledger.remaining else { return nil }
        return "that would exceed the budget of \(ledger.budget.spelled): the remaining balance is \(ledger.remaining.spelled)"
    }

    /// The entry, or every problem with it by field (the API's names). The refusal for the
    /// budget names the remaining balance, which is what the expert needs to correct it.
    public static func check(_ draft: Draft, against ledger: Ledger) throws(FieldErrors) -> Entry {
        var errors = FieldErrors()
        let date = try? CivilDate(parsing: draft.date.trimmingCharacters(in: .whitespaces))
        if let date {
            if !ledger.period.contains(date) {
                errors.add("date", "log days between the launch on \(DateWording.long(ledger.period.lowerBound)) and the planned end on \(DateWording.long(ledger.period.upperBound))")
            }
        } else {
            errors.add("date", "give the date as YYYY-MM-DD")
        }
        let days = draft.days.flatMap(ExpertDays.init(exactly:))
        if let days, days > .zero {
            if let refusal = overBudget(draft, against: ledger) { errors.add("days", refusal) }
        } else {
            errors.add("days", "give the days as a positive multiple of 0.5 (0.5, 1, 1.5, ...)")
        }
        let activity = draft.activity.trimmingCharacters(in: .whitespacesAndNewlines)
        let output = draft.output.trimmingCharacters(in: .whitespacesAndNewlines)
        if !activityLength.contains(activity.count) { errors.add("activity", "describe the activity in up to 2,000 characters") }
        if !outputLength.contains(output.count) { errors.add("output", "describe the output in up to 2,000 characters") }
        try errors.throwIfAny()
        guard let date, let days else { throw errors }
        return Entry(date: date, days: days, activity: activity, output: output)
    }
}

/// Where one timesheet entry stands in the secretariat's review.
public enum TimesheetEntryStatus: String, CaseIterable, Codable, Sendable {
    case pending
    case approved
    /// Sent back to the expert with a note: its days no longer count against the budget.
    case returned

    public var label: String {
        switch self {
        case .pending: "Awaiting approval"
        case .approved: "Approved"
        case .returned: "Returned"
        }
    }

    /// Its days are part of what is used of the budget.
    public var counts: Bool { self != .returned }
}
