import Foundation

/// Experts for a whole round: the assignment of experts to assignments with the largest total fit
/// under each expert's capacity and declared conflicts, computed exactly (domain.md, "Experts and
/// matching").
///
/// It is a min-cost flow solved by successive shortest augmenting paths, one assignment at a time,
/// as in Jonker–Volgenant and Crouse ("On implementing 2D rectangular assignment algorithms",
/// 2016; scipy's `linear_sum_assignment`). Two changes make it smaller than the plain assignment
/// problem with repeated columns: an expert is one node holding up to their capacity, and "no
/// expert" is one node of unlimited capacity at weight 0, so every assignment always has a way out.
public enum ExpertMatching {
    public struct Result: Sendable, Equatable {
        /// Per assignment row, the expert column; nil when the assignment stays without an expert.
        public let expertFor: [Int?]
        /// The sum of the scores of the cells used.
        public let total: Int

        public init(expertFor: [Int?], total: Int) {
            self.expertFor = expertFor
            self.total = total
        }

        /// How many assignments have an expert.
        public var served: Int { expertFor.reduce(0) { $1 == nil ? $0 : $0 + 1 } }
    }

    /// scores[a][e]: fit of expert e for assignment a; nil where e may not take a (conflict). capacity[e] ≥ 0.
    /// Maximises the total score; among equal totals, the number of assignments served. An assignment may stay without an expert.
    public static func optimal(scores: [[Int?]], capacity: [Int]) -> Result {
        let rows = scores.count
        guard rows > 0 else { return Result(expertFor: [], total: 0) }
        precondition(scores.allSatisfy { $0.count == capacity.count }, "one score per expert in every row")

        let search = Search(rows: rows, capacity: capacity)
        defer { search.deallocate() }
        for row in 0..<rows {
            search.place(row, scores: scores)
        }

        var expertFor: [Int?] = Array(repeating: nil, count: rows)
        var total = 0
        for row in 0..<rows where search.expertOf[row] >= 0 {
            let expert = search.expertOf[row]
            expertFor[row] = expert
            total += scores[row][expert]!
        }
        return Result(expertFor: expertFor, total: total)
    }

    /// Convenience for a round: fits every pair with FitScore (nil when not assignable for a conflict),
    /// capacities from ExpertFacts.capacity(forAssignmentsOf:) of each assignment's expertDays (the
    /// largest in the round), then `optimal`.
    public static func propose(_ needs: [AssignmentNeeds], experts: [ExpertFacts]) -> Result {
        guard let days = needs.map(\.expertDays).max() else { return Result(expertFor: [], total: 0) }
        return optimal(scores: scores(needs, experts: experts),
                       capacity: experts.map { $0.capacity(forAssignmentsOf: days) })
    }

    /// The FitScore of every expert for every assignment, nil where a declared conflict forbids
    /// the pair; days and assignments held are the capacity's business, not a cell's.
    public static func scores(_ needs: [AssignmentNeeds], experts: [ExpertFacts]) -> [[Int?]] {
        let prepared = experts.map(FitScore.PreparedExpert.init)
        return needs.map { needs in
            let preparedNeeds = FitScore.PreparedNeeds(needs)
            return experts.indices.map { expert in
                FitScore.conflict(prepared[expert], preparedNeeds) == nil
                    ? FitScore.score(experts[expert], prepared[expert], needs, preparedNeeds) : nil
            }
        }
    }
}

extension ExpertMatching {
    /// The successive shortest paths over the residual graph: assignment rows, expert columns and
    /// the "no expert" node. Node potentials keep every reduced cost non-negative so that each
    /// search is a Dijkstra; an expert with room left and "no expert" keep potential 0 throughout,
    /// so reaching one of them ends a search with nothing more to pay.
    ///
    /// A served cell costs -(score × (rows + 1) + 1): at most `rows` assignments are served, so a
    /// better total always outweighs serving more, and serving more breaks ties.
    ///
    /// The state lives in buffers allocated once for the round: the inner loop runs over every
    /// expert for every row, and arrays there would pay for uniqueness and bounds checks.
    struct Search {
        let rows: Int
        let scale: Int
        /// The largest score magnitude for which no distance or potential can overflow.
        let bound: UInt
        let experts: Int
        /// Not to be scanned: settled in the current search (their distance is final), or without
        /// capacity for good. A flag rather than a shrinking list of the others, so that the scan
        /// reads each row's cells forwards, which the processor's prefetching rewards several times over.
        let closed: UnsafeMutableBufferPointer<Bool>
        let room: UnsafeMutableBufferPointer<Int>
        let columnPotential: UnsafeMutableBufferPointer<Int>
        let distance: UnsafeMutableBufferPointer<Int>
        let predecessor: UnsafeMutableBufferPointer<Int>
        /// Per row its expert, -1 for none (or not placed yet).
        let expertOf: UnsafeMutableBufferPointer<Int>
        let rowPotential: UnsafeMutableBufferPointer<Int>
        let rowDistance: UnsafeMutableBufferPointer<Int>
        // The rows of each expert as linked lists, so that a full expert's rows are found at once.
        let firstRow: UnsafeMutableBufferPointer<Int>
        let nextRow: UnsafeMutableBufferPointer<Int>
        let previousRow: UnsafeMutableBufferPointer<Int>
        // What one search reached, to update the potentials after it.
        let scannedRows: UnsafeMutableBufferPointer<Int>
        let settledExperts: UnsafeMutableBufferPointer<Int>
        let frontier: UnsafeMutableBufferPointer<Int>

