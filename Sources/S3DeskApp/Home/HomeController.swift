import Fluent
import S3DeskDomain
import Vapor

/// The public call page: what the service offers, the open calls and how to apply.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        // Only an applicant of an authority can start one; the layout tells the others why.
        let applies = req.auth.get(User.self).map { $0.role.may(.apply) && $0.$organisation.id != nil } == true
        return try await req.view.render("home", HomePage.load(
            at: req.now, layout: Layout(request: req, title: "Targeted Support for Smart Specialisation"),
            csrfToken: applies ? CSRF.token(for: req) : nil, on: req.db))
    }
}

/// Dates as people read them on the pages: "31 March 2026".
enum HumanDate {
    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    static func long(_ date: CivilDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "3 May 2026, 14:05", in the call's zone: when something was written or decided.
    static func moment(_ instant: Date, in calendar: ZonedCalendar) -> String {
        "\(long(calendar.civilDate(of: instant))), \(calendar.localInput(instant).suffix(5))"
    }
}
