import Fluent
import S3DeskDomain

extension MyApplicationsPage {
    static let pageSize = 25

    /// One page of the applications of `user`'s authority, newest first.
    static func load(for user: User, pageNumber: Int, deleted: Bool, layout: Layout, wording: Wording,
                     on db: any Database) async throws -> MyApplicationsPage {
        // An applicant of no authority has none; the layout says what to do about it.
        let (applications, total) = user.$organisation.id == nil ? ([], 0) : try await ApplicationAccess.scope(ApplicationRecord.query(on: db), to: user)
            .with(\.$call).with(\.$round)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .page(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        // The assignments of the page's applications in one query, for what the region does next.
        let assignments = try await Assignment.byApplication(try applications.map { try $0.requireID() }, on: db)
        let titles = applications.isEmpty ? [:] : try await TopicRecord.titles(on: db)
        return MyApplicationsPage(
            layout: layout, rows: try applications.map { try Row($0, assignment: assignments[try $0.requireID()], for: user, topicTitles: titles, wording: wording) },
            total: total, caption: wording.count(total, ApplicationText.mineCaptionOne, .mineCaptionOther),
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.myApplications),
            deleted: deleted)
    }
}
