/// The secretariat's decision on an application of a round.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    case selected
    case reserve
    case rejected

    /// The status the application takes once the round's decisions are endorsed.
    public var status: ApplicationStatus {
        switch self {
        case .selected: .selected
        case .reserve: .reserve
        case .rejected: .rejected
        }
    }

    public var label: String { status.label }
}

/// Why a decision cannot be taken (409): each message says what would make it possible.
public enum DecisionRefusal: Error, Sendable, Equatable {
    case tooFewAssessments(have: Int, need: Int)
    case belowThreshold(merit: Double, threshold: Int, decision: DecisionKind)
    case roundFull(capacity: Int)
    case launchPassed(launchDue: CivilDate)

    public var code: String {
        switch self {
        case .tooFewAssessments: "too_few_assessments"
        case .belowThreshold: "below_threshold"
        case .roundFull: "round_full"
        case .launchPassed: "launch_passed"
        }
    }

    public var message: String {
        switch self {
        case .tooFewAssessments(let have, let need):
            "a decision needs \(need) assessments; this application has \(have)"
        case .belowThreshold(let merit, let threshold, let decision):
            "merit \(Decimal2.format(merit)) is below the threshold of \(threshold): it cannot be \(decision == .reserve ? "put on the reserve list" : "selected")"
        case .roundFull(let capacity):
            "the round's \(capacity) place\(capacity == 1 ? " is" : "s are") taken: decide reserve, or free a place first"
        case .launchPassed(let launchDue):
            "the round's launch date \(launchDue) is past: a reserve application can no longer be promoted"
        }
    }
}

/// domain.md: a decision needs the minimum number of assessments; `selected` and `reserve` need
/// merit at or above the threshold ("the remaining ones at or above the threshold for the
/// reserve list"); `selected` needs a free place among the round's capacity.
public enum DecisionRules {
    /// - Parameters:
    ///   - scoreSum: the sum of the scoring assessors' totals scaled to 100, of `scoreCount` of them.
    ///   - selectedElsewhere: applications of the round already selected (or proposed for
    ///     selection), not counting this one.
    public static func refusal(of decision: DecisionKind, scoreSum: Int, scoreCount: Int, policy: RankingPolicy,
                               selectedElsewhere: Int, capacity: Int) -> DecisionRefusal? {
        guard scoreCount >= policy.minimumAssessments, let merit = Merit(sum: scoreSum, count: scoreCount) else {
            return .tooFewAssessments(have: scoreCount, need: policy.minimumAssessments)
        }
        guard decision != .rejected else { return nil }
        if merit.isBelow(policy.meritThreshold) {
            return .belowThreshold(merit: merit.value, threshold: policy.meritThreshold, decision: decision)
        }
        if decision == .selected, selectedElsewhere >= capacity { return .roundFull(capacity: capacity) }
        return nil
    }

    /// A reserve application can be promoted up to and including the round's launch due date.
    public static func promotionRefusal(today: CivilDate, launchDue: CivilDate) -> DecisionRefusal? {
        today > launchDue ? .launchPassed(launchDue: launchDue) : nil
    }
}
