import Fluent
import S3DeskDomain
import Vapor

/// `/staff/applications`: every application with filters, search and pages (secretariat,
/// Commission, admins).
struct StaffApplicationsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(CapabilityGuard(capability: .viewAllApplications)).get(SiteURL.staffApplications.pathComponents, use: list)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await req.view.render("staff/applications", StaffApplicationsPage.load(
            try ApplicationFilters(from: req), pageNumber: Pagination.pageNumber(req),
            layout: Layout(request: req, title: .layoutApplications), codes: req.application.referenceCodes,
            wording: req.wording, on: req.db))
    }
}

extension ApplicationFilters {
    /// The filters as a query string, for the page links.
    var queryString: String {
        var components = URLComponents()
        components.queryItems = [
            callId.map { URLQueryItem(name: "callId", value: $0.uuidString) },
            roundId.map { URLQueryItem(name: "roundId", value: $0.uuidString) },
            status.map { URLQueryItem(name: "status", value: $0.rawValue) },
            country.map { URLQueryItem(name: "country", value: $0) },
            category.map { URLQueryItem(name: "category", value: $0.rawValue) },
            topic.map { URLQueryItem(name: "topic", value: $0) },
            question.map { URLQueryItem(name: "question", value: $0) },
            answer.map { URLQueryItem(name: "answer", value: $0) },
            q.map { URLQueryItem(name: "q", value: $0) },
        ].compactMap { $0 }
        return components.percentEncodedQuery ?? ""
    }
}
