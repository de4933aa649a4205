import Fluent
import S3DeskDomain
import Vapor

/// `/staff/applications`: every application with filters, search and pages (secretariat,
/// Commission, admins).
struct StaffApplicationsWebController: RouteCollection {
    static let pageSize = 25

    struct Row: Encodable {
        let reference: String
        let url: String
        let organisation: String
        let territory: String
        let category: String
        let categoryMissing: Bool
        let priorityBonus: Int
        let status: String
        let statusKey: String
        let round: String
    }

    struct Page: Encodable {
        let layout: Layout
        let rows: [Row]
        let total: Int
        let filters: ApplicationFilters
        let calls: [SelectOption]
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let topics: [SelectOption]
        let pagination: Pagination
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(CapabilityGuard(capability: .viewAllApplications)).get(SiteURL.staffApplications.pathComponents, use: list)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        let filters = try ApplicationFilters(from: req)
        let pageNumber = Pagination.pageNumber(req)
        let (applications, total) = try await filters.query(ApplicationRecord.query(on: req.db)).with(\.$round)
            .page(PageRequest(limit: Self.pageSize, offset: (pageNumber - 1) * Self.pageSize))
        // The filter menus: calls are few (one or two a year), topics a short catalogue.
        let calls = try await Call.query(on: req.db).sort(\.$closesAt, .descending).limit(50).all()
        let topics = try await TopicRecord.query(on: req.db).sort(\.$position).all()
        return try await req.view.render("staff/applications", Page(
            layout: Layout(request: req, title: "Applications"),
            rows: try applications.map { application in
                Row(reference: application.reference, url: SiteURL.application(try application.requireID()),
                    organisation: application.content.organisationName ?? "", territory: application.territory,
                    category: application.category.label, categoryMissing: application.category == .unknown,
                    priorityBonus: application.priorityBonus, status: application.status.label,
                    statusKey: application.status.rawValue, round: application.round?.cutoffDate ?? "—")
            },
            total: total, filters: filters,
            calls: calls.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.title, selected: $0.id == filters.callId) },
            statuses: ApplicationStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filters.status) },
            categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filters.category) },
            topics: topics.map { SelectOption(value: $0.id ?? "", label: $0.title, selected: $0.id == filters.topic) },
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: total, path: SiteURL.staffApplications,
                                   query: filters.queryString)))
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
            q.map { URLQueryItem(name: "q", value: $0) },
        ].compactMap { $0 }
        return components.percentEncodedQuery ?? ""
    }
}
