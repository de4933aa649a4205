/// The bonuses that prioritise less developed regions and regions with specific challenges.
/// The defaults are domain.md's; a call may change them (`RankingPolicy`).
public struct PriorityPolicy: Sendable, Equatable {
    public var lessDevelopedBonus = 20
    public var transitionBonus = 10
    public var moreDevelopedBonus = 0
    public var perChallenge = 5
    public var challengeCap = 15

    public init() {}

    public func bonus(for category: RegionCategory) -> Int {
        switch category {
        case .lessDeveloped: lessDevelopedBonus
        case .transition: transitionBonus
        case .moreDeveloped: moreDevelopedBonus
        case .unknown: 0
        }
    }
}

/// An application's priority bonus with the reasons, line by line, for staff. Stored with the
/// application, so that every view of it (list, page, ranking, export) shows the same value.
public struct Priority: Sendable, Hashable, Codable {
    public let category: RegionCategory
    public let categoryBonus: Int
    public let challengeBonus: Int
    public let explanation: [String]
    /// True when the category is unknown, so staff are warned to set it.
    public var categoryMissing: Bool { category == .unknown }

    public var total: Int { categoryBonus + challengeBonus }

    /// - Parameters:
    ///   - territory: the region, or the country of a national application.
    ///   - regionCategory: the category of the region (ignored for a country).
    ///   - countryRegionCategories: the categories of the country's NUTS-2 regions (for a country).
    public static func compute(territory: Territory, regionCategory: RegionCategory?,
                               countryRegionCategories: [RegionCategory], challenges: [ChallengeKind],
                               policy: PriorityPolicy = PriorityPolicy()) -> Priority {
        var lines: [String] = []
        let category: RegionCategory
        switch territory {
        // The lines name no code: the territory is shown by name beside them on every page.
        case .region:
            category = regionCategory ?? .unknown
            lines.append(category == .unknown ? "The region has no category on record yet (2021–2027)"
                                              : "The region is \(category.label.lowercased()) (2021–2027)")
        case .country:
            category = majorityCategory(countryRegionCategories)
            lines.append("National application: most of the country's \(countryRegionCategories.count) regions are \(category.label.lowercased())" + tally(countryRegionCategories))
        }
        let categoryBonus = policy.bonus(for: category)
        lines.append("Category bonus: +\(categoryBonus)")
        let uncapped = challenges.count * policy.perChallenge
        let challengeBonus = min(uncapped, policy.challengeCap)
        if challenges.isEmpty {
            lines.append("No specific challenge declared: +0")
        } else {
            let names = challenges.map { $0.label.lowercased() }.joined(separator: ", ")
            lines.append("\(challenges.count) specific challenge\(challenges.count == 1 ? "" : "s") (\(names)) × \(policy.perChallenge) = \(uncapped)"
                         + (uncapped > challengeBonus ? ", capped at +\(policy.challengeCap)" : ": +\(challengeBonus)"))
        }
        lines.append("Priority bonus: \(categoryBonus + challengeBonus)")
        return Priority(category: category, categoryBonus: categoryBonus, challengeBonus: challengeBonus, explanation: lines)
    }

    /// No bonus at all: the territory is not a known region or country.
    public static func none(_ territory: String) -> Priority {
        Priority(category: .unknown, categoryBonus: 0, challengeBonus: 0,
                 explanation: ["“\(territory)” is not a known region or country: no bonus"])
    }

    /// The category most of a country's regions have; a tie goes to the less developed.
    /// Regions whose category is unknown do not vote; with none known the result is unknown.
    public static func majorityCategory(_ categories: [RegionCategory]) -> RegionCategory {
        let order: [RegionCategory] = [.lessDeveloped, .transition, .moreDeveloped]
        let counts = order.map { category in categories.filter { $0 == category }.count }
        guard let best = counts.max(), best > 0 else { return .unknown }
        return order[counts.firstIndex(of: best)!]
    }

    private static func tally(_ categories: [RegionCategory]) -> String {
        let parts = RegionCategory.allCases.compactMap { category -> String? in
            let count = categories.filter { $0 == category }.count
            return count == 0 ? nil : "\(count) \(category.label.lowercased())"
        }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }
}
