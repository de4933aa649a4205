import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Ranking of a round: merit, priority bonus, ties and proposals")
struct RankingTests {
    private static let start = Instant.parse("2026-03-02T09:00:00Z")!

    /// A candidate submitted `minutes` after the start, with hand-picked scaled scores.
    private func candidate(_ reference: String, region category: RegionCategory? = nil, country categories: [RegionCategory] = [],
                           challenges: [ChallengeKind] = [], scores: [Int], conflicts: Int = 0, minutes: Int = 0,
                           policy: RankingPolicy = RankingPolicy()) -> RankingCandidate {
        let territory: Territory = category == nil ? .country("PL") : .region("XX00")
        let priority = Priority.compute(territory: territory, regionCategory: category, countryRegionCategories: categories,
                                        challenges: challenges, policy: policy.priority)
        return RankingCandidate(id: UUID(), reference: reference, submittedAt: Self.start.addingTimeInterval(Double(minutes) * 60),
                                priority: priority, scoreSum: scores.reduce(0, +), scoreCount: scores.count, conflicts: conflicts)
    }

    private func byReference(_ ranked: [RankedApplication]) -> [String: RankedApplication] {
        Dictionary(uniqueKeysWithValues: ranked.map { ($0.candidate.reference, $0) })
    }

    @Test("a round worked by hand: totals, the bonus tie-break, a national application, the threshold and the capacity")
    func handComputed() throws {
        let candidates = [
            // less developed +20, one challenge +5 = 25; merit (70 + 80) / 2 = 75; total 100
            candidate("A", region: .lessDeveloped, challenges: [.green], scores: [70, 80], minutes: 5),
            // more developed 0, three challenges +15 = 15; merit 85; total 100: ties A, A's bonus is higher
            candidate("B", region: .moreDeveloped, challenges: [.green, .digital, .demographic], scores: [85, 85], minutes: 1),
            // transition +10; merit 92.5; total 102.5
            candidate("C", region: .transition, scores: [90, 95], minutes: 9),
            // national: 2 of 4 regions less developed → +20; four challenges 20 capped at 15 → 35;
            // merit 42.5 below 50; total 77.5
            candidate("D", country: [.lessDeveloped, .lessDeveloped, .moreDeveloped, .transition],
                      challenges: [.green, .digital, .demographic, .geographic], scores: [40, 45]),
            // bonus 0; merit 190 / 3 = 63.33; total 63.33
            candidate("E", region: .moreDeveloped, scores: [60, 65, 65], conflicts: 1),
            // one assessment of two: incomplete
            candidate("F", region: .lessDeveloped, scores: [100], minutes: 3),
            // none: incomplete, submitted before F with the same bonus, so listed first
            candidate("G", region: .lessDeveloped, scores: [], minutes: 2),
        ]
        let ranked = Ranking.rank(candidates, policy: RankingPolicy(), capacity: 2)
        #expect(ranked.map(\.candidate.reference) == ["C", "A", "B", "D", "E", "G", "F"])
        #expect(ranked.map(\.rank) == [1, 2, 3, 4, 5, nil, nil])
        #expect(ranked.map(\.proposal) == [.select, .select, .reserve, .notSelectable, .reserve, .incomplete, .incomplete])
        #expect(ranked.map(\.priorityBonus) == [10, 25, 15, 35, 0, 20, 20])
        #expect(ranked.map { $0.total.map(Decimal2.round) } == [102.5, 100, 100, 77.5, 63.33, nil, nil])
        #expect(ranked.map { $0.merit?.value.rounded() } == [93, 75, 85, 43, 63, nil, nil])

        let rows = byReference(ranked)
        let a = try #require(rows["A"]).explanation
        #expect(a.contains("Merit 75: the mean of 2 assessors' totals, each out of 20 scaled to 100"))
        #expect(a.contains("Total: merit 75 + priority bonus 25 = 100"))
        #expect(a.contains("Rank 2 of 5"))
        #expect(a.contains("Same total as B (rank 3): placed above it because its priority bonus is higher (25 against 15)"))
        #expect(a.last == "Proposed for selection: merit is at least 50, and it takes place 2 of the round's 2")
        let b = try #require(rows["B"]).explanation
        #expect(b.contains("Same total as A (rank 2): placed below it because its priority bonus is lower (15 against 25)"))
        #expect(b.last == "Proposed for the reserve list: merit is at least 50, but the round's 2 places go to applications ranked higher")
        let d = try #require(rows["D"]).explanation
        #expect(d.contains("National application: most of the country's 4 regions are less developed (2 less developed, 1 transition, 1 more developed)"))
        #expect(d.contains("4 specific challenges (green transition, digital transition, demographic, geographic) × 5 = 20, capped at +15"))
        #expect(d.last == "Not selectable: merit 42.5 is below the threshold of 50")
        #expect(try #require(rows["E"]).explanation.contains("1 assessor declared a conflict of interest and did not score it"))
        #expect(try #require(rows["E"]).explanation.contains("Total: merit 63.33 + priority bonus 0 = 63.33"))
        #expect(try #require(rows["F"]).explanation.first == "1 assessment of the 2 needed: not ranked until the others are in")
        #expect(try #require(rows["G"]).explanation.first == "No assessment yet: 2 needed")
        #expect(rows["F"]?.merit == nil, "one assessor's score is not shown as the merit")
    }

