import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Records what it is asked to send; fails while `failing` is set.
final class FakeTransport: MailTransport, @unchecked Sendable {
    var sent: [EmailMessage] = []
    var failing = false

    func send(_ message: EmailMessage) async throws {
        if failing { throw SMTPError(message: "550 mailbox unavailable") }
        sent.append(message)
    }
}

/// Seconds handed out in turn, the last one repeated: a clock a test steps.
final class Steps: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double]

    init(_ values: [Double]) { self.values = values }

    func next() -> Double {
        lock.withLock { values.count > 1 ? values.removeFirst() : values[0] }
    }
}

/// Holds its first send until `release()`, as an SMTP server that stalls.
final class GatedTransport: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _sent: [EmailMessage] = []
    private let started = AsyncStream<Void>.makeStream()
    private let gate = AsyncStream<Void>.makeStream()
    private var first = true

    var sent: [EmailMessage] { lock.withLock { _sent } }

    func send(_ message: EmailMessage) async throws {
        let isFirst = lock.withLock { () -> Bool in defer { first = false }; return first }
        if isFirst {
            started.continuation.yield()
            for await _ in gate.stream { break }
        }
        lock.withLock { _sent.append(message) }
    }

    func firstSendStarted() async {
        for await _ in started.stream { break }
    }

    func release() {
        gate.continuation.yield()
    }
}

@Suite("Email outbox and delivery")
struct OutboxTests {
    private func queue(_ app: Application, to: String = "ana@norte.pt") async throws {
        try await Outbox.enqueue(Messages.english.accountConfirmation(in: .en, to: to, name: "Ana", link: "http://x/accounts/confirm?token=t"),
                                 at: testNow, on: app.db, logger: app.logger)
    }

