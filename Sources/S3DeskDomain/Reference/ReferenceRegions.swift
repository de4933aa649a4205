/// An EU-27 NUTS-2 region as the shipped reference file states it.
public struct ReferenceRegion: Sendable, Equatable {
    public let code: String
    public let name: String
    public let countryCode: String
    public let category: RegionCategory
    /// Why the file gives this category (`category_sources.csv`); nil when that file lacks the region.
    public var evidence: CategoryEvidence?

    public init(code: String, name: String, countryCode: String, category: RegionCategory, evidence: CategoryEvidence? = nil) {
        self.code = code
        self.name = name
        self.countryCode = countryCode
        self.category = category
        self.evidence = evidence
    }
}

/// The evidence behind a region's category: how strong it is, where it comes from, and the
/// quoted statement or the GDP computation.
public struct CategoryEvidence: Sendable, Equatable, Codable {
    /// One of the data README's grades, e.g. `explicit_2021_2027`, `gdp_pps_2015_2017`, `gdp_near_threshold`.
    public let grade: String
    public let source: String
    public let note: String

    public init(grade: String, source: String, note: String) {
        self.grade = grade
        self.source = source
        self.note = note
    }

    /// The grade in words, for people who do not read the data README.
    public var gradeLabel: String {
        switch grade {
        case "explicit_2021_2027": "Stated for 2021–2027"
        case "explicit_2021_2027_secondary": "Stated for 2021–2027 (transcription of the Decision's annexes)"
        case "explicit_2021_2027_pre_decision": "Stated before the Decision was adopted"
        case "pre_decision_projection": "Projection made before the Decision"
        case "indirect": "Indirect statement"
        case "indirect_weak": "Indirect statement (undated)"
        case "gdp_pps_2015_2017": "Computed from GDP per head 2015–2017"
        case "gdp_pps_2015_2017_nuts2024_proxy": "Computed from GDP per head 2015–2017 (NUTS 2024 successor)"
        case "gdp_near_threshold": "Too close to a threshold to decide"
        default: grade
        }
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

    /// `category_sources.csv`, by region code.
    public static func evidence(csv text: String) throws(CSV.Error) -> [String: CategoryEvidence] {
        var evidence: [String: CategoryEvidence] = [:]
        for record in try CSV.records(text) {
            guard let code = record["nuts_code"], let grade = record["evidence"], let source = record["source"],
                  let note = record["note"]
            else { throw CSV.Error(message: "category_sources.csv lacks a required column") }
            evidence[code] = CategoryEvidence(grade: grade, source: source, note: note)
        }
        return evidence
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
