import Fluent
import S3DeskDomain
import Vapor

extension OutboxPage {
    /// One page of the emails, of `status` if given; one-time links hidden as `viewer` must see them.
    static func load(status: OutboxEmail.Status?, pageNumber: Int, for viewer: User, in environment: Environment,
                     smtpConfigured: Bool, layout: Layout, wording: Wording, on db: any Database) async throws -> OutboxPage {
        let query = OutboxEmail.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let status { query.filter(\.$status == status) }
        let (emails, total) = try await query.page(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        let statuses: [OutboxEmail.Status] = [.queued, .sent, .failed]
        return OutboxPage(
            layout: layout,
            rows: emails.map {
                Row(to: $0.recipient, subject: $0.subject, body: $0.body(for: viewer, in: environment), kind: wording(AccountText.emailKind($0.kind)),
                    status: $0.status.rawValue, statusLabel: wording(statusKey($0.status)),
                    attempts: $0.attempts, lastError: $0.lastError, createdAt: wording.time($0.createdAt, in: .service))
            },
            total: total,
            statuses: statuses.map { SelectOption(value: $0.rawValue, label: wording(statusKey($0)), selected: $0 == status) },
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffOutbox,
                                   query: status.map { "status=\($0.rawValue)" } ?? ""),
            smtpConfigured: smtpConfigured)
    }

    /// The status's name in `staff.json`.
    static func statusKey(_ status: OutboxEmail.Status) -> StaffText {
        switch status {
        case .queued: .outboxStatusQueued
        case .sent: .outboxStatusSent
        case .failed: .outboxStatusFailed
        }
    }
}
