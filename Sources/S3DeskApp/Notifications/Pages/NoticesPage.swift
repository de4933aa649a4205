import Fluent
import S3DeskDomain

/// A person's notices, newest first, unread ones marked, with the emails they may turn off. A
/// notice's subject and body are stored as they were written, in the language of the person's
/// emails at the time, and shown as stored; the page's own words follow the reader.
struct NoticesPage: Encodable {
    static let pageSize = 25

    struct Row: Encodable {
        let label: String
        let subject: String
        let body: String
        let link: String?
        let at: String
        let atISO: String
        let unread: Bool
        let readAction: String
    }

    struct Choice: Encodable {
        let kind: String
        let label: String
        let email: Bool
    }

    let layout: Layout
    let csrfToken: String
    let rows: [Row]
    let total: Int
    let unread: Int
    let readAllAction: String
    let choicesAction: String
    let choices: [Choice]
    let pagination: Pagination
    /// Set after the choices were saved.
    let saved: Bool

    static func load(for user: User, pageNumber: Int, layout: Layout, csrfToken: String, saved: Bool, wording: Wording,
                     on db: any Database) async throws -> NoticesPage {
        let (notices, total) = try await Notices.list(for: user, unreadOnly: false,
                                                      page: PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize), on: db)
        let zone = ZonedCalendar.service
        return NoticesPage(
            layout: layout, csrfToken: csrfToken,
            rows: try notices.map { notice in
                Row(label: wording(AccountText.emailKind(notice.kind)), subject: notice.subject, body: notice.body, link: notice.link,
                    at: wording.moment(notice.createdAt, in: zone), atISO: Instant.format(notice.createdAt),
                    unread: notice.readAt == nil, readAction: SiteURL.noticeRead(try notice.requireID()))
            },
            total: total, unread: user.unreadNotices ?? 0, readAllAction: SiteURL.noticesRead, choicesAction: SiteURL.emailChoices,
            choices: Notices.emailChoices(of: user).map { Choice(kind: $0.kind.rawValue, label: wording(AccountText.emailKind($0.kind)), email: $0.email) },
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.notices), saved: saved)
    }
}
