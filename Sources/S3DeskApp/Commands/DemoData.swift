import Fluent
import Foundation
import NIOCore
import S3DeskDomain
import Vapor

/// A living service to look at: one call whose cut-offs lie behind and ahead of today, 44
/// applications from real EU regions in every status, assessed, decided and endorsed, with
/// meetings, experts, launched assignments with logged days and completed ones with feedback.
/// Everything goes through the product's own services, each at the instant it would have
/// happened, so the audit trail, the emails, the notices and the monitoring are as real.
struct DemoData {
    /// One account per role, to sign in with.
    struct Logins {
        let password: String
        let accounts: [(role: Role, email: String)]
    }

    /// Where an application of the demonstration ends up.
    enum Fate {
        case draft, submitted, rejected, reserve, withdrawn, cancelled
        /// Selected, and as far as: 0 selected only, 1 meeting held, 2 scope and expert, 3 launched with days, 4 completed.
        case selected(Int)
    }

    let app: Application
    let password: String
    let today: CivilDate
    let zone = ZonedCalendar.service
    let hash: String

    static let domain = "demo.s3desk.example"

    /// Each authority's own domain: staff sharing the applicants' would count as working for them.
    static func applicantEmail(_ territory: String) -> String { "s3@\(territory.lowercased()).region.example" }

    init(app: Application, password: String) async throws {
        self.app = app
        self.password = password
        today = zone.civilDate(of: app.clock.now)
        hash = try await app.password.async.hash(password)
    }

    /// Quarter ends: three past cut-offs (the oldest with completed assignments) and two ahead.
    var cutoffs: [CivilDate] {
        let quarterEnds = (-4...3).map { offset -> CivilDate in
            let first = CivilDate(year: today.year, month: ((today.month - 1) / 3) * 3 + 1, day: 1)!.adding(months: offset * 3 + 2)
            return CivilDate(year: first.year, month: first.month, day: CivilDate.daysIn(month: first.month, year: first.year))!
        }
        // Past ones at least two months back, so that every step of their rounds lies before today.
        let past = quarterEnds.filter { $0 < today.adding(days: -60) }.suffix(3)
        let ahead = quarterEnds.filter { $0 >= today }.prefix(2)
        return Array(past + ahead)
    }

    func fill() async throws -> Logins {
        let dates = cutoffs
        let start = zone.instant(dates[0].adding(months: -3), hour: 9)
        let admin = try await person(.admin, "admin", "Ada Administrator", at: start)
        let secretariat = try await person(.secretariat, "secretariat", "Sofia Secretariat", at: start)
        let commission = try await person(.commission, "commission", "Claude Commission", at: start)
        let call = try await CallStore.create(
            try CallInput(title: "Targeted Support to EU regions \(dates[0].year)–\(dates[4].year)",
                          description: "Expert support for the authorities in charge of a region's Smart Specialisation Strategy: 20 expert days over three to six months, co-designed with the Commission and the secretariat.",
                          cutoffs: dates.map(\.description), capacityPerRound: 4).validated(),
            actor: admin, at: start, on: app.db)
        let experts = try await addExperts(by: secretariat, at: start)
        var applicants: [User] = []
        for (round, group) in DemoRegions.byRound.enumerated() {
            let cutoff = dates[round]
            var entries: [(ApplicationRecord, User, Fate)] = []
            for (index, entry) in group.enumerated() {
                // A round still open was applied to in the last days, never after today.
                let first = cutoff < today ? cutoff.adding(days: -20) : today.adding(days: -13)
                let submitted = zone.instant(first.adding(days: index), hour: 10)
                let user = try await applicant(entry, at: submitted.addingTimeInterval(-86_400 * 10))
                applicants.append(user)
                let application = try await Applications.create(in: call, content: entry.content, by: user, in: context(at: submitted.addingTimeInterval(-86_400 * 5)))
                if case .draft = entry.fate { continue }
                try await Applications.submit(application, by: user, in: context(at: submitted))
                entries.append((application, user, entry.fate))
            }
            guard cutoff < today else { continue }
            try await runJobs(at: zone.instant(cutoff.next, hour: 6))
            try await decide(entries, cutoff: cutoff, call: call, secretariat: secretariat, commission: commission)
            try await deliver(entries, cutoff: cutoff, experts: experts, secretariat: secretariat)
        }
        try await runJobs(at: app.clock.now)
        let expertUser = try requireDemo(try await User.query(on: app.db).filter(\.$role == .expert).sort(\.$email).first())
        return Logins(password: password, accounts: [
            (.admin, admin.email), (.secretariat, secretariat.email), (.commission, commission.email),
            (.expert, expertUser.email), (.applicant, try requireDemo(applicants.first).email),
        ])
    }

