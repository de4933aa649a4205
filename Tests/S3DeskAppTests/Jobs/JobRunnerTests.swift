import Fluent
import Foundation
import NIOConcurrencyHelpers
import S3DeskDomain
import Testing
import Vapor
@testable import S3DeskApp

/// A job whose occurrences the test sets, failing its first `failures` runs of each, and
/// counting every run, so a test sees what the runner did and did not do.
final class CountingJob: ScheduledJob {
    let name = "test-counting"
    let occurrences: [JobOccurrence]
    let failures: Int
    private let runs = NIOLockedValueBox<[String: Int]>([:])

    struct Failure: Error, CustomStringConvertible {
        let description = "the test's failure"
    }

    init(_ occurrences: [JobOccurrence], failures: Int = 0) {
        self.occurrences = occurrences
        self.failures = failures
    }

    func runs(of key: String) -> Int { runs.withLockedValue { $0[key] ?? 0 } }
    var allRuns: [String: Int] { runs.withLockedValue { $0 } }

    func due(by now: Date, on db: any Database) async throws -> [JobOccurrence] {
        occurrences.filter { $0.dueAt <= now }
    }

    func nextDue(after now: Date, on db: any Database) async throws -> Date? {
        occurrences.map(\.dueAt).filter { $0 > now }.min()
    }

    func run(_ occurrence: JobOccurrence, now: Date, on db: any Database) async throws -> String {
        let count = runs.withLockedValue { runs in
            runs[occurrence.key, default: 0] += 1
            return runs[occurrence.key]!
        }
        // Sleeping lets a second runner try the same occurrence meanwhile.
        try await Task.sleep(for: .milliseconds(5))
        if count <= failures { throw Failure() }
        return "ran \(occurrence.key)"
    }
}

@Suite("The job runner")
struct JobRunnerTests {
    /// A run an earlier runner left behind, started at the test's instant.
    private func recordRun(of job: CountingJob, key: String, _ status: JobRun.Status, attempts: Int, by runner: String,
                           on db: any Database) async throws -> JobRun {
        let run = JobRun()
        run.job = job.name
        run.key = key
        run.dueAt = testNow
        run.status = status
        run.attempts = attempts
        run.startedAt = testNow
        run.runner = runner
        run.claim = UUID()
        try await run.create(on: db)
        return run
    }

