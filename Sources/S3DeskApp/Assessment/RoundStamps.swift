import Fluent
import Foundation
import SQLKit

/// The counters the database moves with every change to what a round's ranking and figures are
/// made of (`CreateRankingStamps`, `StampRoundFigures`): what the caches of computed rankings
/// and monitoring figures compare to know they still hold.
enum RoundStamps {
    /// The counters of `rounds`; a round missing from the answer has none (it predates them).
    static func of(_ rounds: [UUID], on db: any Database) async throws -> [UUID: Int64] {
        guard !rounds.isEmpty else { return [:] }
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        var stamps: [UUID: Int64] = [:]
        for row in try await sql.select().columns("round_id", "stamp").from("ranking_stamps")
            .where("round_id", .in, SQLBind.group(rounds)).all() {
            stamps[try row.decode(column: "round_id", as: UUID.self)] = try row.decode(column: "stamp", as: Int64.self)
        }
        return stamps
    }
}
