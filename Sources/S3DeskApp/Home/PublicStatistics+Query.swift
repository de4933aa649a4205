import Fluent
import Foundation
import S3DeskDomain
import SQLKit

extension PublicStatistics {
    /// Counted by the database in four grouped queries: no row of a person or an application
    /// leaves it.
    static func load(on db: any Database) async throws -> PublicStatistics {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let selected: SQLQueryString = """
            FROM decisions d JOIN applications p ON p.id = d.application_id
            WHERE d.decision = \(bind: DecisionKind.selected.rawValue) AND d.endorsed_at IS NOT NULL
            """
        // PostgreSQL counts in BIGINT: cast to one type both databases decode the same way.
        let supported = try await sql.raw("""
            SELECT p.country_code, p.category, CAST(COUNT(*) AS BIGINT) AS selections, CAST(COUNT(DISTINCT p.territory) AS BIGINT) AS territories
            \(selected) GROUP BY p.country_code, p.category
            """).all().map { row in
            Supported(countryCode: try row.decode(column: "country_code", as: String.self),
                      category: try row.decode(column: "category", as: RegionCategory.self),
                      selections: try row.decode(column: "selections", as: Int.self),
                      territories: try row.decode(column: "territories", as: Int.self))
        }
        let territories = try await sql.raw("SELECT CAST(COUNT(DISTINCT p.territory) AS BIGINT) AS n \(selected)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let topics = try await sql.raw("""
            SELECT t.topic, CAST(COUNT(*) AS BIGINT) AS n FROM application_topics t JOIN applications p ON p.id = t.application_id
            WHERE p.status <> \(bind: ApplicationStatus.draft.rawValue) GROUP BY t.topic
            """).all().map { (topic: try $0.decode(column: "topic", as: String.self), applications: try $0.decode(column: "n", as: Int.self)) }
        let cutoffs = try await sql.raw("""
            SELECT c.title, r.cutoff_date, CAST(COUNT(p.id) AS BIGINT) AS n FROM rounds r JOIN calls c ON c.id = r.call_id
            LEFT JOIN applications p ON p.round_id = r.id AND p.status <> \(bind: ApplicationStatus.draft.rawValue)
            GROUP BY c.title, r.cutoff_date
            """).all().map {
            Cutoff(callTitle: try $0.decode(column: "title", as: String.self), cutoff: try CivilDate(parsing: $0.decode(column: "cutoff_date", as: String.self)),
                   applications: try $0.decode(column: "n", as: Int.self))
        }
        return PublicStatistics(supported: supported, territoriesSupported: territories, topics: topics, cutoffs: cutoffs)
    }
}
