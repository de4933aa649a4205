import Fluent
import S3DeskDomain

/// The staff's list and search of the pool.
struct ExpertListPage: Encodable {
    struct Row: Encodable {
        let name: String
        let url: String
        let topics: String
        let countries: String
        let languages: String
        let freeDays: String
        let assignments: String
    }

    let layout: Layout
    let search: ExpertSearch
    let topics: [SelectOption]
    let rows: [Row]
    let total: Int
    /// "12 experts."
    let count: String
    let pagination: Pagination
    let newURL: String?
    let errors: [String: String]

    static let pageSize = 50

    static func load(_ search: ExpertSearch, filters: Experts.Filters?, pageNumber: Int, canAdd: Bool, errors: [String: String],
                     layout: Layout, wording: Wording, on db: any Database) async throws -> ExpertListPage {
        let page = PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize)
        let (experts, total) = try await Experts.list(filters ?? Experts.Filters(), page: page, on: db)
        let titles = try await TopicRecord.titles(on: db)
        return ExpertListPage(
            layout: layout, search: search,
            topics: try await TopicRecord.active(on: db).map { SelectOption(value: $0.id ?? "", label: $0.title, selected: $0.id == search.topic) },
            rows: try experts.map { expert in
                Row(name: expert.name, url: SiteURL.expert(try expert.requireID()), topics: expert.topics.map { titles[$0] ?? $0 }.joined(separator: "; "),
                    countries: expert.countries.joined(separator: ", "), languages: expert.languages.joined(separator: ", "),
                    freeDays: wording.number(days: expert.freeDays),
                    assignments: wording(AssignmentText.ofTotal, wording.integer(expert.assignmentsHeld), wording.integer(expert.maxAssignments)))
            },
            total: total, count: wording.count(total, AssignmentText.poolCountOne, .poolCountOther), pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffExperts, query: search.queryItems),
            newURL: canAdd ? SiteURL.newExpert : nil, errors: errors)
    }
}