    @Test("a due email is sent once and marked sent", arguments: TestDatabase.all)
    func delivers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await queue(app)
            let transport = FakeTransport()
            let delivery = OutboxDelivery(transport: transport)
            let result = try await delivery.deliverDue(on: app.db, now: Date().addingTimeInterval(1), logger: app.logger)
            #expect(result.sent == 1)
            #expect(transport.sent.map(\.to) == ["ana@norte.pt"])
            let again = try await delivery.deliverDue(on: app.db, now: Date().addingTimeInterval(2), logger: app.logger)
            #expect(again.sent == 0)
            let email = try #require(try await OutboxEmail.query(on: app.db).first())
            #expect(email.status == .sent)
            #expect(email.attempts == 1)
        }
    }

    @Test("a round's worth of emails (10,000, as endorsing a round of 10,000 sends) is queued at once on both databases, past their limits on bound values",
          arguments: TestDatabase.all)
    func queuesARound(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let messages = (0..<10_000).map { index in
                Messages.english.accountConfirmation(in: .en, to: "r\(index)@x.eu", name: "R", link: "http://x/accounts/confirm?token=t")
            }
            try await Outbox.enqueue(messages, at: testNow, on: app.db, logger: Logger(label: "quiet"))
            #expect(try await OutboxEmail.query(on: app.db).count() == 10_000)
        }
    }

    @Test("two workers delivering at once (two servers on PostgreSQL) send each email exactly once", arguments: TestDatabase.all)
    func claimsOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for index in 0..<(OutboxDelivery.batchSize * 3) { try await queue(app, to: "r\(index)@x.eu") }
            let first = FakeTransport(), second = FakeTransport()
            let now = Date().addingTimeInterval(1)
            let work = { @Sendable (db: any Database, transport: FakeTransport) in
                for _ in 0..<4 { try await OutboxDelivery(transport: transport).deliverDue(on: db, now: now, logger: app.logger) }
            }
            if database == .postgres {
                try await withSecondServer(of: app) { other in
                    async let one: Void = work(app.db, first)
                    async let two: Void = work(other.db, second)
                    _ = try await (one, two)
                }
            } else {
                async let one: Void = work(app.db, first)
                async let two: Void = work(app.db, second)
                _ = try await (one, two)
            }
            let recipients = (first.sent + second.sent).map(\.to)
            #expect(recipients.count == OutboxDelivery.batchSize * 3)
            #expect(Set(recipients).count == recipients.count)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$status == .sent).count() == recipients.count)
        }
    }

    @Test("a worker slower than its lease sends none of the emails another worker took over meanwhile", arguments: TestDatabase.all)
    func slowWorker(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for index in 0..<3 { try await queue(app, to: "r\(index)@x.eu") }
            let now = Date().addingTimeInterval(1)
            let slow = GatedTransport()
            // The slow worker claims all three, reaches the first 200 s later (it renews that
            // lease then) and hangs on sending it…
            let steps = Steps([0, 200])
            async let slowPass = OutboxDelivery(transport: slow, elapsed: { Date(timeIntervalSince1970: steps.next()) })
                .deliverDue(on: app.db, now: now, logger: app.logger)
            await slow.firstSendStarted()
            // …past its lease on the other two, which a second worker takes and sends.
            let fast = FakeTransport()
            let taken = try await OutboxDelivery(transport: fast).deliverDue(on: app.db, now: now.addingTimeInterval(OutboxDelivery.lease + 1), logger: app.logger)
            #expect(taken.sent == 2)
            slow.release()
            #expect(try await slowPass.sent == 1)
            let recipients = slow.sent.map(\.to) + fast.sent.map(\.to)
            #expect(recipients.sorted() == ["r0@x.eu", "r1@x.eu", "r2@x.eu"])
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$status == .sent).count() == 3)
        }
    }

    @Test("an email claimed by a worker that died is sent by another once the lease lapses, not before", arguments: TestDatabase.all)
    func lapsedLease(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await queue(app)
            let now = Date().addingTimeInterval(1)
            // The dead worker claimed it and never came back.
            #expect(try await OutboxDelivery(transport: FakeTransport()).claimDue(on: app.db, now: now).count == 1)
            let transport = FakeTransport()
            let delivery = OutboxDelivery(transport: transport)
            #expect(try await delivery.deliverDue(on: app.db, now: now.addingTimeInterval(OutboxDelivery.lease - 1), logger: app.logger) == (0, 0))
            #expect(try await delivery.deliverDue(on: app.db, now: now.addingTimeInterval(OutboxDelivery.lease + 1), logger: app.logger) == (1, 0))
            #expect(transport.sent.map(\.to) == ["ana@norte.pt"])
            let email = try #require(try await OutboxEmail.query(on: app.db).first())
            #expect(email.status == .sent)
            #expect(email.leaseUntil == nil)
        }
    }

    @Test("a failure is retried after a back-off, and after the last attempt the email is marked failed", arguments: TestDatabase.all)
    func retries(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await queue(app)
            let transport = FakeTransport()
            transport.failing = true
            // A pass that takes no time, however loaded the machine: the back-off is exact.
            let delivery = OutboxDelivery(transport: transport, elapsed: { Date(timeIntervalSince1970: 0) })
            var now = Date().addingTimeInterval(1)
            #expect(try await delivery.deliverDue(on: app.db, now: now, logger: app.logger).failed == 1)
            var email = try #require(try await OutboxEmail.query(on: app.db).first())
            #expect(email.status == .queued)
            #expect(email.lastError?.contains("550") == true)
            #expect(abs(email.nextAttemptAt.timeIntervalSince(now) - 30) < 0.01)
            // Not due yet: nothing is tried.
            #expect(try await delivery.deliverDue(on: app.db, now: now.addingTimeInterval(29), logger: app.logger) == (0, 0))
            for _ in 2...RetrySchedule.emailDelivery.maximumAttempts {
                now = now.addingTimeInterval(7 * 3600)
                _ = try await delivery.deliverDue(on: app.db, now: now, logger: app.logger)
            }
            email = try #require(try await OutboxEmail.query(on: app.db).first())
            #expect(email.status == .failed)
            #expect(email.attempts == RetrySchedule.emailDelivery.maximumAttempts)
            transport.failing = false
            _ = try await delivery.deliverDue(on: app.db, now: now.addingTimeInterval(7 * 3600), logger: app.logger)
            #expect(transport.sent.isEmpty)
        }
    }

    @Test("staff read the outbox through the API; others are refused", arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await queue(app, to: "one@x.eu")
            try await queue(app, to: "two@x.eu")
            for role in [Role.admin, .secretariat] {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/outbox?to=two@x.eu", headers: .bearer(try await app.token(role)))
                #expect(response.status == .ok)
                let page = try response.content.decode(ListPage<OutboxEmailDTO>.self)
                #expect(page.total == 1)
                #expect(page.items.first?.subject == "Confirm your S3Desk account")
                #expect(page.items.first?.status == .queued)
            }
            for role in [Role.applicant, .expert, .commission] {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/outbox", headers: .bearer(try await app.token(role)))
                #expect(response.status == .forbidden, "\(role)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/outbox").status == .unauthorized)
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/outbox?status=lost", headers: .bearer(try await app.token(.admin)))
            #expect(bad.status == .unprocessableEntity)
        }
    }
}

