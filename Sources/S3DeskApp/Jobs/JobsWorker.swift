import Foundation
import Vapor

extension LoopingWorker {
    /// The longest a pass waits: a round added with a cut-off a minute away, or a clock set
    /// forward, is seen within this time.
    static let longestJobsWait: TimeInterval = 30

    /// Runs what is overdue at start-up, then wakes when the next occurrence or retry is due.
    static func jobs() -> LoopingWorker {
        LoopingWorker("jobs") { app in
            let runner = JobRunner(app)
            try await runner.runDue()
            let untilNext = try await runner.nextDue().map { $0.timeIntervalSince(app.clock.now) } ?? longestJobsWait
            return .milliseconds(Int(1000 * min(max(untilNext, 1), longestJobsWait)))
        }
    }
}
