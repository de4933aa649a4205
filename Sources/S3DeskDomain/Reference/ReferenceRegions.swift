/// An EU-27 NUTS-2 region as the shipped reference file states it.
public struct ReferenceRegion: Sendable, Equatable {
    public let code: String
    public let name: String
    public let countryCode: String
    public let category: RegionCategory

    public init(code: String, name: String, countryCode: String, category: RegionCategory) {
        self.code = code
        self.name = name
        self.countryCode = countryCode
        self.category = category
    }
}

public struct ReferenceCountry: Sendable, Equatable {
    public let code: String
    public let name: String
}

/// Reads the reference files (`nuts2_regions.csv`, `countries.csv`).
public enum ReferenceData {
    public static func regions(csv text: String) throws(CSV.Error) -> [ReferenceRegion] {
        try CSV.records(text).map { (record) throws(CSV.Error) in
            guard let code = record["nuts_code"], let name = record["name"],
                  let country = record["country_code"], let categoryText = record["category_2021_2027"]
            else { throw CSV.Error(message: "nuts2_regions.csv lacks a required column") }
            // An empty cell means no source was found, not "more developed" (data README).
            guard let category = categoryText.isEmpty ? .unknown : RegionCategory(rawValue: categoryText) else {
                throw CSV.Error(message: "\(code) has an unknown category “\(categoryText)”")
            }
            return ReferenceRegion(code: code, name: name, countryCode: country, category: category)
        }
    }

    public static func countries(csv text: String) throws(CSV.Error) -> [ReferenceCountry] {
        try CSV.records(text).map { (record) throws(CSV.Error) in
            guard let code = record["country_code"], let name = record["name"] else {
                throw CSV.Error(message: "countries.csv lacks a required column")
            }
            return ReferenceCountry(code: code, name: name)
        }
    }
}
