import Fluent
import S3DeskDomain
import Vapor

/// `/statistics`, for everyone: aggregated figures, counted at most every few minutes however
/// many people read them.
struct StatisticsController: RouteCollection {
    /// How long one count serves every reader.
    static let freshFor: TimeInterval = 300

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.statistics.pathComponents, use: show)
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let counted = try await req.application.statisticsCache.value(at: req.now) {
            let statistics = try await PublicStatistics.load(on: req.db)
            let names = Dictionary(try await Country.query(on: req.db).all().compactMap { country in country.id.map { ($0, country.name) } },
                                   uniquingKeysWith: { first, _ in first })
            return (statistics, names, try await TopicRecord.titles(on: req.db))
        }
        let page = StatisticsPage(counted.value.0, countryNames: counted.value.1, topicTitles: counted.value.2, countedAt: counted.at,
                                  layout: Layout(request: req, title: req.text(AccountText.statisticsPageTitle)), wording: req.wording)
        let response = try await req.view.render("statistics", page).encodeResponse(for: req)
        // Only for a visitor with no cookie: a signed-in page carries their name in the header,
        // and a shared cache must never keep a response that sets someone's session cookie. The
        // page speaks the language the browser asks for, so a cache keeps one copy per language.
        response.headers.replaceOrAdd(name: .vary, value: "Cookie, Accept-Language")
        if req.auth.get(User.self) == nil, !req.headers.contains(name: .cookie), !response.headers.contains(name: .setCookie) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=\(Int(Self.freshFor))")
        }
        return response
    }
}

/// One count of the public statistics, kept for `StatisticsController.freshFor`.
actor StatisticsCache {
    typealias Counted = (PublicStatistics, [String: String], [String: String])
    private var kept: (value: Counted, at: Date)?

    func value(at now: Date, count: @Sendable () async throws -> Counted) async throws -> (value: Counted, at: Date) {
        if let kept, now.timeIntervalSince(kept.at) < StatisticsController.freshFor, now >= kept.at { return kept }
        let fresh = (value: try await count(), at: now)
        kept = fresh
        return fresh
    }
}

extension Application {
    private struct StatisticsCacheKey: StorageKey {
        typealias Value = StatisticsCache
    }

    var statisticsCache: StatisticsCache {
        get { storage[StatisticsCacheKey.self] ?? StatisticsCache() }
        set { storage[StatisticsCacheKey.self] = newValue }
    }
}
