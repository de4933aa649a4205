import Fluent
import SQLKit
import S3DeskDomain
import Vapor

/// Something that can deliver an email; SMTP in production, a fake in tests.
protocol MailTransport: Sendable {
    func send(_ message: EmailMessage) async throws
}

/// Sends the emails that are due, and schedules a retry with back-off for those that fail.
struct OutboxDelivery: Sendable {
    static let batchSize = 20

    let transport: any MailTransport

    /// How long a worker holds the emails it claimed: far longer than sending a batch takes,
    /// short enough that a crashed worker's emails go out again soon.
    static let lease: TimeInterval = 5 * 60

    /// One pass over the due emails. Returns how many were sent and how many failed this time.
    @discardableResult
    func deliverDue(on db: any Database, now: Date = Date(), logger: Logger) async throws -> (sent: Int, failed: Int) {
        var sent = 0
        var failed = 0
        for email in try await claimDue(on: db, now: now) {
            email.attempts += 1
            do {
                try await transport.send(email.message)
                email.status = .sent
                email.sentAt = now
                email.lastError = nil
                sent += 1
            } catch {
                email.lastError = String(describing: error)
                if let wait = RetrySchedule.emailDelivery.wait(afterAttempt: email.attempts) {
                    email.nextAttemptAt = now.addingTimeInterval(wait)
                } else {
                    email.status = .failed
                }
                failed += 1
                logger.warning("email delivery failed", metadata: [
                    "to": "\(email.recipient)", "attempt": "\(email.attempts)", "error": "\(error)",
                ])
            }
            email.leaseUntil = nil
            try await email.save(on: db)
        }
        return (sent, failed)
    }

    /// The due emails no other worker holds, each now leased to this one. On PostgreSQL the
    /// rows another worker is claiming at the same moment are skipped, not waited for; SQLite
    /// has one writer at a time, so its claims are serial anyway.
    func claimDue(on db: any Database, now: Date) async throws -> [OutboxEmail] {
        try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
            let skipLocked = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE SKIP LOCKED"
            let ids = try await sql.raw("""
                SELECT id FROM \(ident: OutboxEmail.schema)
                WHERE status = \(bind: OutboxEmail.Status.queued.rawValue) AND next_attempt_at <= \(bind: now)
                  AND (lease_until IS NULL OR lease_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(Self.batchSize))\(unsafeRaw: skipLocked)
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard !ids.isEmpty else { return [] }
            try await OutboxEmail.query(on: db).filter(\.$id ~~ ids).set(\.$leaseUntil, to: now.addingTimeInterval(Self.lease)).update()
            return try await OutboxEmail.query(on: db).filter(\.$id ~~ ids).sort(\.$nextAttemptAt).all()
        }
    }
}

extension LoopingWorker {
    /// Runs `OutboxDelivery` every few seconds while the server runs (only when SMTP is set up).
    static func outbox(_ delivery: OutboxDelivery, interval: Duration = .seconds(5)) -> LoopingWorker {
        LoopingWorker("outbox") { app in
            try await delivery.deliverDue(on: app.db, logger: app.logger)
            return interval
        }
    }
}
