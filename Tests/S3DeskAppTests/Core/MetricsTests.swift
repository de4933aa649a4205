import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

// Serialized: the metrics belong to the process, and the two databases' runs would set the same gauges.
@Suite("Prometheus metrics", .serialized)
struct MetricsTests {
    static let token = "a-scraper-token-of-thirty-two-ch"

    @Test("/metrics answers a scraper with the token, with requests by route and status, the outbox and the job runs; a wrong or missing token gets a 404",
          arguments: TestDatabase.all)
    func withToken(database: TestDatabase) async throws {
        try await withTestApp(database, metricsToken: Self.token) { app in
            try await Outbox.enqueue(Messages.english.accountConfirmation(in: .en, to: "ana@norte.pt", name: "Ana", link: "http://x/accounts/confirm?token=t"),
                                     at: testNow, on: app.db, logger: app.logger)
            // The round's cut-off passes: the runner runs its job.
            _ = try await app.makeRound([("A", application("ITF6"))])
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/topics").status == .ok)
            let scraped = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(scraped.status == .ok)
            #expect(scraped.headers.first(name: .cacheControl) == "no-store")
            let text = scraped.body.string
            #expect(text.contains(#"http_requests_total{method="GET",path="/api/v1/topics",status="200"}"#))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            let queued = try await OutboxEmail.query(on: app.db).filter(\.$status == .queued).count()
            #expect(queued > 0)
            #expect(text.contains("s3desk_outbox_queued_emails \(queued).0\n"))
            #expect(text.contains("s3desk_outbox_oldest_queued_seconds"))
            #expect(text.contains(#"s3desk_job_runs_total{job="round-cutoff",outcome="succeeded"}"#))
            for headers: HTTPHeaders in [[:], ["Authorization": "Bearer a-wrong-token-of-thirty-two-chars"]] {
                #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: headers).status == .notFound)
            }
        }
    }

    @Test("without a token, /metrics answers loopback only, and not a request a proxy forwarded", arguments: TestDatabase.all)
    func loopback(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let running = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            #expect(try await running.sendRequest(.GET, "/metrics").status == .ok)
            #expect(try await running.sendRequest(.GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]).status == .notFound)
            // In memory there is no peer address at all: refused.
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .notFound)
        }
    }
}
