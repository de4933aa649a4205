import Fluent
import Foundation
import S3DeskDomain
import Vapor

/// Volume to measure with (`s3desk seed`, scripts/bench): one call whose past rounds hold
/// `applications` applications from every EU region in the reference data, the first round
/// the largest, each assessed two or three times, all decided, endorsed, and the first selections
/// of each round taken through meetings, experts and assignments as the demonstration does.
/// Everything goes through the product's services at the instants it would have happened.
struct SeedData {
    let demo: DemoData
    let applications: Int
    let largestRound: Int
    /// How many applications are created and submitted at once.
    let concurrency: Int

    /// What was made, to print and to check.
    struct Summary {
        let rounds: [(cutoff: CivilDate, applications: Int)]
        let transitionsAtCutoff: Int
        let seconds: Double
    }

    /// Per round, from the first (largest) to the last.
    var roundSizes: [Int] {
        stride(from: 0, to: applications, by: largestRound).map { min(largestRound, applications - $0) }
    }

    /// Quarter-end cut-offs, the newest 150 days back (so each round's assignments have run
    /// their course), then one ahead: the call stays open.
    var cutoffs: [CivilDate] {
        let past = (0..<roundSizes.count).map { back -> CivilDate in
            let month = demo.today.adding(days: -150).adding(months: -3 * back)
            return CivilDate(year: month.year, month: month.month, day: CivilDate.daysIn(month: month.month, year: month.year))!
        }
        return past.reversed() + [demo.today.adding(months: 2)]
    }

