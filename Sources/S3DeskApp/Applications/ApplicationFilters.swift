import Fluent
import S3DeskDomain
import Vapor

/// The filters of the application lists (API and staff page): call, round, status, country,
/// category of region, topic, and a search by reference or organisation.
struct ApplicationFilters: Encodable {
    var callId: UUID?
    var roundId: UUID?
    var status: ApplicationStatus?
    var country: String?
    var category: RegionCategory?
    var topic: String?
    var q: String?

    init(from request: Request) throws {
        var errors = FieldErrors()
        func value(_ name: String) -> String? {
            request.query[String.self, at: name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        func uuid(_ name: String) -> UUID? {
            guard let text = value(name) else { return nil }
            guard let id = UUID(uuidString: text) else { errors.add(name, "must be an id"); return nil }
            return id
        }
        callId = uuid("callId")
        roundId = uuid("roundId")
        if let text = value("status") {
            status = ApplicationStatus(rawValue: text)
            if status == nil { errors.add("status", "must be one of \(ApplicationStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        if let text = value("category") {
            category = RegionCategory(rawValue: text)
            if category == nil { errors.add("category", "must be one of \(RegionCategory.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        country = value("country")?.uppercased()
        topic = value("topic")
        q = value("q")
        if !errors.isEmpty { throw AppError.validation(errors) }
    }

    func query(_ query: QueryBuilder<ApplicationRecord>) -> QueryBuilder<ApplicationRecord> {
        if let callId { query.filter(\.$call.$id == callId) }
        if let roundId { query.filter(\.$round.$id == roundId) }
        if let status { query.filter(\.$status == status) }
        if let country { query.filter(\.$countryCode == country) }
        if let category { query.filter(\.$category == category) }
        if let topic {
            query.join(ApplicationTopic.self, on: \ApplicationRecord.$id == \ApplicationTopic.$application.$id)
                .filter(ApplicationTopic.self, \.$topic == topic)
        }
        if let q {
            let text = q.lowercased()
            query.group(.or) { group in
                group.filter(\.$reference == q.uppercased()).filter(\.$searchName ~~ text)
            }
        }
        return query.sort(\.$createdAt, .descending).sort(\.$id)
    }
}
