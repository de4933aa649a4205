import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// Regions' categories loaded at once, to compute many priorities without a query each.
struct RegionCategories {
    let regions: [String: RegionCategory]
    let countries: [String: [RegionCategory]]
    let knownCountries: Set<String>

    /// Every region, or only those of `countries`: three columns, not whole models, since a
    /// refresh may ask for all 242.
    static func load(countries only: Set<String>? = nil, on db: any Database) async throws -> RegionCategories {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let regionQuery = sql.select().columns("code", "country_code", "category").from(Region.schema)
        let countryQuery = sql.select().column("code").from(Country.schema)
        if let only {
            regionQuery.where("country_code", .in, Array(only))
            countryQuery.where("code", .in, Array(only))
        }
        var regions: [String: RegionCategory] = [:]
        var countries: [String: [RegionCategory]] = [:]
        for row in try await regionQuery.all() {
            let category = try row.decode(column: "category", as: RegionCategory.self)
            regions[try row.decode(column: "code", as: String.self)] = category
            countries[try row.decode(column: "country_code", as: String.self), default: []].append(category)
        }
        return RegionCategories(regions: regions, countries: countries,
                                knownCountries: Set(try await countryQuery.all().map { try $0.decode(column: "code", as: String.self) }))
    }

    func isKnown(_ code: String) -> Bool { regions[code] != nil || knownCountries.contains(code) }

    /// A region's priority, or a country's (national application); an unknown code earns no bonus.
    func priority(territory code: String, challenges: [ChallengeKind], policy: PriorityPolicy) -> Priority {
        if let category = regions[code] {
            return Priority.compute(territory: .region(code), regionCategory: category, countryRegionCategories: [],
                                    challenges: challenges, policy: policy)
        }
        return Priority.compute(territory: .country(code), regionCategory: nil,
                                countryRegionCategories: knownCountries.contains(code) ? countries[code] ?? [] : [],
                                challenges: challenges, policy: policy)
    }
}
