import Foundation

/// What the ranking proposes for an application; the secretariat decides.
public enum Proposal: String, Codable, Sendable, CaseIterable {
    case select
    case reserve
    case notSelectable = "not_selectable"
    case incomplete

    public var label: String {
        switch self {
        case .select: "Select"
        case .reserve: "Reserve"
        case .notSelectable: "Not selectable"
        case .incomplete: "Incomplete"
        }
    }
}

/// An application of the round as the ranking sees it.
public struct RankingCandidate: Sendable {
    public let id: UUID
    public let reference: String
    public let submittedAt: Date
    public let priority: Priority
    /// The sum and the number of the scoring assessors' totals scaled to 0–100 (a declared
    /// conflict is not a score): all the ranking needs, so a database can add them up.
    public let scoreSum: Int
    public let scoreCount: Int
    public let conflicts: Int

    public init(id: UUID, reference: String, submittedAt: Date, priority: Priority, scoreSum: Int, scoreCount: Int, conflicts: Int = 0) {
        self.id = id
        self.reference = reference
        self.submittedAt = submittedAt
        self.priority = priority
        self.scoreSum = scoreSum
        self.scoreCount = scoreCount
        self.conflicts = conflicts
    }

    var merit: Merit? { Merit(sum: scoreSum, count: scoreCount) }
}

/// One line of the ranking.
public struct RankedApplication: Sendable {
    public let candidate: RankingCandidate
    /// Nil while the application has fewer assessments than the policy needs.
    public let rank: Int?
    /// Nil while incomplete too: with one assessment, the mean would be that assessor's score,
    /// which other assessors must not see before they have scored.
    public let merit: Merit?
    public let proposal: Proposal
    /// What the explanation needs beyond the line itself, kept so that it is written only for
    /// the lines shown (a round of 10,000 shows 50 of them).
    let context: Ranking.ExplanationContext

    /// Why, in plain words, line by line.
    public var explanation: [String] { Ranking.explanation(of: self) }

    public var priorityBonus: Int { candidate.priority.total }
    public var total: Double? { merit.map { $0.plus(priorityBonus).value } }
    public var assessments: Int { candidate.scoreCount }
}

/// The prioritised ranking of a round (domain.md, "Prioritisation and ranking").
public enum Ranking {
    /// Ranks complete applications by total, then priority bonus, then earlier submission, then
    /// application number; proposes the best ones at or above the merit threshold for the
    /// round's `capacity` places and the rest at or above it for the reserve. Incomplete ones
    /// follow, unranked, in the same order without the total.
    public static func rank(_ candidates: [RankingCandidate], policy: RankingPolicy, capacity: Int) -> [RankedApplication] {
        let complete = candidates.filter { $0.scoreCount >= policy.minimumAssessments }
            .sorted { order($0, $1).first }
        let incomplete = candidates.filter { $0.scoreCount < policy.minimumAssessments }
            .sorted { tieBreak($0, $1).first }

        var ranked: [RankedApplication] = []
        ranked.reserveCapacity(candidates.count)
        var places = 0
        for (index, candidate) in complete.enumerated() {
            let merit = candidate.merit!
            let proposal: Proposal
            if merit.isBelow(policy.meritThreshold) {
                proposal = .notSelectable
            } else if places < capacity {
                places += 1
                proposal = .select
            } else {
                proposal = .reserve
            }
            let sum = merit.plus(candidate.priority.total)
            let context = ExplanationContext(
                policy: policy, capacity: capacity, place: places, rankedCount: complete.count,
                tiedAbove: index > 0 && sum == total(of: complete[index - 1]) ? complete[index - 1] : nil,
                tiedBelow: index + 1 < complete.count && sum == total(of: complete[index + 1]) ? complete[index + 1] : nil)
            ranked.append(RankedApplication(candidate: candidate, rank: index + 1, merit: merit, proposal: proposal, context: context))
        }
        for candidate in incomplete {
            ranked.append(RankedApplication(candidate: candidate, rank: nil, merit: nil, proposal: .incomplete, context: ExplanationContext(
                policy: policy, capacity: capacity, place: places, rankedCount: complete.count, tiedAbove: nil, tiedBelow: nil)))
        }
        return ranked
    }

    /// The rest of the ranking as one line's explanation needs it.
    struct ExplanationContext: Sendable {
        let policy: RankingPolicy
        let capacity: Int
        /// Places taken by this line and the lines above it.
        let place: Int
        let rankedCount: Int
        /// The neighbours with the same total, whose order a tie-break decided.
        let tiedAbove: RankingCandidate?
        let tiedBelow: RankingCandidate?
    }

