/// What the public statistics page shows (issue 13): aggregated counts only, never a person, an
/// organisation or an application.
public struct PublicStatistics: Sendable {
    /// Endorsed selections by country and category of region.
    public struct Supported: Sendable, Equatable {
        public let countryCode: String
        public let category: RegionCategory
        public let selections: Int
        /// Different territories (regions, or the country itself for a national S3).
        public let territories: Int

        public init(countryCode: String, category: RegionCategory, selections: Int, territories: Int) {
            self.countryCode = countryCode
            self.category = category
            self.selections = selections
            self.territories = territories
        }
    }

    public struct Cutoff: Sendable, Equatable {
        public let callTitle: String
        public let cutoff: CivilDate
        public let applications: Int

        public init(callTitle: String, cutoff: CivilDate, applications: Int) {
            self.callTitle = callTitle
            self.cutoff = cutoff
            self.applications = applications
        }
    }

    public let supported: [Supported]
    /// Territories supported, each counted once however many times it was selected.
    public let territoriesSupported: Int
    /// Submitted applications per topic, most asked first.
    public let topics: [(topic: String, applications: Int)]
    public let cutoffs: [Cutoff]

    public init(supported: [Supported], territoriesSupported: Int, topics: [(topic: String, applications: Int)], cutoffs: [Cutoff]) {
        self.supported = supported
        self.territoriesSupported = territoriesSupported
        self.topics = topics.sorted { ($1.applications, $0.topic) < ($0.applications, $1.topic) }
        self.cutoffs = cutoffs.sorted { ($0.cutoff, $0.callTitle) < ($1.cutoff, $1.callTitle) }
    }

    public var selections: Int { supported.reduce(0) { $0 + $1.selections } }

    /// Selections per country, most first.
    public var byCountry: [(country: String, selections: Int)] {
        Dictionary(supported.map { ($0.countryCode, $0.selections) }, uniquingKeysWith: +)
            .map { (country: $0.key, selections: $0.value) }.sorted { ($1.selections, $0.country) < ($0.selections, $1.country) }
    }

    public func selections(in country: String, _ category: RegionCategory) -> Int {
        supported.filter { $0.countryCode == country && $0.category == category }.reduce(0) { $0 + $1.selections }
    }
}
