import Fluent
import S3DeskDomain

extension MyApplicationsPage {
    static let pageSize = 25

    /// One page of the applications of `user`'s authority, newest first.
    static func load(for user: User, pageNumber: Int, layout: Layout, on db: any Database) async throws -> MyApplicationsPage {
        // An applicant of no authority has none; the layout says what to do about it.
        let (applications, total) = user.$organisation.id == nil ? ([], 0) : try await ApplicationAccess.scope(ApplicationRecord.query(on: db), to: user)
            .with(\.$call).with(\.$round)
            .sort(\.$createdAt, .descending).sort(\.$id)
            .page(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        return MyApplicationsPage(
            layout: layout, rows: try applications.map(Row.init), total: total,
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.myApplications))
    }
}
