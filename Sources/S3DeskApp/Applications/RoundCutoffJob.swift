import Fluent
import Foundation
import S3DeskDomain

/// At a round's cut-off instant its submitted applications go under assessment (domain.md),
/// each with one transition dated at the cut-off, whoever is reading pages at that moment.
struct RoundCutoffJob: ScheduledJob {
    let name = "round-cutoff"

    /// Transitions per insert: a round of 10,000 stays under both databases' limits on binds.
    static let batchSize = 500

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        // An application is on time up to and including the cut-off instant, to the millisecond
        // (as `CallSchedule` reads the clock), so the round closes once the clock is past it.
        try await Round.query(on: db).filter(\.$cutoffAt < Instant.roundedToMilliseconds(now)).sort(\.$cutoffAt).all()
            .map { JobOccurrence(key: try $0.requireID().uuidString, dueAt: $0.cutoffAt) }
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        try await Round.query(on: db).filter(\.$cutoffAt >= now).sort(\.$cutoffAt).first()?.cutoffAt
    }

    /// Whether the job has closed the round: nothing may join it after that.
    static func hasClosed(_ roundID: UUID, on db: any Database) async throws -> Bool {
        try await JobRun.query(on: db).filter(\.$job == RoundCutoffJob().name).filter(\.$key == roundID.uuidString)
            .filter(\.$status == .succeeded).count() > 0
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        guard let roundID = UUID(uuidString: occurrence.key) else { return "no round has the key \(occurrence.key)" }
        // The round's lock, then its applications', in the order endorsements and cancellations
        // take them: a withdrawal at the same moment lands before or after, never in between.
        try await db.lockRow(Round.schema, id: roundID)
        try await db.lockRows(ApplicationRecord.schema, where: "round_id", is: roundID)
        let moving = try await ApplicationRecord.query(on: db).filter(\.$round.$id == roundID)
            .filter(\.$status == .submitted).all(\.$id)
        guard !moving.isEmpty else { return "no submitted application to move" }
        // Exactly the rows read, each with its transition.
        for batch in stride(from: 0, to: moving.count, by: Self.batchSize).map({ Array(moving[$0..<min($0 + Self.batchSize, moving.count)]) }) {
            try await ApplicationRecord.query(on: db).filter(\.$id ~~ batch)
                .set(\.$status, to: .underAssessment).set(\.$updatedAt, to: now)
                .update()
            try await batch.map { id in
                ApplicationTransition(applicationID: id, at: occurrence.dueAt, actorID: nil, from: .submitted,
                                      to: .underAssessment, reason: "the round's cut-off has passed")
            }.create(on: db)
        }
        return "\(moving.count) application\(moving.count == 1 ? "" : "s") now under assessment"
    }
}
