import Fluent
import NIOConcurrencyHelpers
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
                try await transport.send(EmailMessage(to: email.recipient, subject: email.subject,
                                                      body: email.body, kind: email.kind))
                email.status = .sent
                email.sentAt = now
                email.lastError = nil
                sent += 1
            } catch {
                email.lastError = String(describing: error)
                if let wait = DeliveryRetry.wait(afterAttempt: email.attempts) {
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

/// Runs `OutboxDelivery` every few seconds while the server runs (only when SMTP is set up).
final class OutboxWorker: LifecycleHandler, BackgroundWorker {
    private let delivery: OutboxDelivery
    private let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(delivery: OutboxDelivery, interval: Duration = .seconds(5)) {
        self.delivery = delivery
        self.interval = interval
    }

    func start(_ app: Application) {
        let delivery = delivery
        let interval = interval
        let logger = app.logger
        let db = app.db
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        try await delivery.deliverDue(on: db, logger: logger)
                    } catch {
                        logger.error("outbox pass failed", metadata: ["error": "\(error)"])
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { task in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
