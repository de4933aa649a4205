/// Every figure the dashboard and `GET /reports/summary` show, computed from `MonitoringFacts`
/// (docs/rules.md, "Monitoring", says what each one counts).
public struct MonitoringSummary: Sendable {
    /// Applications submitted (every status but draft): the requests the service received.
    public let applications: Int
    public let drafts: Int
    /// Submitted applications whose selection was endorsed, withdrawn or cancelled since included.
    public let selected: Int
    /// Every status in lifecycle order, drafts included, zeros kept so the table never moves.
    public let byStatus: [Count]
    /// Submitted applications per round, in round order.
    public let byRound: [Count]
    /// The rest count submitted applications, most first (then by key).
    public let byCountry: [Count]
    public let byCategory: [Count]
    public let byTopic: [Count]
    public let byChallenge: [Count]
    public let reach: [Reach]
    public let timeliness: [RoundTimeliness]
    public let delivery: Delivery
    public let satisfaction: Satisfaction
    public let assessors: [AssessorLoad]
    /// Applications scored by two or more assessors, the widest spread first.
    public let disagreements: [Disagreement]

    public struct Count: Sendable, Equatable {
        public let key: String
        public let count: Int
    }

    /// Whom the service reaches: a group's share of the applications beside its share of the selections.
    public struct Reach: Sendable, Equatable {
        public enum Group: Sendable, Equatable {
            case category(RegionCategory)
            case challenge(ChallengeKind)

            public var key: String {
                switch self {
                case .category(let category): category.rawValue
                case .challenge(let challenge): "challenge_" + challenge.rawValue
                }
            }

            public var label: String {
                switch self {
                case .category(let category): "\(category.label) regions"
                case .challenge(let challenge): "Challenge: \(challenge.label.lowercased())"
                }
            }
        }

        public let group: Group
        public let applications: Int
        public let selected: Int
        /// Of all submitted applications; nil when there are none.
        public let applicationShare: Double?
        /// Of all selected applications; nil when none is selected yet.
        public let selectedShare: Double?
    }

    public struct RoundTimeliness: Sendable {
        public let round: MonitoringFacts.Round
        /// Topic-definition meetings against `C + 1 month`.
        public let meetings: Target
        /// Launches against `C + 2 months`.
        public let launches: Target
    }

    /// How one round met one target.
    public struct Target: Sendable, Equatable {
        public let due: CivilDate
        /// Selections that need the step, and any application that took it anyway.
        public let expected: Int
        public let onTime: Int
        /// Taken after the due date, or still not taken once it has passed.
        public let late: Int
        /// Not taken yet, and not due yet.
        public let pending: Int
        /// Steps taken, and their days from the cut-off added up.
        public let taken: Int
        public let totalDays: Int
        public let worstDays: Int?
        /// On time of those decided (on time or late); nil while none is.
        public let shareOnTime: Double?
        /// The late ones, latest first.
        public let lateItems: [Late]

        /// Days from the cut-off to the step, over the steps taken.
        public var meanDays: Double? { taken == 0 ? nil : Double(totalDays) / Double(taken) }

        /// Several rounds' as one: their steps pooled, not their means averaged.
        public static func pooled(_ targets: [Target]) -> Pooled {
            let onTime = targets.reduce(0) { $0 + $1.onTime }
            let late = targets.reduce(0) { $0 + $1.late }
            let taken = targets.reduce(0) { $0 + $1.taken }
            return Pooled(expected: targets.reduce(0) { $0 + $1.expected }, onTime: onTime, late: late,
                          pending: targets.reduce(0) { $0 + $1.pending },
                          meanDays: taken == 0 ? nil : Double(targets.reduce(0) { $0 + $1.totalDays }) / Double(taken),
                          worstDays: targets.compactMap(\.worstDays).max(), shareOnTime: share(onTime, of: onTime + late))
        }
    }

    /// Every round's steps of one kind together.
    public struct Pooled: Sendable, Equatable {
        public let expected: Int
        public let onTime: Int
        public let late: Int
        public let pending: Int
        public let meanDays: Double?
        public let worstDays: Int?
        public let shareOnTime: Double?
    }

