import Fluent
import Foundation

/// One run of a scheduled job for one occurrence (a round's cut-off, say): who claimed it, when,
/// how many attempts and what came of it. The unique (job, key) row is also the claim, so two
/// server processes never do the same work.
final class JobRun: Model, @unchecked Sendable {
    static let schema = "job_runs"

    enum Status: String, Codable, Sendable {
        /// Claimed by `runner` until `leaseUntil`; a runner that died leaves it to be taken over.
        case running
        case succeeded
        /// Tried again from `nextAttemptAt`, or never again when that is nil.
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "job") var job: String
    @Field(key: "key") var key: String
    @Field(key: "due_at") var dueAt: Date
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @Field(key: "runner") var runner: String
    /// Changes with every claim: the runner that holds it is the only one that may record the
    /// outcome, even after another took over a lease it let lapse.
    @Field(key: "claim") var claim: UUID
    @OptionalField(key: "outcome") var outcome: String?

    init() {}
}