        init(rows: Int, capacity: [Int]) {
            func buffer(_ count: Int, _ value: Int) -> UnsafeMutableBufferPointer<Int> {
                let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(count, 1))
                buffer.initialize(repeating: value)
                return buffer
            }
            let experts = capacity.count
            self.rows = rows
            scale = rows + 1
            bound = UInt((Int.max / 4 / (rows + 2) - 1) / scale)
            self.experts = experts
            room = buffer(experts, 0)
            closed = .allocate(capacity: max(experts, 1))
            for expert in 0..<experts {
                // Nobody takes more than every assignment.
                room[expert] = min(max(capacity[expert], 0), rows)
                closed[expert] = room[expert] == 0
            }
            columnPotential = buffer(experts, 0)
            distance = buffer(experts, .max)
            predecessor = buffer(experts, -1)
            expertOf = buffer(rows, -1)
            rowPotential = buffer(rows, 0)
            rowDistance = buffer(rows, 0)
            firstRow = buffer(experts, -1)
            nextRow = buffer(rows, -1)
            previousRow = buffer(rows, -1)
            scannedRows = buffer(rows, 0)
            settledExperts = buffer(experts, 0)
            frontier = buffer(rows, 0)
        }

        func deallocate() {
            closed.deallocate()
            for buffer in [room, columnPotential, distance, predecessor, expertOf, rowPotential, rowDistance,
                           firstRow, nextRow, previousRow, scannedRows, settledExperts, frontier] {
                buffer.deallocate()
            }
        }

        /// Places `start` by the cheapest path from it to an expert with room or to "no expert",
        /// moving the rows on the way on to their next expert.
        func place(_ start: Int, scores: [[Int?]]) {
            // The arcs out of the new row may cost less than 0: Dijkstra still holds, as they are
            // all relaxed first and no arc leads back into it; distances are then all shifted alike.
            rowPotential[start] = 0
            rowDistance[start] = 0
            frontier[0] = start
            var frontierCount = 1
            var scannedCount = 0
            var settledCount = 0
            var noneDistance = Int.max
            var noneFrom = -1
            var sink = -1
            var sinkDistance: Int

            while true {
                // The last row's scan sees every distance lowered by the others, so its nearest
                // open expert is the search's.
                var nearest = (distance: Int.max, expert: -1, hasRoom: false)
                for index in 0..<frontierCount {
                    let row = frontier[index]
                    scannedRows[scannedCount] = row
                    scannedCount += 1
                    let base = rowDistance[row] + rowPotential[row]
                    if base < noneDistance {
                        noneDistance = base
                        noneFrom = row
                    }
                    nearest = scores[row].withUnsafeBufferPointer { relax(row, cells: $0, base: base) }
                }
                // On a tie, ending the search beats going on through a full expert.
                if noneDistance < nearest.distance || (noneDistance == nearest.distance && !nearest.hasRoom) {
                    sinkDistance = noneDistance
                    break
                }
                let expert = nearest.expert
                closed[expert] = true
                settledExperts[settledCount] = expert
                settledCount += 1
                if nearest.hasRoom {
                    sink = expert
                    sinkDistance = nearest.distance
                    break
                }
                frontierCount = 0
                var row = firstRow[expert]
                while row >= 0 {
                    rowDistance[row] = nearest.distance
                    frontier[frontierCount] = row
                    frontierCount += 1
                    row = nextRow[row]
                }
            }

            for index in 0..<settledCount {
                let expert = settledExperts[index]
                columnPotential[expert] += distance[expert] - sinkDistance
                closed[expert] = false
            }
            for index in 0..<scannedCount {
                let row = scannedRows[index]
                rowPotential[row] += rowDistance[row] - sinkDistance
            }
            var expert = sink
            while true {
                let row = expert < 0 ? noneFrom : predecessor[expert]
                let previous = expertOf[row]
                move(row, from: previous, to: expert)
                if row == start { break }
                expert = previous
            }
            distance.update(repeating: .max)
        }

        /// Dijkstra's relaxation of the arcs out of one row, finding the nearest open expert on the
        /// way; an expert with room wins a tie, as it ends the search.
        @inline(__always)
        private func relax(_ row: Int, cells: UnsafeBufferPointer<Int?>, base: Int) -> (distance: Int, expert: Int, hasRoom: Bool) {
            // In locals, so that the stores through them do not make the compiler reload them.
            let (closed, distance, predecessor, potential, room) = (closed, distance, predecessor, columnPotential, room)
            let (scale, bound) = (scale, bound)
            var (lowest, lowestAt, lowestHasRoom) = (Int.max, -1, false)
            for expert in 0..<experts where !closed[expert] {
                var reached = distance[expert]
                if let score = cells[expert] {
                    precondition(score.magnitude <= bound, "score \(score) too large for \(rows) assignments")
                    // Cannot overflow within the bound.
                    let through = base &- (score &* scale &+ 1) &- potential[expert]
                    if through < reached {
                        reached = through
                        distance[expert] = through
                        predecessor[expert] = row
                    }
                }
                if reached < lowest || (reached == lowest && !lowestHasRoom && room[expert] > 0) {
                    lowest = reached
                    lowestAt = expert
                    lowestHasRoom = room[expert] > 0
                }
            }
            return (lowest, lowestAt, lowestHasRoom)
        }

        private func move(_ row: Int, from old: Int, to new: Int) {
            if old >= 0 {
                if previousRow[row] >= 0 { nextRow[previousRow[row]] = nextRow[row] } else { firstRow[old] = nextRow[row] }
                if nextRow[row] >= 0 { previousRow[nextRow[row]] = previousRow[row] }
                room[old] += 1
            }
            expertOf[row] = new
            previousRow[row] = -1
            nextRow[row] = -1
            if new >= 0 {
                nextRow[row] = firstRow[new]
                if firstRow[new] >= 0 { previousRow[firstRow[new]] = row }
                firstRow[new] = row
                room[new] -= 1
            }
        }
    }
}
