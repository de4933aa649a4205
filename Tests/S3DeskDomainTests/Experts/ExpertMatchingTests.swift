import PropertyBased
import Testing
@testable import S3DeskDomain

@Suite("Experts for a whole round")
struct ExpertMatchingTests {
    @Test("the best total, where taking the best pair first would lose")
    func notGreedy() {
        // Greedy gives the first assignment expert 0 (90) and leaves the second without anyone.
        let result = ExpertMatching.optimal(scores: [[90, 80], [85, nil]], capacity: [1, 1])
        #expect(result.expertFor == [1, 0])
        #expect(result.total == 165)
    }

    @Test("the last assignment takes an expert by moving two others along")
    func chain() {
        // Expert 0 goes to the first assignment and expert 1 to the second, until the third,
        // which only expert 0 can take, moves both on: 20 becomes 26.
        let scores: [[Int?]] = [
            [10, 8, nil],
            [nil, 10, 8],
            [10, nil, nil],
        ]
        let result = ExpertMatching.optimal(scores: scores, capacity: [1, 1, 1])
        #expect(result.expertFor == [1, 2, 0])
        #expect(result.total == 26)
    }

    @Test("an expert with capacity 2 takes the two assignments they fit best")
    func capacityTwo() {
        let result = ExpertMatching.optimal(scores: [[50, 10], [60, nil], [70, nil]], capacity: [2, 1])
        #expect(result.expertFor == [1, 0, 0])
        #expect(result.total == 140)
        let alone = ExpertMatching.optimal(scores: [[50], [60], [70]], capacity: [2])
        #expect(alone.expertFor == [nil, 0, 0])
        #expect(alone.served == 2)
    }

    @Test("a conflict is never used, even when it would pay")
    func conflict() {
        let result = ExpertMatching.optimal(scores: [[nil, 10], [100, nil]], capacity: [1, 1])
        #expect(result.expertFor == [1, 0])
        let none = ExpertMatching.optimal(scores: [[nil]], capacity: [5])
        #expect(none.expertFor == [nil])
    }

    @Test("assignments stay without an expert when nobody can take them")
    func unassigned() {
        #expect(ExpertMatching.optimal(scores: [[nil], [nil]], capacity: [1]).expertFor == [nil, nil])
        #expect(ExpertMatching.optimal(scores: [[80], [90]], capacity: [0]) == .init(expertFor: [nil, nil], total: 0))
        #expect(ExpertMatching.optimal(scores: [[], []], capacity: []).expertFor == [nil, nil])
    }

    @Test("a score of 0 still serves, and equal totals serve as many as they can")
    func servedBreaksTies() {
        #expect(ExpertMatching.optimal(scores: [[0]], capacity: [1]).expertFor == [0])
        let result = ExpertMatching.optimal(scores: [[10, nil], [10, 0]], capacity: [1, 1])
        #expect(result.total == 10)
        #expect(result.served == 2)
        #expect(result.expertFor == [0, 1])
    }

    @Test("no assignments, no experts")
    func empty() {
        #expect(ExpertMatching.optimal(scores: [], capacity: []) == .init(expertFor: [], total: 0))
        #expect(ExpertMatching.optimal(scores: [], capacity: [2, 3]) == .init(expertFor: [], total: 0))
        #expect(ExpertMatching.propose([], experts: [ExpertFacts(freeDays: 40)]).expertFor.isEmpty)
        #expect(ExpertMatching.propose([AssignmentNeeds(countryCode: "PL")], experts: []).expertFor == [nil])
    }

