import Fluent
import S3DeskDomain
import SQLKit
import Vapor

/// Storage limitation: once an application has been over (not selected, withdrawn, cancelled
/// or completed) for the retention period, its contact person's details go. The application,
/// its scores, decision and audit trail stay for the statistics, which count it as before.
///
/// When that happened is `applications.personal_data_removed_at`, read and written here
/// through SQL only: a field on `ApplicationRecord` would break the earlier migrations that
/// load the model before the column exists.
enum Retention {
    /// Rows per transaction: a first run on years of history neither holds the write lock for
    /// long nor builds one huge transaction.
    static let batchSize = 500

    /// How many ended applications have personal data due to go.
    static func dueCount(years: Int, now: Date, on db: any Database) async throws -> Int {
        guard let query = due(years: years, now: now, on: db) else { return 0 }
        return try await query.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").first(decoding: Count.self)?.count ?? 0
    }

    /// Removes the personal data of every application due, in batches; returns how many.
    static func run(years: Int, now: Date, on db: any Database) async throws -> Int {
        var done = 0
        while true {
            let batch = try await db.writeTransaction { db in
                try await removeDue(years: years, now: now, limit: batchSize, on: db)
            }
            done += batch
            if batch < batchSize { return done }
        }
    }

    /// Removes the personal data of up to `limit` applications due, oldest change first, in the
    /// caller's transaction; returns how many.
    static func removeDue(years: Int, now: Date, limit: Int?, on db: any Database) async throws -> Int {
        let ids = try await dueIDs(years: years, now: now, limit: limit, on: db)
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return 0 }
        var events: [AuditEvent] = []
        for application in try await ApplicationRecord.query(on: db).filter(\.$id ~~ ids).all() {
            application.content.contact = PersonalData.removed(application.content.contact)
            // The JSON column differs between SQLite and PostgreSQL, so each row is written from
            // Swift; a batch is one transaction.
            try await application.save(on: db)
            events.append(try AuditEvent(.personalDataRemoved, subject: .application(try application.requireID()),
                                         summary: "\(years) years after it ended", actor: nil, at: now))
        }
        try await sql.update(ApplicationRecord.schema).set("personal_data_removed_at", to: SQLBind(now))
            .where("id", .in, SQLBind.group(ids)).run()
        try await AuditLog.record(events.sorted { $0.subjectID < $1.subjectID }, on: db)
        return ids.count
    }

    private struct Row: Decodable {
        let id: UUID
    }

    private struct Count: Decodable {
        let count: Int
    }

    /// Ended applications past the cut-off whose personal data is still there (`applications_retention_idx`).
    private static func due(years: Int, now: Date, on db: any Database) -> SQLSelectBuilder? {
        (db as? any SQLDatabase)?.select().from(ApplicationRecord.schema)
            .where("personal_data_removed_at", .is, SQLLiteral.null)
            .where("status", .in, SQLBind.group(PersonalData.endedStatuses.map(\.rawValue)))
            .where("updated_at", .lessThan, SQLBind(PersonalData.retentionCutoff(now: now, years: years)))
    }

    private static func dueIDs(years: Int, now: Date, limit: Int?, on db: any Database) async throws -> [UUID] {
        guard var query = due(years: years, now: now, on: db)?.column("id").orderBy("updated_at").orderBy("id") else { return [] }
        if let limit { query = query.limit(limit) }
        return try await query.all(decoding: Row.self).map(\.id)
    }
}

/// Every hour while any are due, removes the personal data of up to `Retention.batchSize`
/// applications past the retention period (`Retention`): a first run over years of history
/// goes in short transactions rather than one that holds every writer back.
struct RetentionJob: ScheduledJob {
    let name = "retention"
    let years: Int

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        guard try await Retention.dueCount(years: years, now: now, on: db) > 0 else { return [] }
        let hour = JobPeriod.hour.start(of: now)
        return [JobOccurrence(key: Instant.format(hour), dueAt: hour)]
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        JobPeriod.hour.next(after: now)
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        let count = try await Retention.removeDue(years: years, now: now, limit: Retention.batchSize, on: db)
        return "personal data removed from \(count) application\(count == 1 ? "" : "s")"
    }
}
