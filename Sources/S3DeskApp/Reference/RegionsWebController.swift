import Fluent
import S3DeskDomain
import Vapor

/// `/staff/regions`: the reference regions with their category, for the secretariat to fill in
/// the categories the shipped file lacks (shown first with `?category=unknown`).
struct RegionsWebController: RouteCollection {
    static let pageSize = 50

    struct Row: Encodable {
        let code: String
        let name: String
        let country: String
        let category: String
        let corrected: Bool
        let action: String
        let options: [SelectOption]
        let evidence: EvidenceView?
    }

    /// What the shipped file rests a category on, in words, with its source and note.
    struct EvidenceView: Encodable {
        let grade: String
        let source: String
        let note: String

        init?(_ evidence: CategoryEvidence?) {
            guard let evidence else { return nil }
            grade = evidence.gradeLabel
            source = evidence.source
            note = evidence.note
        }
    }

    /// A region the reference data leaves blank, listed on every view of the page until set.
    struct Blank: Encodable {
        let code: String
        let name: String
        let url: String
    }

    struct Page: Encodable {
        let layout: Layout
        let csrfToken: String
        let rows: [Row]
        let total: Int
        let country: String
        let categories: [SelectOption]
        let pagination: Pagination
        let saved: String?
        let blank: [Blank]
        let blankURL: String
    }

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
        let country = (req.query[String.self, at: "country"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let category = req.query[String.self, at: "category"].flatMap(RegionCategory.init(rawValue:))
        let pageNumber = Pagination.pageNumber(req)
        let query = Region.query(on: req.db).sort(\.$id)
        if !country.isEmpty { query.filter(\.$countryCode == country) }
        if let category { query.filter(\.$category == category) }
        let (regions, total) = try await query.page(PageRequest(limit: Self.pageSize, offset: (pageNumber - 1) * Self.pageSize))
        let blank = try await Region.query(on: req.db).filter(\.$category == .unknown).sort(\.$id).all()
        var filters = URLComponents()
        filters.queryItems = [country.isEmpty ? nil : URLQueryItem(name: "country", value: country),
                              category.map { URLQueryItem(name: "category", value: $0.rawValue) }].compactMap { $0 }
        return try await req.view.render("staff/regions", Page(
            layout: Layout(request: req, title: "Regions"), csrfToken: CSRF.token(for: req),
            rows: regions.map { region in
                Row(code: region.id ?? "", name: region.name, country: region.countryCode, category: region.category.label,
                    corrected: region.categorySource == .staff, action: SiteURL.region(region.id ?? ""),
                    options: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == region.category) },
                    evidence: EvidenceView(region.evidence))
            },
            total: total, country: country,
            categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == category) },
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: total, path: SiteURL.staffRegions,
                                   query: filters.percentEncodedQuery ?? ""),
            saved: req.query[String.self, at: "saved"],
            blank: blank.map { Blank(code: $0.id ?? "", name: $0.name, url: "\(SiteURL.staffRegions)?country=\($0.countryCode)#region-\($0.id ?? "")") },
            blankURL: "\(SiteURL.staffRegions)?category=unknown"))
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