    /// Two assessments each, the decisions the fates ask for, withdrawals, and the Commission's endorsement.
    private func decide(_ entries: [(ApplicationRecord, User, Fate)], cutoff: CivilDate, call: Call, secretariat: User,
                        commission: User) async throws {
        let day = { (days: Int) in zone.instant(cutoff.adding(days: days), hour: 11) }
        for (application, _, fate) in entries {
            let scores: [Int] = switch fate {
            case .selected: [5, 4, 5, 4]
            case .reserve: [3, 3, 4, 3]
            default: [2, 1, 2, 2]
            }
            for (index, assessor) in [secretariat, commission].enumerated() {
                let input = AssessmentInput(scores: .init(relevance: scores[0], impact: scores[1] - index % 2, ownership: scores[2], feasibility: scores[3]),
                                            comment: "Scored against the rubric after reading the region's S3.", conflictOfInterest: false)
                _ = try await Assessments.submit(try await reloaded(application), input: input, by: assessor, in: context(at: day(3 + index)))
            }
        }
        for (application, user, fate) in entries {
            let kind: DecisionKind? = switch fate {
            case .selected: .selected
            case .reserve: .reserve
            case .rejected: .rejected
            default: nil
            }
            if let kind {
                _ = try await Decisions.decide(try await reloaded(application), kind: kind, reason: "As the ranking proposes.", by: secretariat,
                                               in: context(at: day(8)))
            } else if case .withdrawn = fate {
                try await Applications.withdraw(try await reloaded(application), reason: "Our S3 review was postponed by the regional council.",
                                                by: user, in: context(at: day(6)))
            } else if case .cancelled = fate {
                try await Applications.cancel(try await reloaded(application), reason: "The authority is not in charge of the S3 of this territory.",
                                              by: secretariat, in: context(at: day(6)))
            }
        }
        let round = try requireDemo(try await Round.query(on: app.db).filter(\.$call.$id == call.requireID())
            .filter(\.$cutoffDate == cutoff.description).with(\.$call) { $0.with(\.$rounds) }.first())
        _ = try await Endorsements.record(round, endorsed: true, comment: "Endorsed: a balanced selection.", by: commission, in: context(at: day(10)))
    }

    /// Meetings, scopes, experts, launches, timesheets and closures, as far as each selection's fate goes.
    func deliver(_ entries: [(ApplicationRecord, User, Fate)], cutoff: CivilDate, experts: [Expert], secretariat: User) async throws {
        let day = { (days: Int, hour: Int) in zone.instant(cutoff.adding(days: days), hour: hour) }
        for (index, (application, region, fate)) in entries.enumerated() {
            guard case .selected(let stage) = fate, stage > 0 else { continue }
            // One meeting in each round comes after its due date, so the monitoring has a late one to show.
            let meetingDay = index == 0 ? 35 : 14 + index * 3
            try await runJobs(at: day(meetingDay - 4, 6))
            _ = try await Meetings.schedule(try await reloaded(application), plan: MeetingPlan(
                purpose: .topicDefinition, startsAt: day(meetingDay, 9), durationMinutes: 90, location: "https://video.demo.s3desk.example/room-\(index)",
                agenda: "Topics, methods and the work plan of the assignment", otherParticipants: []), by: secretariat, in: context(at: day(meetingDay - 4, 10)))
            guard stage > 1 else { continue }
            let (assignment, _) = try await Scopes.record(try await reloaded(application), scope: Scope(
                topics: application.content.topics ?? ["edp"], methods: ["stakeholder workshops"],
                objectives: "Agree a continuous entrepreneurial discovery process with the region's stakeholders.",
                outputs: ["Two stakeholder workshops", "Recommendations"], workPlan: "Month 1: mapping. Months 2–3: workshops. Month 4: recommendations."),
                by: secretariat, in: context(at: day(meetingDay + 1, 10)))
            let found = { (user: User) in try await AssignmentContext.find(assignment.id, for: user, on: app.db) }
            _ = try await Scopes.confirm(try await found(region), version: assignment.scopeVersion, by: region, in: context(at: day(meetingDay + 3, 10)))
            let expert = experts[index % experts.count]
            _ = try await ExpertAssignments.assign(try await found(secretariat), expertID: try expert.requireID(), by: secretariat,
                                                   in: context(at: day(meetingDay + 5, 10)))
            guard stage > 2 else { continue }
            let launch = cutoff.adding(days: 45 + index)
            _ = try await Launches.launch(try await found(secretariat), launchDate: launch.description, plannedEnd: launch.adding(months: 3).description,
                                          by: secretariat, in: context(at: zone.instant(launch, hour: 9)))
            let expertUser = try requireDemo(try await User.find(expert.$user.id, on: app.db))
            let days = stage > 3 ? 20 : 6 + index * 2
            for entry in 0..<days {
                let date = launch.adding(days: 2 + entry * 3)
                guard date < today else { break }
                _ = try await Timesheets.log(try await found(expertUser), TimesheetRules.Draft(
                    date: date.description, days: 1, activity: DemoRegions.activities[entry % DemoRegions.activities.count],
                    output: "Notes shared in the assignment space"), by: expertUser, in: context(at: zone.instant(date, hour: 18)))
            }
            _ = try await Timesheets.approveAll(try await found(secretariat), by: secretariat, in: context(at: zone.instant(launch.adding(days: 70), hour: 9)))
            guard stage > 3 else { continue }
            let end = launch.adding(months: 3)
            let report = Documents.Upload(name: "Final report \(application.reference).pdf", bytes: ByteBuffer(bytes: DemoRegions.pdf),
                                          title: "Final report", kind: .finalReport)
            _ = try await Closure.submitFinalReport(try await found(expertUser), report: .file(report),
                                                    summary: "Two workshops held; the region adopted a governance model for its EDP.", by: expertUser,
                                                    in: context(at: zone.instant(end.adding(days: -3), hour: 12)))
            _ = try await Closure.giveFeedback(try await found(region), satisfaction: 3 + index % 3, comment: "Useful and well organised.",
                                               by: region, in: context(at: zone.instant(end.adding(days: -1), hour: 12)))
            _ = try await Closure.close(try await found(secretariat), by: secretariat, in: context(at: zone.instant(end, hour: 15)))
        }
    }

