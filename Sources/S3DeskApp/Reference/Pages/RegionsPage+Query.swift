import Fluent
import Foundation
import S3DeskDomain

extension RegionsPage {
    /// One page of the regions of `country` and `category` if given, and every region still
    /// without a category.
    static func load(country: String?, category: RegionCategory?, pageNumber: Int, saved: String?,
                     layout: Layout, csrfToken: String, codes: ReferenceCodes, wording: Wording, on db: any Database) async throws -> RegionsPage {
        let country = (country ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let query = Region.query(on: db).sort(\.$id)
        if !country.isEmpty { query.filter(\.$countryCode == country) }
        if let category { query.filter(\.$category == category) }
        let (regions, total) = try await query.page(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        let blank = try await Region.query(on: db).filter(\.$category == .unknown).sort(\.$id).all()
        var filters = URLComponents()
        filters.queryItems = [country.isEmpty ? nil : URLQueryItem(name: "country", value: country),
                              category.map { URLQueryItem(name: "category", value: $0.rawValue) }].compactMap { $0 }
        return RegionsPage(
            layout: layout, csrfToken: csrfToken,
            rows: regions.map { region in
                Row(code: region.id ?? "", name: region.name, country: codes.territoryName(region.countryCode), category: wording.label(region.category),
                    corrected: region.categorySource == .staff, action: SiteURL.region(region.id ?? ""),
                    options: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0 == region.category) },
                    evidence: EvidenceView(region.evidence, wording: wording))
            },
            total: total, countries: codes.countryOptions(selected: country),
            categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0 == category) },
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffRegions,
                                   query: filters.percentEncodedQuery ?? ""),
            saved: saved,
            blank: blank.map { Blank(code: $0.id ?? "", name: $0.name, url: "\(SiteURL.staffRegions)?country=\($0.countryCode)#region-\($0.id ?? "")") },
            blankURL: "\(SiteURL.staffRegions)?category=unknown")
    }
}
