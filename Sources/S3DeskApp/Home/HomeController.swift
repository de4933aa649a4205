import Fluent
import S3DeskDomain
import Vapor

/// The public call page: what the service offers, the open calls and how to apply.
struct HomeController: RouteCollection {
    struct OpenCall: Encodable {
        let applyURL: String
        let title: String
        let description: String
        let nextCutoff: String
        let nextCutoffLabel: String
        let timeZone: String
        let daysLeft: Int
        let topicMeetingsDue: String
        let launchDue: String
        let expertDays: Int
        let laterCutoffs: [String]
    }

    struct TopicItem: Encodable {
        let title: String
        let methods: String
    }

    struct HomePage: Encodable {
        let layout: Layout
        /// For the "start an application" form of an applicant.
        let csrfToken: String?
        let calls: [OpenCall]
        let topics: [TopicItem]
    }

    /// More than a handful of calls open at once would be a data-entry slip; the page shows the
    /// soonest-closing ones.
    static let callLimit = 5

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let now = req.now
        let calls = try await Call.query(on: req.db)
            .filter(\.$closesAt >= Instant.roundedToMilliseconds(now))
            .with(\.$rounds)
            .sort(\.$closesAt)
            .limit(Self.callLimit)
            .all()
        let topics = try await TopicRecord.query(on: req.db).sort(\.$position).all()
        return try await req.view.render("home", HomePage(
            layout: Layout(request: req, title: "Targeted Support for Smart Specialisation"),
            // Only an applicant of an authority can start one; the layout tells the others why.
            csrfToken: req.auth.get(User.self).map { $0.role.may(.apply) && $0.$organisation.id != nil } == true ? CSRF.token(for: req) : nil,
            calls: try calls.compactMap { try openCall($0, at: now) },
            topics: topics.map { TopicItem(title: $0.title, methods: $0.methods.joined(separator: "; ")) }))
    }

    private func openCall(_ call: Call, at now: Date) throws -> OpenCall? {
        let schedule = try call.schedule()
        guard let round = schedule.round(for: now), let daysLeft = schedule.daysLeft(at: now) else { return nil }
        return OpenCall(
            applyURL: SiteURL.apply(try call.requireID()), title: call.title, description: call.description,
            nextCutoff: round.cutoffDate.description, nextCutoffLabel: HumanDate.long(round.cutoffDate),
            timeZone: call.timeZone, daysLeft: daysLeft,
            topicMeetingsDue: HumanDate.long(round.topicMeetingsDue), launchDue: HumanDate.long(round.launchDue),
            expertDays: call.expertDaysPerAssignment,
            laterCutoffs: schedule.rounds.filter { $0.number > round.number }.map { HumanDate.long($0.cutoffDate) })
    }
}

/// Dates as people read them on the pages: "31 March 2026".
enum HumanDate {
    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    static func long(_ date: CivilDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