    static func explanation(of line: RankedApplication) -> [String] {
        let candidate = line.candidate
        let context = line.context
        let policy = context.policy
        guard let rank = line.rank, let merit = line.merit else {
            let count = candidate.scoreCount
            return [count == 0 ? "No assessment yet: \(policy.minimumAssessments) needed"
                               : "\(count) assessment\(count == 1 ? "" : "s") of the \(policy.minimumAssessments) needed: not ranked until the others are in"]
                + conflictLines(candidate) + candidate.priority.explanation
                + ["Incomplete: no proposal before \(policy.minimumAssessments) assessments"]
        }
        var lines = [meritLine(merit)] + conflictLines(candidate) + candidate.priority.explanation
        let sum = merit.plus(candidate.priority.total)
        lines.append("Total: merit \(Decimal2.format(merit.value)) + priority bonus \(candidate.priority.total) = \(Decimal2.format(sum.value))")
        lines.append("Rank \(rank) of \(context.rankedCount)")
        if let above = context.tiedAbove { lines.append(tieLine(candidate, above, rank: rank - 1, above: false)) }
        if let below = context.tiedBelow { lines.append(tieLine(candidate, below, rank: rank + 1, above: true)) }
        lines.append(proposalLine(line.proposal, merit: merit, place: context.place, capacity: context.capacity, threshold: policy.meritThreshold))
        return lines
    }

    /// Which key of the ranking order decided between two applications.
    enum Key: Equatable {
        case total, priorityBonus, submission, number
    }

    /// True when `a` ranks above `b`, and the key that decided it.
    static func order(_ a: RankingCandidate, _ b: RankingCandidate) -> (first: Bool, key: Key) {
        let ta = total(of: a), tb = total(of: b)
        if ta != tb { return (ta > tb, .total) }
        return tieBreak(a, b)
    }

    /// The order among equal totals: priority bonus, then earlier submission, then number.
    static func tieBreak(_ a: RankingCandidate, _ b: RankingCandidate) -> (first: Bool, key: Key) {
        if a.priority.total != b.priority.total { return (a.priority.total > b.priority.total, .priorityBonus) }
        if a.submittedAt != b.submittedAt { return (a.submittedAt < b.submittedAt, .submission) }
        return (a.reference.compare(b.reference, options: .numeric) == .orderedAscending, .number)
    }

    private static func total(of candidate: RankingCandidate) -> Fraction {
        candidate.merit?.plus(candidate.priority.total) ?? Fraction(numerator: 0, denominator: 1)
    }

    private static func meritLine(_ merit: Merit) -> String {
        "Merit \(Decimal2.format(merit.value)): the mean of \(merit.count) assessors' totals, each out of 20 scaled to 100"
    }

    private static func conflictLines(_ candidate: RankingCandidate) -> [String] {
        switch candidate.conflicts {
        case 0: []
        case 1: ["1 assessor declared a conflict of interest and did not score it"]
        default: ["\(candidate.conflicts) assessors declared a conflict of interest and did not score it"]
        }
    }

    private static func tieLine(_ candidate: RankingCandidate, _ other: RankingCandidate, rank: Int, above: Bool) -> String {
        let side = above ? "above" : "below"
        let because: String
        switch tieBreak(candidate, other).key {
        case .priorityBonus:
            because = "its priority bonus is \(above ? "higher" : "lower") (\(candidate.priority.total) against \(other.priority.total))"
        case .submission:
            because = "it was submitted \(above ? "earlier" : "later") (\(Instant.format(candidate.submittedAt)) against \(Instant.format(other.submittedAt)))"
        case .total, .number:
            because = "with the same bonus and submission instant, its application number is \(above ? "lower" : "higher")"
        }
        return "Same total as \(other.reference) (rank \(rank)): placed \(side) it because \(because)"
    }

    private static func proposalLine(_ proposal: Proposal, merit: Merit, place: Int, capacity: Int, threshold: Int) -> String {
        switch proposal {
        case .select:
            "Proposed for selection: merit is at least \(threshold), and it takes place \(place) of the round's \(capacity)"
        case .reserve:
            "Proposed for the reserve list: merit is at least \(threshold), but the round's \(capacity) place\(capacity == 1 ? " goes" : "s go") to applications ranked higher"
        case .notSelectable:
            "Not selectable: merit \(Decimal2.format(merit.value)) is below the threshold of \(threshold)"
        case .incomplete:
            "Incomplete"
        }
    }
}
