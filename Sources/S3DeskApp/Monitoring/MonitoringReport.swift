import Fluent
import Foundation
import S3DeskDomain

/// The monitoring of what the filters select (call, round, country, category of region), with
/// the names people read: what the dashboard, the summary and the exports share.
struct MonitoringReport {
    let filters: ApplicationFilters
    /// The facts the filters keep.
    let facts: MonitoringFacts
    let summary: MonitoringSummary
    let labels: Labels

    /// Names for codes: "Bulgaria (BG)", a topic's title.
    struct Labels {
        let countries: [String: String]
        let topics: [String: String]

        func country(_ code: String) -> String { countries[code].map { "\($0) (\(code))" } ?? code }
        func topic(_ slug: String) -> String { topics[slug] ?? slug }

        static func load(on db: any Database) async throws -> Labels {
            Labels(countries: Dictionary(try await Country.query(on: db).all().compactMap { country in country.id.map { ($0, country.name) } },
                                         uniquingKeysWith: { first, _ in first }),
                   topics: try await TopicRecord.titles(on: db))
        }
    }

    /// 403 unless `user` may monitor; 404 for a call or round that does not exist.
    static func load(_ filters: ApplicationFilters, for user: User, at now: Date, on db: any Database,
                     cache: MonitoringCache) async throws -> MonitoringReport {
        guard user.role.may(.monitor) else { throw AppError.forbidden }
        // The figures count by status, topic and answer themselves: a filter on one of those
        // would silently change nothing, so it is refused rather than ignored.
        for (name, given) in [("status", filters.status != nil), ("topic", filters.topic != nil), ("q", filters.q != nil),
                              ("question", filters.question != nil)] where given {
            throw AppError.invalidField(name, "the monitoring counts every status, topic and answer itself: filter it by call, round, country or category")
        }
        if let callID = filters.callId, try await Call.find(callID, on: db) == nil { throw AppError.notFound("call") }
        if let roundID = filters.roundId {
            guard let round = try await Round.find(roundID, on: db), filters.callId.map({ $0 == round.$call.id }) ?? true else {
                throw AppError.notFound("round")
            }
        }
        let counted = try await cache.counted(filters, in: try await MonitoringFacts.Scope.load(callID: filters.callId, at: now, on: db), on: db)
        return MonitoringReport(filters: filters, facts: counted.facts, summary: counted.summary, labels: try await Labels.load(on: db))
    }
}