    @Test("equal totals and bonuses: the earlier submission first, then the lower application number")
    func submissionAndNumberTies() throws {
        let ranked = Ranking.rank([
            candidate("TS-2026-10000", region: .transition, scores: [80, 80], minutes: 0),
            candidate("TS-2026-0002", region: .transition, scores: [80, 80], minutes: 7),
            candidate("TS-2026-9999", region: .transition, scores: [80, 80], minutes: 0),
            candidate("TS-2026-0001", region: .transition, scores: [80, 80], minutes: 3),
        ], policy: RankingPolicy(), capacity: 10)
        // Numbers compare as numbers: 9999 before 10000.
        #expect(ranked.map(\.candidate.reference) == ["TS-2026-9999", "TS-2026-10000", "TS-2026-0001", "TS-2026-0002"])
        let first = ranked[0].explanation
        #expect(first.contains("Same total as TS-2026-10000 (rank 2): placed above it because with the same bonus and submission instant, its application number is lower"))
        let third = ranked[2].explanation
        #expect(third.contains("Same total as TS-2026-10000 (rank 2): placed below it because it was submitted later (2026-03-02T09:03:00.000Z against 2026-03-02T09:00:00.000Z)"))
        #expect(third.contains("Same total as TS-2026-0002 (rank 4): placed above it because it was submitted earlier (2026-03-02T09:03:00.000Z against 2026-03-02T09:07:00.000Z)"))
    }

    @Test("a mean of two and a mean of four that are equal tie exactly")
    func exactMeans() {
        let ranked = Ranking.rank([
            candidate("X", region: .moreDeveloped, scores: [70, 85, 75, 80], minutes: 1), // 310 / 4 = 77.5
            candidate("Y", region: .moreDeveloped, scores: [75, 80], minutes: 2),         // 155 / 2 = 77.5
            candidate("Z", region: .moreDeveloped, scores: [65, 65, 70], minutes: 0),     // 200 / 3 = 66.67
        ], policy: RankingPolicy(), capacity: 10)
        #expect(ranked.map(\.candidate.reference) == ["X", "Y", "Z"], "X and Y tie on total; X was submitted first")
        #expect(ranked[0].explanation.contains { $0.hasPrefix("Same total as Y (rank 2): placed above it because it was submitted earlier") })
        #expect(ranked[2].explanation.contains("Merit 66.67: the mean of 3 assessors' totals, each out of 20 scaled to 100"))
    }

    @Test("merit exactly at the threshold is selectable; just below is not")
    func threshold() {
        let ranked = Ranking.rank([
            candidate("AT", region: .moreDeveloped, scores: [50, 50]),
            candidate("BELOW", region: .lessDeveloped, scores: [45, 50, 50]), // 48.33 + 20 ranks first, but below 50
        ], policy: RankingPolicy(), capacity: 1)
        #expect(ranked.map(\.candidate.reference) == ["BELOW", "AT"])
        #expect(ranked.map(\.proposal) == [.notSelectable, .select], "a not selectable application takes no place")
    }

    @Test("a call's own policy: other bonuses, a higher threshold and three assessments")
    func customPolicy() throws {
        var policy = RankingPolicy()
        policy.transitionBonus = 30
        policy.perChallenge = 10
        policy.challengeCap = 10
        policy.meritThreshold = 80
        policy.minimumAssessments = 3
        let ranked = Ranking.rank([
            candidate("T", region: .transition, challenges: [.green, .digital], scores: [70, 70, 70], policy: policy),   // 70 + 40
            candidate("L", region: .lessDeveloped, challenges: [.green], scores: [90, 90, 90], policy: policy),          // 90 + 30
            candidate("TWO", region: .lessDeveloped, scores: [100, 100], policy: policy),                                // incomplete
        ], policy: policy, capacity: 5)
        #expect(ranked.map(\.candidate.reference) == ["L", "T", "TWO"])
        #expect(ranked.map(\.priorityBonus) == [30, 40, 20])
        #expect(ranked.map(\.proposal) == [.select, .notSelectable, .incomplete])
        #expect(try #require(ranked.last).explanation.first == "2 assessments of the 3 needed: not ranked until the others are in")
        #expect(ranked[0].explanation.contains("1 specific challenge (green transition) × 10 = 10: +10"))
        #expect(ranked[1].explanation.contains("2 specific challenges (green transition, digital transition) × 10 = 20, capped at +10"))
    }

    @Test("a capacity of zero proposes everyone selectable for the reserve; an empty round ranks nothing")
    func edges() {
        #expect(Ranking.rank([], policy: RankingPolicy(), capacity: 10).isEmpty)
        let ranked = Ranking.rank([candidate("A", region: .transition, scores: [60, 60])], policy: RankingPolicy(), capacity: 0)
        #expect(ranked.map(\.proposal) == [.reserve])
    }

    @Test("numbers read as people write them")
    func decimals() {
        #expect(Decimal2.format(77.5) == "77.5")
        #expect(Decimal2.format(200.0 / 3) == "66.67")
        #expect(Decimal2.format(80) == "80")
        #expect(Decimal2.format(100.0 / 3 + 0.0001) == "33.33")
        #expect(Decimal2.format(50.05) == "50.05")
        #expect(Decimal2.round(190.0 / 3) == 63.33)
    }
}
