import Fluent
import Metrics
import Foundation
import S3DeskDomain
import SQLKit
import Vapor

/// Runs the occurrences that are due, each once across every server process on the database:
/// a run is claimed by inserting its unique (job, key) row, or by taking over a failed run whose
/// retry is due or a running one whose runner let its lease lapse (it died mid-run).
struct JobRunner: Sendable {
    /// How long a claim holds before another runner may take the work over.
    static let lease: TimeInterval = 15 * 60

    struct Report: Sendable, Equatable {
        let job: String
        let occurrence: JobOccurrence
        let attempt: Int
        let succeeded: Bool
        let outcome: String
    }

    let jobs: [any ScheduledJob]
    let db: any Database
    let logger: Logger
    /// Names this runner in the records, to tell which process ran what.
    let runnerID: String
    private let clock: @Sendable () -> Date

    init(_ app: Application, runnerID: String = JobRunner.processRunnerID) {
        jobs = app.scheduledJobs
        db = app.db
        logger = app.logger
        self.runnerID = runnerID
        clock = { app.clock.now }
    }

    static let processRunnerID = "pid \(ProcessInfo.processInfo.processIdentifier) · \(UUID().uuidString.prefix(8).lowercased())"

    /// One pass: every due occurrence this runner can claim, run in turn. A failure is recorded
    /// and logged and does not stop the others.
    @discardableResult
    func runDue() async throws -> [Report] {
        var reports: [Report] = []
        for job in jobs {
            let now = clock()
            let due = try await job.due(by: now, on: db)
            guard !due.isEmpty else { continue }
            let runs = try await JobRun.query(on: db).filter(\.$job == job.name).filter(\.$key ~~ due.map(\.key)).all()
            let byKey = Dictionary(runs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for occurrence in due where Self.mayClaim(byKey[occurrence.key], now: now) {
                guard let claim = try await claim(occurrence, of: job, now: now) else { continue }
                reports.append(await run(occurrence, of: job, claim: claim))
            }
        }
        return reports
    }

    /// When the next pass has something to do: the first occurrence or retry after now.
    func nextDue() async throws -> Date? {
        let now = clock()
        // Only retries still ahead, of jobs this server runs: one left by a removed job would
        // otherwise wake the worker every second.
        var next = try await JobRun.query(on: db).filter(\.$status == .failed).filter(\.$nextAttemptAt > now)
            .filter(\.$job ~~ jobs.map(\.name)).sort(\.$nextAttemptAt).first()?.nextAttemptAt
        for job in jobs {
            guard let due = try await job.nextDue(after: now, on: db) else { continue }
            next = min(next ?? due, due)
        }
        return next
    }

    /// Whether a run recorded so far leaves the occurrence to claim; the claim itself decides.
    private static func mayClaim(_ run: JobRun?, now: Date) -> Bool {
        guard let run else { return true }
        switch run.status {
        case .succeeded: return false
        case .failed: return run.nextAttemptAt.map { $0 <= now } ?? false
        case .running: return run.leaseUntil.map { $0 < now } ?? true
        }
    }

    /// A claim this runner holds: its token and which attempt it is.
    private struct Claim {
        let token: UUID
        let attempt: Int
    }

    /// Takes the occurrence for this runner, or returns nil when another runner has it. The
    /// insert and the update each succeed for one runner only, on SQLite and PostgreSQL alike.
    private func claim(_ occurrence: JobOccurrence, of job: any ScheduledJob, now: Date) async throws -> Claim? {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let leaseUntil = now.addingTimeInterval(Self.lease)
        let token = UUID()
        let inserted = try await sql.insert(into: JobRun.schema)
            .columns("id", "job", "key", "due_at", "status", "attempts", "started_at", "lease_until", "runner", "claim")
            .values(SQLBind(UUID()), SQLBind(job.name), SQLBind(occurrence.key), SQLBind(occurrence.dueAt),
                    SQLBind(JobRun.Status.running.rawValue), SQLBind(1), SQLBind(now), SQLBind(leaseUntil), SQLBind(runnerID),
                    SQLBind(token))
            .ignoringConflicts(with: ["job", "key"])
            .returning("attempts")
            .first()
        if let inserted { return Claim(token: token, attempt: try inserted.decode(column: "attempts", as: Int.self)) }
        let retaken = try await sql.update(JobRun.schema)
            .set(SQLIdentifier("status"), to: SQLBind(JobRun.Status.running.rawValue))
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .set("started_at", to: now)
            .set("lease_until", to: leaseUntil)
            .set("runner", to: runnerID)
            .set("claim", to: token)
            .set(SQLIdentifier("finished_at"), to: SQLLiteral.null)
            .where("job", .equal, job.name)
            .where("key", .equal, occurrence.key)
            .where(group: { retry in
                retry.where(group: { failed in
                    failed.where("status", .equal, JobRun.Status.failed.rawValue).where("next_attempt_at", .lessThanOrEqual, now)
                })
                .orWhere(group: { lapsed in
                    lapsed.where("status", .equal, JobRun.Status.running.rawValue).where("lease_until", .lessThan, now)
                })
            })
            .returning("attempts")
            .first()
        return try retaken.map { Claim(token: token, attempt: try $0.decode(column: "attempts", as: Int.self)) }
    }

    private struct ClaimLost: Error, CustomStringConvertible {
        let description = "another runner took the run over (this one's lease lapsed); its work was rolled back"
    }

    private func run(_ occurrence: JobOccurrence, of job: any ScheduledJob, claim: Claim) async -> Report {
        let attempt = claim.attempt
        let now = clock()
        let started = ContinuousClock.now
        let metadata: Logger.Metadata = ["job": "\(job.name)", "key": "\(occurrence.key)",
                                         "due": "\(Instant.format(occurrence.dueAt))", "attempt": "\(attempt)"]
        let clock = clock
        do {
            let outcome = try await db.writeTransaction { db in
                // Holding the run's row for the whole transaction makes a takeover wait, and then
                // find it done; a claim already lost rolls the work back.
                let held = try await (db as? any SQLDatabase)?.select().column("id").from(JobRun.schema)
                    .where("job", .equal, job.name).where("key", .equal, occurrence.key).where("claim", .equal, claim.token)
                    .where("status", .equal, JobRun.Status.running.rawValue)
                    .for(.update).first()
                guard held != nil else { throw ClaimLost() }
                let outcome = try await job.run(occurrence, now: now, on: db)
                try await JobRun.query(on: db).filter(\.$job == job.name).filter(\.$key == occurrence.key).filter(\.$claim == claim.token)
                    .set(\.$status, to: .succeeded).set(\.$finishedAt, to: clock()).set(\.$outcome, to: outcome)
                    .set(\.$leaseUntil, to: nil).set(\.$nextAttemptAt, to: nil)
                    .update()
                return outcome
            }
            logger.info("job succeeded: \(outcome)", metadata: metadata.merging(["ms": "\(Self.milliseconds(since: started))"]) { $1 })
            Counter(label: "s3desk_job_runs_total", dimensions: [("job", job.name), ("outcome", "succeeded")]).increment()
            return Report(job: job.name, occurrence: occurrence, attempt: attempt, succeeded: true, outcome: outcome)
        } catch {
            let outcome = String(String(describing: error).prefix(2000))
            let retryAt = RetrySchedule.jobs.wait(afterAttempt: attempt).map { clock().addingTimeInterval($0) }
            do {
                try await JobRun.query(on: db).filter(\.$job == job.name).filter(\.$key == occurrence.key).filter(\.$claim == claim.token)
                    .set(\.$status, to: .failed).set(\.$finishedAt, to: clock()).set(\.$outcome, to: outcome)
                    .set(\.$leaseUntil, to: nil).set(\.$nextAttemptAt, to: retryAt)
                    .update()
            } catch {
                // The lease then lapses and another pass takes the work over: nothing is lost.
                logger.error("job failure not recorded", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            }
            logger.error("job failed", metadata: metadata.merging([
                "error": "\(outcome)", "retry": "\(retryAt.map(Instant.format) ?? "never: attempts exhausted")",
            ]) { $1 })
            Counter(label: "s3desk_job_runs_total", dimensions: [("job", job.name), ("outcome", "failed")]).increment()
            return Report(job: job.name, occurrence: occurrence, attempt: attempt, succeeded: false, outcome: outcome)
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