    public var meetings: Pooled { Target.pooled(timeliness.map(\.meetings)) }
    public var launches: Pooled { Target.pooled(timeliness.map(\.launches)) }

    public struct Late: Sendable, Equatable {
        public let applicationID: String
        public let reference: String
        /// Nil: not taken yet.
        public let date: CivilDate?
        public let daysLate: Int
    }

    public struct Delivery: Sendable, Equatable {
        /// Every launched assignment (running, closed, or ended after its launch), in launch order.
        public let assignments: [MonitoringFacts.Assignment]
        public let used: ExpertDays
        public let budget: ExpertDays
    }

    public struct Satisfaction: Sendable, Equatable {
        public let responses: Int
        public let mean: Double?
        /// How many gave 1, 2, 3, 4 and 5.
        public let distribution: [Int]
    }

    public struct AssessorLoad: Sendable, Equatable {
        public let assessorID: String
        public let name: String
        public let scored: Int
        public let conflicts: Int
    }

    public struct Disagreement: Sendable, Equatable {
        public let applicationID: String
        public let reference: String
        public let assessments: Int
        /// The lowest and highest assessor's total, scaled to 0–100 as merit is.
        public let lowest: Int
        public let highest: Int
        public var spread: Int { highest - lowest }
    }
}

extension MonitoringSummary {
    public init(_ facts: MonitoringFacts) {
        let submitted = facts.applications.filter { $0.status != .draft }
        let selections = submitted.filter(\.selected)
        applications = submitted.count
        drafts = facts.applications.count - submitted.count
        selected = selections.count
        byStatus = ApplicationStatus.allCases.map { status in Count(key: status.rawValue, count: facts.applications.count { $0.status == status }) }
        byRound = facts.rounds.sorted { $0.number < $1.number }.map { round in Count(key: round.id, count: submitted.count { $0.roundID == round.id }) }
        byCountry = Self.tally(submitted.map(\.countryCode))
        byCategory = RegionCategory.allCases.map { category in Count(key: category.rawValue, count: submitted.count { $0.category == category }) }
        byTopic = Self.tally(submitted.flatMap { Set($0.topics) })
        byChallenge = ChallengeKind.allCases.map { kind in Count(key: kind.rawValue, count: submitted.count { $0.challenges.contains(kind) }) }
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        let groups = RegionCategory.allCases.map { category in
            (Reach.Group.category(category), { (application: MonitoringFacts.Application) in application.category == category })
        } + ChallengeKind.allCases.map { kind in
            (Reach.Group.challenge(kind), { (application: MonitoringFacts.Application) in application.challenges.contains(kind) })
        }
        reach = groups.map { group, member in
            let inApplications = submitted.count(where: member)
            let inSelected = selections.count(where: member)
            return Reach(group: group, applications: inApplications, selected: inSelected,
                         applicationShare: Self.share(inApplications, of: submitted.count),
                         selectedShare: Self.share(inSelected, of: selections.count))
        }
        let byRoundID = Dictionary(grouping: submitted) { $0.roundID ?? "" }
        timeliness = facts.rounds.sorted { $0.number < $1.number }.map { round in
            let members = byRoundID[round.id] ?? []
            return RoundTimeliness(round: round,
                                   meetings: Self.target(members, due: round.meetingsDue, round: round, step: \.topicMeeting),
                                   launches: Self.target(members, due: round.launchDue, round: round, step: \.launch))
        }
        let launched = facts.assignments.filter { $0.launch != nil }
            .sorted { ($0.launch!, $0.reference) < ($1.launch!, $1.reference) }
        delivery = Delivery(assignments: launched, used: ExpertDays(halves: launched.reduce(0) { $0 + $1.used.halves }),
                            budget: ExpertDays(halves: launched.reduce(0) { $0 + $1.budget.halves }))
        let ratings = facts.assignments.compactMap(\.satisfaction).filter { (1...5).contains($0) }
        satisfaction = Satisfaction(responses: ratings.count,
                                    mean: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count),
                                    distribution: (1...5).map { score in ratings.count { $0 == score } })
        assessors = Dictionary(grouping: facts.assessments, by: \.assessorID).map { id, theirs in
            AssessorLoad(assessorID: id, name: theirs[0].assessorName, scored: theirs.count { $0.scoreSum != nil },
                         conflicts: theirs.count { $0.scoreSum == nil })
        }.sorted { ($1.scored, $0.name, $0.assessorID) < ($0.scored, $1.name, $1.assessorID) }
        // Only once the round's decisions are endorsed: while it is assessed, the lowest and the
        // highest of two totals are each assessor's own score, which others may not see yet.
        let endorsed = Set(facts.applications.filter { Self.pastEndorsement.contains($0.status) }.map(\.id))
        disagreements = Dictionary(grouping: facts.assessments.filter { $0.scoreSum != nil && endorsed.contains($0.applicationID) }, by: \.applicationID)
            .compactMap { id, scored -> Disagreement? in
                let totals = scored.compactMap(\.scoreSum).map { $0 * 5 }
                guard totals.count >= 2, let lowest = totals.min(), let highest = totals.max() else { return nil }
                return Disagreement(applicationID: id, reference: scored[0].reference, assessments: totals.count, lowest: lowest, highest: highest)
            }
            .sorted { ($1.spread, $0.reference) < ($0.spread, $1.reference) }
    }

    /// Statuses an application reaches only through the Commission's endorsement.
    public static let pastEndorsement: Set<ApplicationStatus> = [.selected, .reserve, .rejected, .scoping, .launched, .completed]

    /// One round's step (`step`) against its due date. An application is expected to take it
    /// while it holds its selection; one withdrawn after taking it still counts what it did.
    private static func target(_ members: [MonitoringFacts.Application], due: CivilDate, round: MonitoringFacts.Round,
                               step: KeyPath<MonitoringFacts.Application, CivilDate?>) -> Target {
        let expected = members.filter { $0[keyPath: step] != nil || ($0.selected && ![.withdrawn, .cancelled].contains($0.status)) }
        let taken = expected.compactMap { application in application[keyPath: step].map { (application, $0) } }
        let days = taken.map { round.cutoff.days(until: $0.1) }
        var late: [Late] = taken.filter { $0.1 > due }.map { Late(applicationID: $0.0.id, reference: $0.0.reference, date: $0.1, daysLate: due.days(until: $0.1)) }
        var pending = 0
        for application in expected where application[keyPath: step] == nil {
            if round.today > due {
                late.append(Late(applicationID: application.id, reference: application.reference, date: nil, daysLate: due.days(until: round.today)))
            } else {
                pending += 1
            }
        }
        let onTime = taken.count { $0.1 <= due }
        return Target(due: due, expected: expected.count, onTime: onTime, late: late.count, pending: pending,
                      taken: days.count, totalDays: days.reduce(0, +), worstDays: days.max(),
                      shareOnTime: share(onTime, of: onTime + late.count),
                      lateItems: late.sorted { ($1.daysLate, $0.reference) < ($0.daysLate, $1.reference) })
    }

    private static func tally(_ keys: [String]) -> [Count] {
        Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +).map { Count(key: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}

extension MonitoringFacts {
    /// The facts of one round, country or category of region, as the dashboard's filters ask;
    /// assignments and assessments follow their applications.
    public func filtered(roundID: String? = nil, country: String? = nil, category: RegionCategory? = nil) -> MonitoringFacts {
        let kept = applications.filter { application in
            (roundID == nil || application.roundID == roundID) && (country == nil || application.countryCode == country)
                && (category == nil || application.category == category)
        }
        let ids = Set(kept.map(\.id))
        return MonitoringFacts(rounds: rounds.filter { roundID == nil || $0.id == roundID }, applications: kept,
                               assignments: assignments.filter { ids.contains($0.applicationID) },
                               assessments: assessments.filter { ids.contains($0.applicationID) })
    }
}
