import Fluent
import S3DeskDomain
import Vapor

/// Regions and the topics catalogue: public reads, and category corrections by staff.
struct ReferenceAPIController: RouteCollection {
    struct CategoryCorrection: Content {
        let category: RegionCategory
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.regions.pathComponents, use: listRegions)
        routes.get(APIURL.region.path, use: region)
        routes.patch(APIURL.region.path, use: correctCategory)
        routes.get(APIURL.topics.pathComponents, use: topics)
    }

    @Sendable
    func listRegions(req: Request) async throws -> ListPage<RegionDTO> {
        let page = try PageRequest(from: req)
        let query = Region.query(on: req.db).sort(\.$id)
        if let country = req.query[String.self, at: "country"] {
            guard try await Country.find(country.uppercased(), on: req.db) != nil else {
                throw AppError.invalidField("country", "“\(country)” is not an EU-27 country code such as PL or EL")
            }
            query.filter(\.$countryCode == country.uppercased())
        }
        if let text = req.query[String.self, at: "category"] {
            guard let category = RegionCategory(rawValue: text) else {
                throw AppError.invalidField("category", "must be one of \(RegionCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.filter(\.$category == category)
        }
        let (regions, total) = try await query.page(page)
        return ListPage(items: regions.map(RegionDTO.init), total: total)
    }

    @Sendable
    func region(req: Request) async throws -> RegionDTO {
        RegionDTO(try await RegionCorrections.find(req.parameters.get("code"), on: req.db))
    }

    /// Staff correct a category the reference file lacks or has wrong; audited, and kept when
    /// a later edition of the file is loaded.
    @Sendable
    func correctCategory(req: Request) async throws -> RegionDTO {
        let user = try req.require(.correctReferenceData)
        let region = try await RegionCorrections.find(req.parameters.get("code"), on: req.db)
        let correction = try req.content.decode(CategoryCorrection.self)
        try await RegionCorrections.correct(region, to: correction.category, by: user, in: req.services)
        return RegionDTO(region)
    }

    /// The topics that can be chosen; with `?includeRetired=true` retired ones too, as the
    /// secretariat sees the catalogue it edits.
    @Sendable
    func topics(req: Request) async throws -> ListPage<TopicDTO> {
        let query = TopicRecord.query(on: req.db).sort(\.$position)
        if req.query[Bool.self, at: "includeRetired"] != true { query.filter(\.$retiredAt == nil) }
        let (topics, total) = try await query.page(PageRequest(from: req))
        return ListPage(items: topics.map(TopicDTO.init), total: total)
    }
}
