import Fluent
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

    /// One pass over the due emails. Returns how many were sent and how many failed this time.
    @discardableResult
    func deliverDue(on db: any Database, now: Date = Date(), logger: Logger) async throws -> (sent: Int, failed: Int) {
        let due = try await OutboxEmail.query(on: db)
            .filter(\.$status == .queued)
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt)
            .limit(Self.batchSize)
            .all()
        var sent = 0
        var failed = 0
        for email in due {
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
            try await email.save(on: db)
        }
        return (sent, failed)
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
