import Fluent
import Metrics
import Prometheus
import SQLKit
import Vapor

/// The process's metrics in Prometheus's registry: Vapor reports each request (by route,
/// method and status, with a latency histogram) through swift-metrics, and so do the job runner
/// and this controller. swift-metrics takes one backend per process, so it is set up once,
/// whatever the number of applications (tests make many).
enum AppMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// `GET /metrics` in Prometheus's text format, for a scraper on the machine (loopback, with no
/// proxy in between) or one that sends `S3DESK_METRICS_TOKEN` as its bearer token.
struct MetricsController: RouteCollection {
    let token: String?

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    @Sendable
    func metrics(req: Request) async throws -> Response {
        guard mayRead(req) else { throw AppError.notFound("page") }
        try await Self.recordOutbox(on: req.db, now: Date())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.cacheControl = HTTPHeaders.CacheControl(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(string: AppMetrics.registry.emitToString()))
    }

    /// Loopback only counts when no proxy forwarded the request: behind nginx every request
    /// comes from loopback.
    private func mayRead(_ req: Request) -> Bool {
        if let token, let sent = req.headers.bearerAuthorization?.token {
            return Data(SHA256.hash(data: Data(sent.utf8))) == Data(SHA256.hash(data: Data(token.utf8)))
        }
        let forwarded = req.headers.contains(name: "X-Forwarded-For") || req.headers.contains(name: "Forwarded")
        guard !forwarded, let address = req.remoteAddress?.ipAddress else { return false }
        return address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// The outbox's queue length and the age of its oldest queued email, as of this scrape.
    private static func recordOutbox(on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MIN", args: SQLIdentifier("created_at")), as: "oldest")
            .from(OutboxEmail.schema).where("status", .equal, OutboxEmail.Status.queued.rawValue).first()
        let queued = try row?.decode(column: "n", as: Int.self) ?? 0
        let oldest = try row?.decode(column: "oldest", as: Date?.self)
        Gauge(label: "s3desk_outbox_queued_emails").record(queued)
        Gauge(label: "s3desk_outbox_oldest_queued_seconds").record(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}
