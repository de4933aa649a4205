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
    /// Real time, to measure how long the pass has been sending (tests step it).
    var elapsed: @Sendable () -> Date = { Date() }

    /// How long a claim holds an email: renewed before each send, so it only has to outlast one
    /// (`sendTimeout`), short enough that a crashed worker's emails go out again soon.
    static let lease: TimeInterval = 5 * 60
    /// An SMTP server that stops answering fails the attempt (retried later) instead of holding
    /// the email past its lease.
    static let sendTimeout: Duration = .seconds(60)

    /// One pass over the due emails. Returns how many were sent and how many failed this time.
    @discardableResult
    func deliverDue(on db: any Database, now: Date = Date(), logger: Logger) async throws -> (sent: Int, failed: Int) {
        var sent = 0
        var failed = 0
        let claim = UUID()
        let started = elapsed()
        for email in try await claimDue(on: db, now: now, claim: claim) {
            // The pass's clock moves on while it sends: each renewal counts from the moment it is made.
            let at = now.addingTimeInterval(elapsed().timeIntervalSince(started))
            guard try await renew(email, claim: claim, at: at, on: db) else { continue }
            email.attempts += 1
            do {
                try await send(email.message)
                email.status = .sent
                email.sentAt = at
                email.lastError = nil
                sent += 1
            } catch {
                email.lastError = String(describing: error)
                if let wait = RetrySchedule.emailDelivery.wait(afterAttempt: email.attempts) {
                    email.nextAttemptAt = at.addingTimeInterval(wait)
                } else {
                    email.status = .failed
                }
                failed += 1
                logger.warning("email delivery failed", metadata: [
                    "to": "\(email.recipient)", "attempt": "\(email.attempts)", "error": "\(error)",
                ])
            }
            try await OutboxEmail.query(on: db).filter(\.$id == email.requireID()).filter(\.$claim == claim)
                .set(\.$status, to: email.status).set(\.$attempts, to: email.attempts).set(\.$sentAt, to: email.sentAt)
                .set(\.$lastError, to: email.lastError).set(\.$nextAttemptAt, to: email.nextAttemptAt)
                .set(\.$leaseUntil, to: nil).set(\.$claim, to: nil)
                .update()
        }
        return (sent, failed)
    }

    /// The due emails no other worker holds, each now leased to this pass (`claim`). On
    /// PostgreSQL the rows another worker is claiming at the same moment are skipped, not waited
    /// for; SQLite has one writer at a time, so its claims are serial anyway.
    func claimDue(on db: any Database, now: Date, claim: UUID = UUID()) async throws -> [OutboxEmail] {
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
            try await OutboxEmail.query(on: db).filter(\.$id ~~ ids)
                .set(\.$leaseUntil, to: now.addingTimeInterval(Self.lease)).set(\.$claim, to: claim).update()
            return try await OutboxEmail.query(on: db).filter(\.$id ~~ ids).sort(\.$nextAttemptAt).all()
        }
    }

    /// Extends this pass's lease on `email` just before sending it; false when another worker
    /// has taken the email over since (this pass was slower than its lease).
    private func renew(_ email: OutboxEmail, claim: UUID, at now: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let renewed = try await sql.update(OutboxEmail.schema)
            .set("lease_until", to: now.addingTimeInterval(Self.lease))
            .where("id", .equal, try email.requireID()).where("claim", .equal, claim)
            .where("status", .equal, OutboxEmail.Status.queued.rawValue)
            .returning("id").all()
        return !renewed.isEmpty
    }

    private func send(_ message: EmailMessage) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await transport.send(message) }
            group.addTask {
                try await Task.sleep(for: Self.sendTimeout)
                throw SMTPError(message: "no answer within \(Self.sendTimeout)")
            }
            try await group.next()
            group.cancelAll()
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
