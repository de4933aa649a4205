/// One assessor's scores, each from 0 to 5 (a value outside is refused, never clamped).
public struct Scores: Sendable, Equatable, Codable {
    public let relevance: Int
    public let impact: Int
    public let ownership: Int
    public let feasibility: Int

    /// Checks every criterion at once, so the assessor learns all problems in one go.
    public static func validated(relevance: Int?, impact: Int?, ownership: Int?, feasibility: Int?) throws(FieldErrors) -> Scores {
        var errors = FieldErrors()
        let given: [(Criterion, Int?)] = [(.relevance, relevance), (.impact, impact), (.ownership, ownership), (.feasibility, feasibility)]
        for (criterion, value) in given {
            guard let value else {
                errors.add("scores.\(criterion.rawValue)", "score \(criterion.label.lowercased()) from 0 to 5")
                continue
            }
            if !Criterion.scale.contains(value) {
                errors.add("scores.\(criterion.rawValue)", "\(value) is outside the scale: score from 0 to 5")
            }
        }
        try errors.throwIfAny()
        return Scores(relevance: relevance!, impact: impact!, ownership: ownership!, feasibility: feasibility!)
    }

    public init(relevance: Int, impact: Int, ownership: Int, feasibility: Int) {
        self.relevance = relevance
        self.impact = impact
        self.ownership = ownership
        self.feasibility = feasibility
    }

    public subscript(criterion: Criterion) -> Int {
        switch criterion {
        case .relevance: relevance
        case .impact: impact
        case .ownership: ownership
        case .feasibility: feasibility
        }
    }

    /// The assessor's total, 0 to 20.
    public var total: Int { relevance + impact + ownership + feasibility }

    /// The total scaled to 0–100: 20 points are 100, so each point is 5.
    public var scaled: Int { total * 5 }
}
