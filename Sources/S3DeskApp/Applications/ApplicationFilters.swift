import Fluent
import S3DeskDomain
import Vapor

/// The filters of the application lists (API, staff page, exports): call, round, status,
/// country, category of region, topic, the answer to one of the call's own questions, and a
/// search by reference or organisation.
struct ApplicationFilters: Encodable {
    var callId: UUID?
    var roundId: UUID?
    var status: ApplicationStatus?
    var country: String?
    var category: RegionCategory?
    var topic: String?
    /// One of the call's questions, by id, and the answer to look for: a choice, yes/no or a
    /// number matches whole, a text answer any part of it; case aside.
    var question: String?
    var answer: String?
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
        question = value("question")?.lowercased()
        answer = value("answer")?.lowercased()
        if answer != nil, question == nil { errors.add("answer", "choose the question it answers") }
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
        if let question {
            query.join(ApplicationAnswer.self, on: \ApplicationRecord.$id == \ApplicationAnswer.$application.$id)
                .filter(ApplicationAnswer.self, \.$questionID == question)
            if let answer {
                query.group(.or) { either in
                    either.group(.and) { text in
                        text.filter(ApplicationAnswer.self, \.$kind == .text).filter(ApplicationAnswer.self, \.$value ~~ answer)
                    }
                    either.group(.and) { whole in
                        whole.filter(ApplicationAnswer.self, \.$kind != .text).filter(ApplicationAnswer.self, \.$value == answer)
                    }
                }
            }
        }
        if let q {
            let text = q.lowercased()
            query.group(.or) { group in
                group.filter(\.$reference == q.uppercased())
                    .filter(ContainsFilter.filter("search_name", of: ApplicationRecord.schema, contains: text, on: query.database))
            }
        }
        return query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
    }
}
