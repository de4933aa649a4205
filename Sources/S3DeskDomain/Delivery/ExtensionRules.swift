/// An extension of an assignment's planned end (domain.md, "Delivery: 20 expert days"): later
/// than the end it replaces, and never past the 6-month bound from the launch.
public enum ExtensionRules {
    public static let reasonLength = 10...2_000

    /// The new planned end, or every problem with the request by field.
    public static func check(requestedEnd raw: String, reason: String, launch: CivilDate, plannedEnd: CivilDate) throws(FieldErrors) -> CivilDate {
        var errors = FieldErrors()
        let latest = launch.adding(months: LaunchRules.longestMonths)
        let end = try? CivilDate(parsing: raw.trimmingCharacters(in: .whitespaces))
        if let end {
            if end <= plannedEnd {
                errors.add("plannedEndDate", "ask for a planned end after the current one, \(DateWording.long(plannedEnd))")
            } else if end > latest {
                errors.add("plannedEndDate", "the planned end cannot be after \(DateWording.long(latest)), \(LaunchRules.longestMonths) months after the launch on \(DateWording.long(launch))")
            }
        } else {
            errors.add("plannedEndDate", "give the new planned end as YYYY-MM-DD")
        }
        if !reasonLength.contains(reason.trimmingCharacters(in: .whitespacesAndNewlines).count) {
            errors.add("reason", "give the reason in 10 to 2,000 characters")
        }
        try errors.throwIfAny()
        guard let end else { throw errors }
        return end
    }

    /// Whether any extension is still possible: the planned end is not yet at the bound.
    public static func canExtend(launch: CivilDate, plannedEnd: CivilDate) -> Bool {
        plannedEnd < launch.adding(months: LaunchRules.longestMonths)
    }
}

/// Where an extension request stands.
public enum ExtensionStatus: String, CaseIterable, Codable, Sendable {
    case pending
    case approved
    case refused

    public var label: String {
        switch self {
        case .pending: "Awaiting the secretariat"
        case .approved: "Approved"
        case .refused: "Refused"
        }
    }
}
