import Fluent
import Foundation

/// What an operator does about runs that failed: see them, and send one back to be run now
/// (after fixing what made it fail) rather than at its next retry, or at all once it gave up.
enum JobRuns {
    /// The runs whose last attempt failed, the oldest due first.
    static func failed(limit: Int = 100, on db: any Database) async throws -> [JobRun] {
        try await JobRun.query(on: db).filter(\.$status == .failed).sort(\.$dueAt).sort(\.$key).limit(limit).all()
    }

    /// Makes the failed run of `job` for `key` due at `now`, for the next pass of a runner
    /// (the server's worker within 30 s, or `s3desk jobs run-due`); audited.
    @discardableResult
    static func retry(job: String, key: String, at now: Date, on db: any Database) async throws -> JobRun {
        try await db.writeTransaction { db in
            guard let run = try await JobRun.query(on: db).filter(\.$job == job).filter(\.$key == key).first() else {
                throw AppError.notFound("a run of \(job) for \(key)")
            }
            guard run.status == .failed else {
                throw AppError.conflict("not_failed", "the run of \(job) for \(key) is \(run.status.rawValue): only a failed run is retried")
            }
            run.nextAttemptAt = now
            try await run.save(on: db)
            try await AuditLog.record(.jobRetried, subject: .jobRun(job: job, key: key),
                                      summary: "sent back after \(run.attempts) attempts: \(run.outcome ?? "")", actor: nil, at: now, on: db)
            return run
        }
    }
}
