import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// Each person's notices: written with the emails of the same events, listed, read; and the
/// optional emails a person turns off. A notice is its person's alone: another's is a 404.
enum Notices {
    /// The notices of `messages` for the recipients who have an account, and the messages to
    /// send by email: all but the optional ones a recipient turned off. Inside the caller's
    /// transaction, so an event, its notice and its email land together.
    static func record(_ messages: [EmailMessage], at now: Date, on db: any Database) async throws -> [EmailMessage] {
        let people = try await User.query(on: db).filter(\.$email ~~ Set(messages.map(\.to))).all()
        let byEmail = Dictionary(people.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        let notices = try messages.compactMap { message -> Notice? in
            guard message.kind.isNotice, let person = byEmail[message.to] else { return nil }
            return Notice(userID: try person.requireID(), message: message, at: now)
        }
        if !notices.isEmpty {
            try await notices.createInBatches(on: db)
            try await addUnread(Dictionary(notices.map { ($0.$user.id, 1) }, uniquingKeysWith: +), on: db)
        }
        return messages.filter { message in
            !(message.kind.isOptional && byEmail[message.to]?.emailChoices?.off.contains(message.kind) == true)
        }
    }

    /// One page of `user`'s notices, newest first; only the unread ones when asked.
    static func list(for user: User, unreadOnly: Bool, page: PageRequest, on db: any Database) async throws -> (models: [Notice], total: Int) {
        let query = Notice.query(on: db).filter(\.$user.$id == (try user.requireID()))
        if unreadOnly { query.filter(\.$readAt == nil) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).page(page)
    }

    static func markRead(_ id: UUID?, by user: User, in context: ServiceContext) async throws -> Notice {
        let userID = try user.requireID()
        return try await context.db.writeTransaction { db in
            guard let id else { throw AppError.notFound("notice") }
            // Locked, then read: of two reads at once only one finds it unread and counts it.
            try await db.lockRow(Notice.schema, id: id)
            guard let notice = try await Notice.query(on: db).filter(\.$id == id).filter(\.$user.$id == userID).first() else {
                throw AppError.notFound("notice")
            }
            if notice.readAt == nil {
                notice.readAt = context.now
                try await notice.save(on: db)
                try await addUnread([userID: -1], on: db)
            }
            return notice
        }
    }

    /// Returns how many were unread.
    @discardableResult
    static func markAllRead(by user: User, in context: ServiceContext) async throws -> Int {
        let userID = try user.requireID()
        return try await context.db.writeTransaction { db in
            try await db.lockRows(Notice.schema, where: "user_id", is: userID)
            let unread = Notice.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil)
            let count = try await unread.count()
            guard count > 0 else { return 0 }
            try await unread.set(\.$readAt, to: context.now).update()
            // Counted again, not decreased by `count`: on PostgreSQL a notice committed since the
            // count was also marked read by the update.
            guard let sql = db as? any SQLDatabase else { return count }
            try await sql.raw("""
                UPDATE users SET unread_notices = (SELECT COUNT(*) FROM notices WHERE notices.user_id = users.id AND notices.read_at IS NULL)
                WHERE id = \(bind: userID)
                """).run()
            return count
        }
    }

    /// The optional kinds of email `user` can receive, each with whether they get it by email.
    static func emailChoices(of user: User) -> [(kind: EmailKind, email: Bool)] {
        EmailKind.allCases.filter { $0.isOptional && $0.mayReach(user.role) }
            .map { ($0, !(user.emailChoices?.off.contains($0) ?? false)) }
    }

    /// Turns off exactly the optional kinds in `off` (of those `user` can receive); audited.
    static func setEmailChoices(off: [EmailKind], for user: User, in context: ServiceContext) async throws {
        let offered = Set(emailChoices(of: user).map(\.kind))
        if let wrong = off.first(where: { !offered.contains($0) }) {
            throw AppError.invalidField("emails", "“\(wrong.label)” is not an email you can turn off")
        }
        let choices = EmailChoices(off: EmailKind.allCases.filter(Set(off).contains))
        let userID = try user.requireID()
        try await context.db.writeTransaction { db in
            try await User.query(on: db).filter(\.$id == userID).set(\.$emailChoices, to: choices).update()
            try await AuditLog.record(.emailChoicesChanged, subject: .user(userID),
                                      summary: choices.off.isEmpty ? "every email on" : "off: " + choices.off.map(\.label).joined(separator: "; "),
                                      actor: user, at: context.now, on: db)
        }
        user.emailChoices = choices
    }

    /// Moves each person's unread count by the notices added (or read) in this transaction. An
    /// update of the count adds to the row as it is when the update takes it, so simultaneous
    /// events each count; it takes no lock that a foreign key's share lock would wait for.
    private static func addUnread(_ changes: [UUID: Int], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        // One statement for a few hundred people, each by their own change, taken in id order:
        // two events reaching the same people lock their rows in the same order.
        let ids = changes.keys.sorted { $0.uuidString < $1.uuidString }
        for start in stride(from: 0, to: ids.count, by: 300) {
            let batch = ids[start..<min(start + 300, ids.count)]
            let cases = SQLList(batch.map { id in SQLQueryString("WHEN \(bind: id) THEN \(literal: changes[id]!)") }, separator: SQLRaw(" "))
            try await sql.raw("""
                UPDATE users SET unread_notices = COALESCE(unread_notices, 0) + CASE id \(cases) END
                WHERE id IN (\(binds: Array(batch)))
                """).run()
        }
    }
}
