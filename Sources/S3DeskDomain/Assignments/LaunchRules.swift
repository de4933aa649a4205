/// When a Targeted Assignment may start and end (domain.md, "Topic-definition meeting, scope and
/// launch"): the planned end falls 3 to 6 calendar months after the launch, both ends included,
/// with the day clamped to the end of a shorter month (31 January + 3 months is 30 April).
public enum LaunchRules {
    public static let shortestMonths = 3
    public static let longestMonths = 6

    /// The planned end dates allowed for an assignment launched on `launch`.
    public static func allowedEnds(after launch: CivilDate) -> ClosedRange<CivilDate> {
        launch.adding(months: shortestMonths)...launch.adding(months: longestMonths)
    }

    /// What is wrong with the dates, by field; empty when they can be used.
    /// - Parameter earliest: the first day a launch makes sense: the round's cut-off date.
    public static func problems(launch: CivilDate, plannedEnd: CivilDate, earliest: CivilDate) -> FieldErrors {
        var errors = FieldErrors()
        if launch < earliest {
            errors.add("launchDate", "the launch cannot be before the round's cut-off date, \(DateWording.long(earliest))")
        }
        let allowed = allowedEnds(after: launch)
        if !allowed.contains(plannedEnd) {
            errors.add("plannedEndDate", "the planned end must be between \(DateWording.long(allowed.lowerBound)) and \(DateWording.long(allowed.upperBound)): "
                + "\(shortestMonths) to \(longestMonths) months after the launch on \(DateWording.long(launch))")
        }
        return errors
    }

    /// Launched after the round's launch due date: allowed, and flagged on every view.
    public static func isLate(launch: CivilDate, due: CivilDate) -> Bool {
        launch > due
    }
}