    @Test("a due occurrence runs once and is recorded; one not due yet waits, and sets the next wake-up", arguments: TestDatabase.all)
    func runsOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let job = CountingJob([JobOccurrence(key: "past", dueAt: testNow.addingTimeInterval(-60)),
                                   JobOccurrence(key: "future", dueAt: testNow.addingTimeInterval(3600))])
            app.scheduledJobs = [job]
            let reports = try await JobRunner(app).runDue()
            #expect(reports == [JobRunner.Report(job: job.name, occurrence: job.occurrences[0], attempt: 1, succeeded: true, outcome: "ran past")])
            #expect(try await JobRunner(app).runDue().isEmpty)
            #expect(job.allRuns == ["past": 1])
            #expect(try await JobRunner(app).nextDue() == testNow.addingTimeInterval(3600))
            let run = try #require(try await JobRun.query(on: app.db).first())
            #expect(run.status == .succeeded && run.attempts == 1 && run.outcome == "ran past")
            #expect(run.dueAt == job.occurrences[0].dueAt && run.startedAt == testNow && run.finishedAt == testNow)
            #expect(run.leaseUntil == nil && run.nextAttemptAt == nil)
        }
    }

    @Test("a failure is recorded and retried after the back-off, not before; it then succeeds once", arguments: TestDatabase.all)
    func retries(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let job = CountingJob([JobOccurrence(key: "flaky", dueAt: testNow)], failures: 2)
            app.scheduledJobs = [job]
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(1))
            let first = try await JobRunner(app).runDue()
            #expect(first.map(\.succeeded) == [false])
            #expect(first.first?.outcome == "the test's failure")
            let failed = try #require(try await JobRun.query(on: app.db).first())
            #expect(failed.status == .failed && failed.attempts == 1)
            #expect(failed.nextAttemptAt == testNow.addingTimeInterval(1 + 15))
            #expect(try await JobRunner(app).nextDue() == testNow.addingTimeInterval(16))
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(15))
            #expect(try await JobRunner(app).runDue().isEmpty)
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(16))
            #expect(try await JobRunner(app).runDue().map(\.attempt) == [2])
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(16 + 30))
            let third = try await JobRunner(app).runDue()
            #expect(third.map(\.succeeded) == [true] && third.map(\.attempt) == [3])
            #expect(try await JobRunner(app).runDue().isEmpty)
            #expect(job.runs(of: "flaky") == 3)
            let done = try #require(try await JobRun.query(on: app.db).first())
            #expect(done.status == .succeeded && done.attempts == 3 && done.nextAttemptAt == nil)
        }
    }

    @Test("after the last attempt a failed run stays failed and is never retried", arguments: TestDatabase.all)
    func givesUp(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let job = CountingJob([JobOccurrence(key: "broken", dueAt: testNow)], failures: .max)
            app.scheduledJobs = [job]
            let run = try await recordRun(of: job, key: "broken", .failed, attempts: RetrySchedule.jobs.maximumAttempts - 1,
                                          by: "an earlier process", on: app.db)
            run.nextAttemptAt = testNow
            try await run.save(on: app.db)
            #expect(try await JobRunner(app).runDue().map(\.attempt) == [RetrySchedule.jobs.maximumAttempts])
            let given = try #require(try await JobRun.find(run.id, on: app.db))
            #expect(given.status == .failed && given.nextAttemptAt == nil)
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(365 * 86400))
            #expect(try await JobRunner(app).runDue().isEmpty)
            #expect(try await JobRunner(app).nextDue() == nil)
            #expect(job.runs(of: "broken") == 1)
        }
    }

    @Test("an operator lists the runs that failed and sends one that gave up back: it runs at the next pass, audited",
          arguments: TestDatabase.all)
    func operatorRetry(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // The cause is fixed now: the job no longer fails.
            let job = CountingJob([JobOccurrence(key: "gave-up", dueAt: testNow), JobOccurrence(key: "fine", dueAt: testNow)])
            app.scheduledJobs = [job]
            let gaveUp = try await recordRun(of: job, key: "gave-up", .failed, attempts: RetrySchedule.jobs.maximumAttempts,
                                             by: "an earlier process", on: app.db)
            gaveUp.outcome = "SMTP: connection refused"
            try await gaveUp.save(on: app.db)
            _ = try await recordRun(of: job, key: "fine", .succeeded, attempts: 1, by: "an earlier process", on: app.db)
            #expect(try await JobRunner(app).runDue().isEmpty, "a run that gave up is not retried by itself")

            let failed = try await JobRuns.failed(on: app.db)
            #expect(failed.map(\.key) == ["gave-up"])
            #expect(failed.first?.nextAttemptAt == nil && failed.first?.outcome == "SMTP: connection refused")

            await #expect { try await JobRuns.retry(job: job.name, key: "fine", at: testNow, on: app.db) }
                throws: { ($0 as? AppError)?.code == "not_failed" }
            await #expect { try await JobRuns.retry(job: job.name, key: "nowhere", at: testNow, on: app.db) }
                throws: { ($0 as? AppError)?.status == .notFound }
            try await JobRuns.retry(job: job.name, key: "gave-up", at: testNow, on: app.db)
            let reports = try await JobRunner(app).runDue()
            #expect(reports.map(\.succeeded) == [true] && reports.map(\.occurrence.key) == ["gave-up"])
            #expect(job.allRuns == ["gave-up": 1])
            #expect(try await JobRuns.failed(on: app.db).isEmpty)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.jobRetried.rawValue).first())
            #expect(audit.subjectID == "\(job.name)/gave-up" && audit.summary.contains("SMTP: connection refused"))
        }
    }

    @Test("a run whose runner let its lease lapse is taken over; one still leased is not", arguments: TestDatabase.all)
    func lease(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let job = CountingJob([JobOccurrence(key: "held", dueAt: testNow)])
            app.scheduledJobs = [job]
            let run = try await recordRun(of: job, key: "held", .running, attempts: 1, by: "a process that died", on: app.db)
            run.leaseUntil = testNow.addingTimeInterval(JobRunner.lease)
            try await run.save(on: app.db)
            #expect(try await JobRunner(app).runDue().isEmpty)
            app.clock = AppClock(pinnedAt: testNow.addingTimeInterval(JobRunner.lease + 1))
            let taken = try await JobRunner(app, runnerID: "the survivor").runDue()
            #expect(taken.map(\.attempt) == [2] && taken.map(\.succeeded) == [true])
            #expect(try await JobRun.find(run.id, on: app.db)?.runner == "the survivor")
        }
    }

    @Test("runners racing over fifty occurrences run each exactly once", arguments: TestDatabase.all)
    func racingRunners(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let job = CountingJob((0..<50).map { JobOccurrence(key: "k\($0)", dueAt: testNow.addingTimeInterval(Double(-$0))) })
            app.scheduledJobs = [job]
            let reports = try await withThrowingTaskGroup(of: [JobRunner.Report].self) { group in
                for runner in 0..<4 { group.addTask { try await JobRunner(app, runnerID: "runner \(runner)").runDue() } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(reports.count == 50 && reports.allSatisfy { $0.succeeded })
            #expect(job.allRuns.count == 50 && job.allRuns.values.allSatisfy { $0 == 1 })
            #expect(try await JobRun.query(on: app.db).filter(\.$status == .succeeded).count() == 50)
        }
    }

    @Test("two server processes on one PostgreSQL database run each occurrence once",
          .enabled(if: TestDatabase.all.contains(.postgres), "needs TEST_DATABASE_URL"))
    func twoProcesses() async throws {
        try await withTestApp(.postgres) { app in
            let job = CountingJob((0..<40).map { JobOccurrence(key: "k\($0)", dueAt: testNow.addingTimeInterval(Double(-$0))) })
            app.scheduledJobs = [job]
            try await withSecondServer(of: app) { second in
                second.scheduledJobs = [job]
                async let first = JobRunner(app).runDue()
                async let other = JobRunner(second).runDue()
                let reports = try await first + other
                #expect(reports.count == 40 && reports.allSatisfy { $0.succeeded })
                #expect(Set(reports.map(\.occurrence.key)).count == 40)
            }
            #expect(job.allRuns.count == 40 && job.allRuns.values.allSatisfy { $0 == 1 })
            #expect(try await JobRun.query(on: app.db).filter(\.$status == .succeeded).count() == 40)
        }
    }
}