@Suite("SMTP settings and message format")
struct SMTPFormatTests {
    @Test("SMTP is off without a host, and each variable is checked")
    func settings() throws {
        #expect(try SMTPSettings.fromEnvironment([:]) == nil)
        let smtp = try #require(try SMTPSettings.fromEnvironment([
            "S3DESK_SMTP_HOST": "smtp.example.eu", "S3DESK_SMTP_PORT": "2525", "S3DESK_MAIL_FROM": "noreply@example.eu",
            "S3DESK_SMTP_USERNAME": "u", "S3DESK_SMTP_PASSWORD": "p",
        ]))
        #expect(smtp.port == 2525)
        #expect(smtp.security == .startTLS)
        #expect(throws: ConfigurationError.self) { try SMTPSettings.fromEnvironment(["S3DESK_SMTP_HOST": "h"]) }
        #expect(throws: ConfigurationError.self) {
            try SMTPSettings.fromEnvironment(["S3DESK_SMTP_HOST": "h", "S3DESK_MAIL_FROM": "a@b.eu", "S3DESK_SMTP_PORT": "99999"])
        }
        #expect(throws: ConfigurationError.self) {
            try SMTPSettings.fromEnvironment(["S3DESK_SMTP_HOST": "h", "S3DESK_MAIL_FROM": "a@b.eu", "S3DESK_SMTP_SECURITY": "none",
                                              "S3DESK_SMTP_USERNAME": "u"])
        }
    }

    @Test("headers cannot be injected; non-ASCII subjects are encoded; the body is base64")
    func mime() throws {
        let message = EmailMessage(to: "a@b.eu\r\nBcc: evil@x.eu", subject: "Wniosek złożony", body: "Dzień dobry\n.\nend", kind: .applicationReceived)
        let text = MIMEMessage.render(message, from: "noreply@s3desk.eu")
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").last)
        let decoded = Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))
        #expect(decoded.flatMap { String(data: $0, encoding: .utf8) } == "Dzień dobry\n.\nend")
    }

    @Test("one-time links are hidden in the outbox from every role, and in the log; delivery still sends them", arguments: TestDatabase.all)
    func oneTimeLinksHidden(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            // A real password reset, the takeover the outbox must not allow.
            let reset = try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset") {
                try $0.content.encode(["email": admin.email])
            }
            #expect(reset.status == .accepted || reset.status == .ok || reset.status == .noContent, "\(reset.status)")
            let stored = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == admin.email).first())
            let secret = try #require(stored.body.range(of: #"token=[A-Za-z0-9_\-]+"#, options: .regularExpression).map { String(stored.body[$0]) })
            for role in [Role.secretariat, .admin] {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/outbox?to=\(admin.email)",
                                                                    headers: .bearer(try await app.token(role)))
                #expect(response.status == .ok)
                let body = try #require(try response.content.decode(ListPage<OutboxEmailDTO>.self).items.first?.body)
                #expect(!body.contains(secret), "\(role)")
                #expect(body.contains("token=[hidden: one-time link]"), "\(role)")

                var browser = Browser(app: app)
                try await browser.signIn(try await app.makeUser(role).email)
                let page = try await browser.get("/staff/outbox")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("[hidden: one-time link]"), "\(role)")
                #expect(!page.body.string.contains(secret), "\(role)")
            }
            #expect(stored.body(for: admin, in: .development).contains(secret), "an administrator in development reads it, to confirm without SMTP")
            #expect(!stored.body(for: try await app.makeUser(.secretariat), in: .development).contains(secret))
            #expect(!stored.body(for: admin, in: .production).contains(secret))

            let transport = FakeTransport()
            _ = try await OutboxDelivery(transport: transport).deliverDue(on: app.db, logger: app.logger)
            #expect(transport.sent.contains { $0.to == admin.email && $0.body.contains(secret) }, "the email itself carries the link")
        }
    }

    @Test("the log shows a queued email without its one-time link")
    func logRedacted() async throws {
        let lines = LogCapture()
        let logger = Logger(label: "test") { _ in lines }
        let message = Messages.english.accountConfirmation(in: .en, to: "ana@norte.pt", name: "Ana", link: "http://x/accounts/confirm?token=s3cr3t-Token_1")
        #expect(OneTimeLinks.redacted(message.body).contains("token=[hidden: one-time link]"))
        let app = try await Application.make(.testing)
        try await configure(app, settings: AppSettings(database: .sqliteMemory, passwordCost: 4))
        try await app.asyncBoot()
        try await DatabaseBootstrap.run(app)
        try await Outbox.enqueue(message, at: testNow, on: app.db, logger: logger)
        try await app.asyncShutdown()
        let logged = lines.all.joined(separator: "\n")
        #expect(logged.contains("Confirm your S3Desk account"))
        #expect(!logged.contains("s3cr3t-Token_1"))
    }
}

/// A log handler that keeps every line, with its metadata, for assertions.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var all: [String] { lock.withLock { lines } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lock.withLock { lines.append("\(event.message) \(all)") }
    }
}