    func fill() async throws -> Summary {
        let started = Date()
        let app = demo.app
        let dates = cutoffs
        let start = demo.zone.instant(dates[0].adding(months: -3), hour: 9)
        let admin = try await demo.person(.admin, "admin", "Ada Administrator", at: start)
        let secretariat = try await demo.person(.secretariat, "secretariat", "Sofia Secretariat", at: start)
        let commission = try await demo.person(.commission, "commission", "Claude Commission", at: start)
        let assessors = [secretariat, commission,
                         try await demo.person(.secretariat, "secretariat2", "Σοφία Παπαδοπούλου", at: start),
                         try await demo.person(.commission, "commission2", "Калина Иванова", at: start)]
        let call = try await CallStore.create(
            try CallInput(title: "Targeted Support at volume", description: "Seeded to measure S3Desk with real volume.",
                          cutoffs: dates.map(\.description), capacityPerRound: 20).validated(),
            actor: admin, at: start, on: app.db)
        let experts = try await demo.addExperts(by: secretariat, at: start)
        let applicants = try await regionApplicants(at: start)
        let topics = try await TopicRecord.active(on: app.db).compactMap(\.id).filter { $0 != "other" }
        var rounds: [(CivilDate, Int)] = []
        var moved = 0
        var made = 0
        // Oldest round last, so the first (largest) round is the call's first cut-off.
        for (round, size) in roundSizes.enumerated() {
            let cutoff = dates[round]
            let ids = try await submitAll(count: size, numberedFrom: made, call: call, applicants: applicants, topics: topics, before: cutoff)
            made += size
            let before = try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).count()
            try await demo.runJobs(at: demo.zone.instant(cutoff.next, hour: 6))
            moved += try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).count() - before
            try await assessAll(ids, by: assessors, at: demo.zone.instant(cutoff.adding(days: 3), hour: 11))
            let selected = try await decideAll(of: call, cutoff: cutoff, by: secretariat, endorsedBy: commission)
            try await demo.deliver(selected, cutoff: cutoff, experts: experts, secretariat: secretariat)
            rounds.append((cutoff, size))
        }
        try await demo.runJobs(at: app.clock.now)
        return Summary(rounds: rounds, transitionsAtCutoff: moved, seconds: Date().timeIntervalSince(started))
    }

    /// One authority per region of the reference data, each with its S3 unit's account.
    private func regionApplicants(at now: Date) async throws -> [(Region, User)] {
        let regions = try await Region.query(on: demo.app.db).sort(\.$id).all()
        return try await demo.app.db.transaction { db in
            var made: [(Region, User)] = []
            for region in regions {
                let organisation = Organisation()
                organisation.name = "Managing authority of \(region.name)"
                organisation.authorityType = .regionalAuthority
                organisation.territory = try region.requireID()
                organisation.createdAt = now
                try await organisation.create(on: db)
                let user = User(email: "s3@\(try region.requireID().lowercased()).seed.example", name: "S3 unit of \(region.name)", role: .applicant,
                                passwordHash: demo.hash, createdAt: now, organisationID: try organisation.requireID(), emailConfirmedAt: now)
                try await user.create(on: db)
                made.append((region, user))
            }
            return made
        }
    }

    /// `count` applications created and submitted over the 30 days before `cutoff`, `concurrency` at a time.
    private func submitAll(count: Int, numberedFrom first: Int, call: Call, applicants: [(Region, User)], topics: [String],
                           before cutoff: CivilDate) async throws -> [UUID] {
        let opens = demo.zone.instant(cutoff.adding(days: -30), hour: 8)
        let step = 30 * 86_400 / Double(max(count, 1))
        return try await concurrently(Array(0..<count)) { index in
            let number = first + index
            let (region, user) = applicants[number % applicants.count]
            let at = opens.addingTimeInterval(step * Double(index))
            let application = try await Applications.create(in: call, content: try content(number, region: region, user: user, topics: topics),
                                                            by: user, in: demo.context(at: at))
            try await Applications.submit(application, by: user, in: demo.context(at: at.addingTimeInterval(60)))
            return try application.requireID()
        }
    }

    /// Two assessments each, a third for every third application, scores spread over the rubric.
    private func assessAll(_ ids: [UUID], by assessors: [User], at now: Date) async throws {
        _ = try await concurrently(Array(ids.enumerated())) { index, id in
            let count = index % 3 == 0 ? 3 : 2
            for turn in 0..<count {
                let assessor = assessors[(index + turn) % assessors.count]
                let score = { (offset: Int) in 1 + (index * 7 + turn * 3 + offset) % 5 }
                let input = AssessmentInput(scores: .init(relevance: score(0), impact: score(1), ownership: score(2), feasibility: score(3)),
                                            comment: "Scored against the rubric after reading the region's S3.", conflictOfInterest: false)
                let application = try await ApplicationRecord.query(on: demo.app.db).filter(\.$id == id)
                    .with(\.$call) { $0.with(\.$rounds).with(\.$questions) }.with(\.$round).first()
                _ = try await Assessments.submit(try requireDemo(application), input: input, by: assessor,
                                                 in: demo.context(at: now.addingTimeInterval(Double(turn * 3_600))))
            }
            return id
        }
    }

    /// Every application decided as the ranking proposes (its first places selected, the next
    /// ten reserve, the rest rejected) and the round endorsed. Returns the first selections,
    /// each to be taken a step further through delivery than the one before.
    private func decideAll(of call: Call, cutoff: CivilDate, by secretariat: User, endorsedBy commission: User) async throws
        -> [(ApplicationRecord, User, DemoData.Fate)] {
        let db = demo.app.db
        let round = try requireDemo(try await Round.query(on: db).filter(\.$call.$id == call.requireID())
            .filter(\.$cutoffDate == cutoff.description).with(\.$call) { $0.with(\.$rounds) }.first())
        let ranking = try await RoundRanking.compute(round, on: db)
        let decidedAt = demo.zone.instant(cutoff.adding(days: 8), hour: 11)
        let decided = try await concurrently(Array(ranking.ranked.enumerated())) { place, line in
            let kind: DecisionKind = place < round.capacity ? .selected : place < round.capacity + 10 ? .reserve : .rejected
            let application = try await demo.reloaded(try requireDemo(try await ApplicationRecord.find(line.candidate.id, on: db)))
            _ = try await Decisions.decide(application, kind: kind, reason: "As the ranking proposes.", by: secretariat, in: demo.context(at: decidedAt))
            return (application, kind)
        }
        _ = try await Endorsements.record(round, endorsed: true, comment: "Endorsed as the ranking proposes.", by: commission, in: demo.context(at: demo.zone.instant(cutoff.adding(days: 10), hour: 11)))
        // The demonstration's experts are available from 14 months back: older rounds stop at the endorsement.
        guard cutoff >= demo.today.adding(months: -13) else { return [] }
        var selected: [(ApplicationRecord, User, DemoData.Fate)] = []
        for (application, kind) in decided where kind == .selected && selected.count < 4 {
            selected.append((application, try requireDemo(try await User.find(application.$createdBy.id, on: db)), .selected(4 - selected.count)))
        }
        return selected
    }

    /// Each item's work, `concurrency` at a time; results in the items' order.
    private func concurrently<Item: Sendable, Result: Sendable>(_ items: [Item], _ work: @escaping @Sendable (Item) async throws -> Result) async throws -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for chunk in stride(from: 0, to: items.count, by: concurrency).map({ Array(items[$0..<min($0 + concurrency, items.count)]) }) {
            results += try await withThrowingTaskGroup(of: (Int, Result).self) { group in
                for (offset, item) in chunk.enumerated() { group.addTask { (offset, try await work(item)) } }
                var ordered = [Result?](repeating: nil, count: chunk.count)
                for try await (offset, result) in group { ordered[offset] = result }
                return ordered.compactMap { $0 }
            }
        }
        return results
    }

    /// A realistic application: the region's authority, one to three topics, some challenges,
    /// texts of the length people write.
    private func content(_ number: Int, region: Region, user: User, topics: [String]) throws -> ApplicationContent {
        let challenges = ChallengeKind.allCases.enumerated().filter { (number >> $0.offset) & 1 == 1 && number % 4 != 0 }.map(\.element)
        return ApplicationContent(
            organisationName: "Managing authority of \(region.name)", authorityType: "regional_authority",
            s3ResponsibilityConfirmed: true, territory: try region.requireID(),
            contact: Contact(name: user.name, email: user.email, phone: "+32 2 000 00 00", position: "Head of the S3 unit"),
            topics: (0...(number % 3)).map { topics[(number + $0 * 5) % topics.count] },
            challenges: challenges.map { Challenge(kind: $0.rawValue, justification: DemoRegions.justifications[$0] ?? "") },
            needs: "Application \(number + 1). Our stakeholders meet once a year and the priorities of the strategy have not moved since it was adopted. We ask for support to set up a continuous entrepreneurial discovery process, with a method we can run ourselves, and to link it to the monitoring of the strategy.",
            s3Context: "Agrifood, sustainable tourism and advanced manufacturing", stakeholders: "Universities, SME associations, clusters, the regional development agency",
            expectedResults: "A governance model for the EDP, two workshops held, recommendations adopted by the monitoring committee", languages: ["en"])
    }
}