    func addExperts(by secretariat: User, at now: Date) async throws -> [Expert] {
        var experts: [Expert] = []
        for (index, (name, countries, languages)) in DemoRegions.experts.enumerated() {
            let expert = try await Experts.add(ExpertProfile(
                name: name, email: "expert\(index + 1)@experts.example", profile: "Smart specialisation practitioner; EDP and monitoring.",
                topics: ["edp", "monitoring", "innovation_diffusion", "clusters"], methods: ["stakeholder workshops"], countries: countries,
                languages: languages, availableDays: 100, availableFrom: today.adding(months: -14).description,
                availableUntil: today.adding(months: 12).description, maxAssignments: 6), by: secretariat, in: context(at: now))
            // A demonstration account signs in with the printed password instead of its invitation.
            try await User.query(on: app.db).filter(\.$id == expert.$user.id).set(\.$passwordHash, to: hash).set(\.$emailConfirmedAt, to: now).update()
            experts.append(expert)
        }
        return experts
    }

    func person(_ role: Role, _ name: String, _ fullName: String, at now: Date) async throws -> User {
        let user = User(email: "\(name)@\(Self.domain)", name: fullName, role: role, passwordHash: hash, createdAt: now, emailConfirmedAt: now)
        try await user.create(on: app.db)
        return user
    }

    private func applicant(_ entry: DemoRegions.Entry, at now: Date) async throws -> User {
        let organisation = Organisation()
        organisation.name = entry.organisation
        organisation.authorityType = entry.territory.count == 2 ? .nationalAuthority : .regionalAuthority
        organisation.territory = entry.territory
        organisation.createdAt = now
        try await organisation.create(on: app.db)
        let user = User(email: Self.applicantEmail(entry.territory), name: entry.contact, role: .applicant, passwordHash: hash,
                        createdAt: now, organisationID: try organisation.requireID(), emailConfirmedAt: now)
        try await user.create(on: app.db)
        return user
    }

    /// A service's view of the moment `now`.
    func context(at now: Date) -> ServiceContext {
        app.services(at: now)
    }

    /// What the server's worker would have run by `now`: cut-offs, reminders.
    func runJobs(at now: Date) async throws {
        app.clock = AppClock(pinnedAt: now)
        _ = try await JobRunner(app).runDue()
    }

    /// The application as it is now, with its call and round, as the services expect it.
    func reloaded(_ application: ApplicationRecord) async throws -> ApplicationRecord {
        try requireDemo(try await ApplicationRecord.query(on: app.db).filter(\.$id == application.requireID())
            .with(\.$call) { $0.with(\.$rounds).with(\.$questions) }.with(\.$round).first())
    }
}

/// The value, or an error that says the demonstration could not be built.
func requireDemo<T>(_ value: T?, _ what: String = #function) throws -> T {
    guard let value else { throw AppError(status: .internalServerError, code: "demo_failed", message: "the demonstration data is incomplete: \(what)") }
    return value
}
