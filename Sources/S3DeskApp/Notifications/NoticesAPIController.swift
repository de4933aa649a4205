import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/notices` and `/api/v1/me/email-choices`: each person's own notices and emails.
struct NoticesAPIController: RouteCollection {
    struct NoticeList: Content {
        let items: [NoticeDTO]
        let total: Int
        let unread: Int
    }

    struct EmailChoiceDTO: Content {
        let kind: String
        let label: String
        let email: Bool
    }

    struct EmailChoicesDTO: Content {
        let items: [EmailChoiceDTO]
    }

    /// `{"emails": {"draft_reminder": false, …}}`: the kinds named change, the others stay.
    struct EmailChoicesBody: Content {
        let emails: [String: Bool]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.notices.pathComponents, use: list)
        routes.post(APIURL.noticesRead.pathComponents, use: readAll)
        routes.post(APIURL.noticeRead.path, use: read)
        routes.get(APIURL.emailChoices.pathComponents, use: choices)
        routes.patch(APIURL.emailChoices.pathComponents, use: changeChoices)
    }

    @Sendable
    func list(req: Request) async throws -> NoticeList {
        let user = try req.requireUser()
        let unreadOnly = try Self.unreadOnly(req)
        let (notices, total) = try await Notices.list(for: user, unreadOnly: unreadOnly, page: try PageRequest(from: req), on: req.db)
        let unread = try await Notice.query(on: req.db).filter(\.$user.$id == user.requireID()).filter(\.$readAt == nil).count()
        return NoticeList(items: try notices.map(NoticeDTO.init), total: total, unread: unread)
    }

    @Sendable
    func read(req: Request) async throws -> NoticeDTO {
        try NoticeDTO(try await Notices.markRead(req.parameters.get("id", as: UUID.self), by: try req.requireUser(), in: req.services))
    }

    @Sendable
    func readAll(req: Request) async throws -> [String: Int] {
        let user = try req.requireUser()
        try await Notices.markAllRead(by: user, in: req.services)
        return ["unread": 0]
    }

    @Sendable
    func choices(req: Request) async throws -> EmailChoicesDTO {
        Self.dto(try req.requireUser())
    }

    @Sendable
    func changeChoices(req: Request) async throws -> EmailChoicesDTO {
        let user = try req.requireUser()
        guard let emails = try req.content.decode(EmailChoicesBody.self).emails else {
            throw AppError.invalidField("emails", "is required: an object of kinds, each true to get it by email or false not to")
        }
        var off = Set(Notices.emailChoices(of: user).filter { !$0.email }.map(\.kind))
        for (key, wanted) in emails {
            guard let kind = EmailKind(rawValue: key) else { throw AppError.invalidField("emails", "“\(key)” is not a kind of email") }
            if wanted { off.remove(kind) } else { off.insert(kind) }
        }
        try await Notices.setEmailChoices(off: Array(off), for: user, in: req.services)
        return Self.dto(user)
    }

    private static func dto(_ user: User) -> EmailChoicesDTO {
        EmailChoicesDTO(items: Notices.emailChoices(of: user).map { EmailChoiceDTO(kind: $0.kind.rawValue, label: $0.kind.label, email: $0.email) })
    }

    private static func unreadOnly(_ req: Request) throws -> Bool {
        switch req.query[String.self, at: "unread"] {
        case nil, "", "false": false
        case "true": true
        default: throw AppError.invalidField("unread", "must be true or false")
        }
    }
}
