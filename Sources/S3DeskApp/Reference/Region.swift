import Fluent
import SQLKit
import S3DeskDomain
import Vapor

/// A NUTS-2 region with its 2021–2027 category.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    /// Where the category came from: a staff correction must survive a new edition of the file.
    enum CategorySource: String, Codable {
        case reference
        case staff
    }

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "country_code") var countryCode: String
    @Enum(key: "category") var category: RegionCategory
    @Enum(key: "category_source") var categorySource: CategorySource
    /// The reference file's evidence for its category (kept when staff set another one, so the
    /// two can be compared).
    @OptionalField(key: "evidence_grade") var evidenceGrade: String?
    @OptionalField(key: "evidence_source") var evidenceSource: String?
    @OptionalField(key: "evidence_note") var evidenceNote: String?

    var evidence: CategoryEvidence? {
        get { evidenceGrade.map { CategoryEvidence(grade: $0, source: evidenceSource ?? "", note: evidenceNote ?? "") } }
        set {
            evidenceGrade = newValue?.grade
            evidenceSource = newValue?.source
            evidenceNote = newValue?.note
        }
    }

    init() {}
}

final class Country: Model, @unchecked Sendable {
    static let schema = "countries"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String

    init() {}
}

/// A topic of the live catalogue, seeded from `TopicCatalogue.initial`.
final class TopicRecord: Model, @unchecked Sendable {
    static let schema = "topics"

    @ID(custom: "slug", generatedBy: .user) var id: String?
    @Field(key: "title") var title: String
    @Field(key: "methods") var methods: [String]
    /// Order of display on the call page.
    @Field(key: "position") var position: Int
    /// Hidden from new applications, scopes and profiles; kept on those that use it.
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}

    /// The topics that can be chosen now, in the catalogue's order.
    static func active(on db: any Database) async throws -> [TopicRecord] {
        try await query(on: db).filter(\.$retiredAt == nil).sort(\.$position).all()
    }

    /// Every topic's title by its slug: a dozen rows, read whole.
    static func titles(on db: any Database) async throws -> [String: String] {
        Dictionary(try await query(on: db).all().compactMap { topic in topic.id.map { ($0, topic.title) } },
                   uniquingKeysWith: { first, _ in first })
    }
}

struct RegionDTO: Content {
    let code: String
    let name: String
    let countryCode: String
    let category: RegionCategory
    /// `reference` (the shipped file) or `staff` (set by hand, kept over new editions).
    let categorySource: Region.CategorySource
    /// What the shipped file rests its category on.
    let evidence: CategoryEvidence?

    init(_ region: Region) {
        self.code = region.id ?? ""
        self.name = region.name
        self.countryCode = region.countryCode
        self.category = region.category
        self.categorySource = region.categorySource
        self.evidence = region.evidence
    }
}

struct TopicDTO: Content {
    let slug: String
    let title: String
    let methods: [String]
    let position: Int
    let retired: Bool

    init(_ topic: TopicRecord) {
        self.slug = topic.id ?? ""
        self.title = topic.title
        self.methods = topic.methods
        self.position = topic.position
        self.retired = topic.retiredAt != nil
    }
}
