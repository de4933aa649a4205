import Fluent
import S3DeskDomain
import Vapor

/// `/staff/regions`: the reference regions with their category, for the secretariat to fill in
/// the categories the shipped file lacks (shown first with `?category=unknown`).
struct RegionsWebController: RouteCollection {
    struct CategoryForm: Content {
        let category: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let regions = routes.grouped(CapabilityGuard(capability: .correctReferenceData))
        regions.get(SiteURL.staffRegions.pathComponents, use: list)
        regions.post(SiteURL.region.path, use: correct)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await req.view.render("staff/regions", RegionsPage.load(
            country: req.query[String.self, at: "country"], category: req.query[String.self, at: "category"].flatMap(RegionCategory.init(rawValue:)),
            pageNumber: Pagination.pageNumber(req), saved: req.query[String.self, at: "saved"],
            layout: Layout(request: req, title: .layoutRegions), csrfToken: CSRF.token(for: req), codes: req.application.referenceCodes,
            wording: req.wording, on: req.db))
    }

    @Sendable
    func correct(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let region = try await RegionCorrections.find(req.parameters.get("code"), on: req.db)
        guard let category = try req.content.decode(CategoryForm.self).category.flatMap(RegionCategory.init(rawValue:)) else {
            throw AppError.invalidField("category", "choose a category")
        }
        try await RegionCorrections.correct(region, to: category, by: user, in: req.services)
        var back = URLComponents()
        back.path = SiteURL.staffRegions
        back.queryItems = [URLQueryItem(name: "country", value: region.countryCode), URLQueryItem(name: "saved", value: region.id)]
        return req.redirect(to: back.string ?? SiteURL.staffRegions)
    }
}
