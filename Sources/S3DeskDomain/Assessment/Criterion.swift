/// The four merit criteria every assessor scores (domain.md, "Prioritisation and ranking").
public enum Criterion: String, CaseIterable, Codable, Sendable {
    case relevance
    case impact
    case ownership
    case feasibility

    public var label: String {
        switch self {
        case .relevance: "Relevance to the region's S3"
        case .impact: "Expected impact"
        case .ownership: "Ownership and commitment"
        case .feasibility: "Clarity and feasibility"
        }
    }

    /// What the assessor weighs, shown beside the score on the rubric.
    public var guidance: String {
        switch self {
        case .relevance:
            "Does the request address the region's smart specialisation strategy: its priority areas, its governance, its entrepreneurial discovery?"
        case .impact:
            "How far can the support change the region's innovation policy or practice, and will the change last after the assignment?"
        case .ownership:
            "Are the authority and the region's stakeholders committed to take part, give time, and use the results?"
        case .feasibility:
            "Is the request clear, and can it be achieved with 20 expert days over 3 to 6 months?"
        }
    }

    public static let scale = 0...5

    /// The meaning of each point of the scale, the same for every criterion.
    public static let scaleLabels = [
        "0 — not addressed", "1 — very weak", "2 — weak", "3 — adequate", "4 — good", "5 — excellent",
    ]
}
