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

/// A policy and the capacity of the call's rounds, as typed into the form or sent to the API:
/// any field may be missing or out of range.
public struct RankingPolicyInput: Sendable, Codable, Equatable {
    public var lessDevelopedBonus: Int?
    public var transitionBonus: Int?
    public var moreDevelopedBonus: Int?
    public var perChallenge: Int?
    public var challengeCap: Int?
    public var meritThreshold: Int?
    public var minimumAssessments: Int?
    public var capacityPerRound: Int?

    public init(lessDevelopedBonus: Int? = nil, transitionBonus: Int? = nil, moreDevelopedBonus: Int? = nil,
                perChallenge: Int? = nil, challengeCap: Int? = nil, meritThreshold: Int? = nil, minimumAssessments: Int? = nil,
                capacityPerRound: Int? = nil) {
        self.lessDevelopedBonus = lessDevelopedBonus
        self.transitionBonus = transitionBonus
        self.moreDevelopedBonus = moreDevelopedBonus
        self.perChallenge = perChallenge
        self.challengeCap = challengeCap
        self.meritThreshold = meritThreshold
        self.minimumAssessments = minimumAssessments
        self.capacityPerRound = capacityPerRound
    }

    /// What is in force, to show and to edit.
    public init(_ policy: RankingPolicy, capacity: Int) {
        self.init(lessDevelopedBonus: policy.lessDevelopedBonus, transitionBonus: policy.transitionBonus,
                  moreDevelopedBonus: policy.moreDevelopedBonus, perChallenge: policy.perChallenge,
                  challengeCap: policy.challengeCap, meritThreshold: policy.meritThreshold,
                  minimumAssessments: policy.minimumAssessments, capacityPerRound: capacity)
    }

    /// Every field is required, so a client never changes a rule by leaving it out; every
    /// problem is named at once.
    public func validated() throws(FieldErrors) -> (policy: RankingPolicy, capacity: Int) {
        var errors = FieldErrors()
        var policy = RankingPolicy()
        func take(_ value: Int?, _ field: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value else {
                errors.add(field, "give a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            guard range.contains(value) else {
                errors.add(field, "\(value) is outside \(range.lowerBound)–\(range.upperBound)")
                return nil
            }
            return value
        }
        let rules: [(Int?, String, ClosedRange<Int>, WritableKeyPath<RankingPolicy, Int>)] = [
            (lessDevelopedBonus, "lessDevelopedBonus", RankingPolicy.bonusRange, \.lessDevelopedBonus),
            (transitionBonus, "transitionBonus", RankingPolicy.bonusRange, \.transitionBonus),
            (moreDevelopedBonus, "moreDevelopedBonus", RankingPolicy.bonusRange, \.moreDevelopedBonus),
            (perChallenge, "perChallenge", RankingPolicy.bonusRange, \.perChallenge),
            (challengeCap, "challengeCap", RankingPolicy.bonusRange, \.challengeCap),
            (meritThreshold, "meritThreshold", RankingPolicy.thresholdRange, \.meritThreshold),
            (minimumAssessments, "minimumAssessments", RankingPolicy.assessmentsRange, \.minimumAssessments),
        ]
        for (value, field, range, keyPath) in rules {
            if let value = take(value, field, range) { policy[keyPath: keyPath] = value }
        }
        let capacity = take(capacityPerRound, "capacityPerRound", CallDefinition.capacityRange)
        try errors.throwIfAny()
        return (policy, capacity!)
    }
}
