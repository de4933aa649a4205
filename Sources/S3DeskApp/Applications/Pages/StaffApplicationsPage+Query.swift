import Fluent
import S3DeskDomain

extension StaffApplicationsPage {
    /// One page of the applications `filters` select, by the indexed columns, and the filter menus.
    static func load(_ filters: ApplicationFilters, pageNumber: Int, layout: Layout, codes: ReferenceCodes, wording: Wording,
                     on db: any Database) async throws -> StaffApplicationsPage {
        let (applications, total) = try await filters.query(ApplicationRecord.query(on: db))
            .listItems(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        // The filter menus: calls are few (one or two a year), topics a short catalogue.
        let calls = try await Call.query(on: db).sort(\.$closesAt, .descending).limit(50).all()
        let topics = try await TopicRecord.query(on: db).sort(\.$position).all()
        // The chosen call's own questions, to filter by an answer.
        var questions: [CallQuestion] = []
        if let callID = filters.callId {
            questions = try await CallQuestionRecord.query(on: db).filter(\.$call.$id == callID).sort(\.$position).all().map(\.question)
        }
        return StaffApplicationsPage(
            layout: layout,
            rows: applications.map { application in
                Row(reference: application.reference, url: SiteURL.application(application.id),
                    organisation: application.organisationName, territory: codes.territoryName(application.territory),
                    category: wording.label(application.category), categoryMissing: application.category == .unknown,
                    priorityBonus: application.priorityBonus, status: wording.label(application.status),
                    statusKey: application.status.rawValue, round: application.round.map { wording.date(stored: $0.cutoffDate) } ?? "—")
            },
            total: total, caption: wording.count(total, AssessmentText.listCountOne, .listCountOther), filters: filters,
            calls: calls.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.texts(in: wording.language).title, selected: $0.id == filters.callId) },
            statuses: ApplicationStatus.allCases.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0 == filters.status) },
            categories: RegionCategory.allCases.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0 == filters.category) },
            topics: topics.map { SelectOption(value: $0.id ?? "", label: $0.title, selected: $0.id == filters.topic) },
            countries: codes.countryOptions(selected: filters.country),
            questions: questions.map { SelectOption(value: $0.id, label: $0.label, selected: $0.id == filters.question) },
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffApplications,
                                   query: filters.queryString))
    }
}