    @Test("a round: conflicts keep an expert away, days and assignments held limit how many they take")
    func propose() {
        let needs = [
            AssignmentNeeds(topics: ["edp"], countryCode: "PL", territory: "PL21"),
            AssignmentNeeds(topics: ["edp"], countryCode: "EL", territory: "EL30"),
            AssignmentNeeds(topics: ["clusters"], countryCode: "BG", territory: "BG41"),
        ]
        let experts = [
            // Best for everything but conflicted in Poland; days for two assignments.
            ExpertFacts(topics: ["edp", "clusters"], countries: ["PL", "EL", "BG"], freeDays: 45, maxAssignments: 3,
                        conflictRegions: ["PL"]),
            ExpertFacts(topics: ["edp"], freeDays: 100, assignmentsHeld: 1, maxAssignments: 2),
            ExpertFacts(topics: ["edp", "clusters"], freeDays: 19, maxAssignments: 3),
        ]
        let scores = ExpertMatching.scores(needs, experts: experts)
        #expect(scores[0][0] == nil)
        #expect(scores[1][0] == 40 + 15 + 5)
        #expect(scores[0][1] == 40 + 5)
        #expect(scores[0][2] == 40)
        let result = ExpertMatching.propose(needs, experts: experts)
        // The third expert has no 20 days left, the second room for one more assignment.
        #expect(result.expertFor == [1, 0, 0])
        #expect(result.total == 45 + 60 + 60)
    }

    @Test("random small rounds: the best total and count, a feasible assignment, the total it claims")
    func againstBruteForce() async {
        await propertyCheck(count: 400, input: Gen.int(in: 1...5), Gen.int(in: 1...5),
                            Gen.int(in: 0...100).optional(valueRate: 0.8).array(of: 25), Gen.int(in: 0...3).array(of: 5)) {
            rows, experts, cells, capacities in
            check(Self.problem(rows, experts, cells, capacities))
        }
    }

    @Test("random small rounds with many equal scores")
    func againstBruteForceWithTies() async {
        await propertyCheck(count: 400, input: Gen.int(in: 1...5), Gen.int(in: 1...5),
                            Gen.int(in: 0...2).optional(valueRate: 0.7).array(of: 25), Gen.int(in: 0...3).array(of: 5)) {
            rows, experts, cells, capacities in
            check(Self.problem(rows, experts, cells, capacities))
        }
    }

    private static func problem(_ rows: Int, _ experts: Int, _ cells: [Int?], _ capacities: [Int]) -> (scores: [[Int?]], capacity: [Int]) {
        ((0..<rows).map { row in Array(cells[(row * 5)..<(row * 5 + experts)]) }, Array(capacities.prefix(experts)))
    }

    private func check(_ problem: (scores: [[Int?]], capacity: [Int])) {
        let (scores, capacity) = problem
        let result = ExpertMatching.optimal(scores: scores, capacity: capacity)
        var load = Array(repeating: 0, count: capacity.count)
        var sum = 0
        #expect(result.expertFor.count == scores.count)
        for (row, expert) in result.expertFor.enumerated() {
            guard let expert else { continue }
            guard let score = scores[row][expert] else {
                Issue.record("assignment \(row) got expert \(expert) despite a conflict in \(scores)")
                continue
            }
            load[expert] += 1
            sum += score
        }
        #expect(zip(load, capacity).allSatisfy { $0 <= $1 }, "over capacity: \(load) of \(capacity) in \(scores)")
        #expect(result.total == sum)
        let best = Self.bruteForce(scores, capacity)
        #expect(result.total == best.total, "\(scores) capacity \(capacity)")
        #expect(result.served == best.served, "\(scores) capacity \(capacity)")
    }

    /// Every way to give each assignment an allowed expert with room left, or none.
    private static func bruteForce(_ scores: [[Int?]], _ capacity: [Int]) -> (total: Int, served: Int) {
        var room = capacity
        var best = (total: 0, served: 0)
        func place(_ row: Int, _ total: Int, _ served: Int) {
            guard row < scores.count else {
                if total > best.total || (total == best.total && served > best.served) { best = (total, served) }
                return
            }
            place(row + 1, total, served)
            for (expert, score) in scores[row].enumerated() {
                guard let score, room[expert] > 0 else { continue }
                room[expert] -= 1
                place(row + 1, total + score, served + 1)
                room[expert] += 1
            }
        }
        place(0, 0, 0)
        return best
    }
}
