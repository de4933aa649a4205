/// How a call ranks its rounds: the priority bonuses, the merit threshold and the number of
/// assessments a decision needs. The defaults are domain.md's; the secretariat may change them
/// per call. (The capacity of a round is the call's, set with its cut-off dates.)
public struct RankingPolicy: Sendable, Equatable, Codable {
    public var lessDevelopedBonus = 20
    public var transitionBonus = 10
    public var moreDevelopedBonus = 0
    public var perChallenge = 5
    public var challengeCap = 15
    /// Merit below this is not selectable.
    public var meritThreshold = 50
    /// Assessments needed before an application is ranked or decided.
    public var minimumAssessments = 2

    public init() {}

    public static let bonusRange = 0...100
    public static let thresholdRange = 0...100
    /// At least 2 (domain.md): with one, the merit shown in the ranking would be that one
    /// assessor's score, which others must not see before scoring.
    public static let assessmentsRange = 2...10

    public var priority: PriorityPolicy {
        var policy = PriorityPolicy()
        policy.lessDevelopedBonus = lessDevelopedBonus
        policy.transitionBonus = transitionBonus
        policy.moreDevelopedBonus = moreDevelopedBonus
        policy.perChallenge = perChallenge
        policy.challengeCap = challengeCap
        return policy
    }
}

/// A policy as typed into the form or sent to the API: any field may be missing or out of range.
public struct RankingPolicyInput: Sendable, Codable {
    public var lessDevelopedBonus: Int?
    public var transitionBonus: Int?
    public var moreDevelopedBonus: Int?
    public var perChallenge: Int?
    public var challengeCap: Int?
    public var meritThreshold: Int?
    public var minimumAssessments: Int?

    public init(lessDevelopedBonus: Int? = nil, transitionBonus: Int? = nil, moreDevelopedBonus: Int? = nil,
                perChallenge: Int? = nil, challengeCap: Int? = nil, meritThreshold: Int? = nil, minimumAssessments: Int? = nil) {
        self.lessDevelopedBonus = lessDevelopedBonus
        self.transitionBonus = transitionBonus
        self.moreDevelopedBonus = moreDevelopedBonus
        self.perChallenge = perChallenge
        self.challengeCap = challengeCap
        self.meritThreshold = meritThreshold
        self.minimumAssessments = minimumAssessments
    }

    /// Every field is required, so a client never changes a rule by leaving it out.
    public func validated() throws(FieldErrors) -> RankingPolicy {
        var errors = FieldErrors()
        var policy = RankingPolicy()
        func take(_ value: Int?, _ field: String, _ range: ClosedRange<Int>, _ keyPath: WritableKeyPath<RankingPolicy, Int>) {
            guard let value else {
                errors.add(field, "give a whole number from \(range.lowerBound) to \(range.upperBound)")
                return
            }
            guard range.contains(value) else {
                errors.add(field, "\(value) is outside \(range.lowerBound)–\(range.upperBound)")
                return
            }
            policy[keyPath: keyPath] = value
        }
        take(lessDevelopedBonus, "lessDevelopedBonus", RankingPolicy.bonusRange, \.lessDevelopedBonus)
        take(transitionBonus, "transitionBonus", RankingPolicy.bonusRange, \.transitionBonus)
        take(moreDevelopedBonus, "moreDevelopedBonus", RankingPolicy.bonusRange, \.moreDevelopedBonus)
        take(perChallenge, "perChallenge", RankingPolicy.bonusRange, \.perChallenge)
        take(challengeCap, "challengeCap", RankingPolicy.bonusRange, \.challengeCap)
        take(meritThreshold, "meritThreshold", RankingPolicy.thresholdRange, \.meritThreshold)
        take(minimumAssessments, "minimumAssessments", RankingPolicy.assessmentsRange, \.minimumAssessments)
        try errors.throwIfAny()
        return policy
    }
}
