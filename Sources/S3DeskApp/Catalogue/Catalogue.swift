import Fluent
import S3DeskDomain
import Vapor

/// The secretariat's edits of the topics and methods catalogue, each audited. A topic is never
/// deleted: retiring hides it from new applications, scopes and profiles and keeps it on those
/// that used it.
enum Catalogue {
    static func add(_ raw: TopicEntry, by user: User, in context: ServiceContext) async throws -> TopicRecord {
        guard user.role.may(.editCatalogue) else { throw AppError.forbidden }
        let entry = CatalogueRules.normalised(raw)
        try CatalogueRules.problems(entry, isNew: true).throwIfAny()
        let now = context.now
        let exists = AppError.conflict("topic_exists", "the catalogue already has a topic “\(entry.slug)”")
        return try await DatabaseConstraint.refusing(exists) { try await context.db.writeTransaction { db in
            guard try await TopicRecord.find(entry.slug, on: db) == nil else { throw exists }
            let topic = TopicRecord()
            topic.id = entry.slug
            topic.title = entry.title
            topic.methods = entry.methods
            topic.position = (try await TopicRecord.query(on: db).max(\.$position) ?? 0) + 1
            try await topic.create(on: db)
            try await AuditLog.record(.topicAdded, subject: .topic(entry.slug), summary: "\(entry.title) (\(entry.methods.count) methods)",
                                      actor: user, at: now, on: db)
            return topic
        } }
    }

    struct Change: Sendable {
        var title: String?
        var methods: [String]?
        var retired: Bool?
        /// The place in the catalogue, from 1.
        var position: Int?
    }

    static func change(_ slug: String, _ change: Change, by user: User, in context: ServiceContext) async throws -> TopicRecord {
        guard user.role.may(.editCatalogue) else { throw AppError.forbidden }
        let now = context.now
        return try await context.db.writeTransaction { db in
            guard let topic = try await TopicRecord.find(slug, on: db) else { throw AppError.notFound("topic") }
            let entry = CatalogueRules.normalised(TopicEntry(slug: slug, title: change.title ?? topic.title, methods: change.methods ?? topic.methods))
            try CatalogueRules.problems(entry, isNew: false).throwIfAny()
            if entry.title != topic.title || entry.methods != topic.methods {
                let summary = entry.title != topic.title ? "renamed from “\(topic.title)” to “\(entry.title)”" : "methods: \(entry.methods.joined(separator: "; "))"
                topic.title = entry.title
                topic.methods = entry.methods
                try await AuditLog.record(.topicChanged, subject: .topic(slug), summary: summary, actor: user, at: now, on: db)
            }
            if let retired = change.retired, retired != (topic.retiredAt != nil) {
                topic.retiredAt = retired ? now : nil
                try await AuditLog.record(retired ? .topicRetired : .topicRestored, subject: .topic(slug), summary: topic.title,
                                          actor: user, at: now, on: db)
            }
            try await topic.save(on: db)
            if let position = change.position {
                try await move(topic, to: position, by: user, at: now, on: db)
            }
            return topic
        }
    }

    /// Puts the topic at `position` (1 is first) and numbers the others after it, in one pass.
    private static func move(_ topic: TopicRecord, to position: Int, by user: User, at now: Date, on db: any Database) async throws {
        var order = try await TopicRecord.query(on: db).sort(\.$position).sort(\.$id).all()
        guard (1...order.count).contains(position) else {
            throw AppError.invalidField("position", "a place from 1 to \(order.count)")
        }
        guard let from = order.firstIndex(where: { $0.id == topic.id }), from != position - 1 else { return }
        order.insert(order.remove(at: from), at: position - 1)
        for (index, each) in order.enumerated() where each.position != index + 1 {
            each.position = index + 1
            try await each.save(on: db)
        }
        topic.position = position
        try await AuditLog.record(.topicMoved, subject: .topic(topic.id ?? ""), summary: "to place \(position)", actor: user, at: now, on: db)
    }
}
