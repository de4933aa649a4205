import S3DeskDomain
import Vapor

/// `s3desk jobs …`: the scheduled jobs, from the command line.
struct JobsCommands: AsyncCommandGroup {
    let help = "Runs the scheduled jobs."
    let commands: [String: any AnyAsyncCommand] = ["run-due": JobsRunDueCommand(), "failed": JobsFailedCommand(),
                                                   "retry": JobsRetryCommand()]
}

/// `s3desk jobs failed`: the runs whose last attempt failed, with why and when they run again.
struct JobsFailedCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Lists the job runs whose last attempt failed, with the error and the next attempt."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        let runs = try await JobRuns.failed(on: context.application.db)
        guard !runs.isEmpty else {
            context.console.success("No failed run.")
            return
        }
        for run in runs {
            let next = run.nextAttemptAt.map { "next attempt \(Instant.format($0))" } ?? "gave up: run `s3desk jobs retry` once it is fixed"
            context.console.error("\(run.job) \(run.key), due \(Instant.format(run.dueAt)), \(run.attempts) attempts, \(next): \(run.outcome ?? "")")
        }
    }
}

/// `s3desk jobs retry --job … --key …`: sends a failed run back, to run at the next pass.
struct JobsRetryCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "job", help: "The job's name, as `jobs failed` lists it.")
        var job: String?
        @Option(name: "key", help: "The occurrence's key, as `jobs failed` lists it.")
        var key: String?
    }

    let help = "Makes a failed job run due now; the server's worker (or `jobs run-due`) runs it."

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let job = signature.job, let key = signature.key else {
            throw CommandFailure("give --job and --key, as `s3desk jobs failed` lists them")
        }
        try await DatabaseBootstrap.run(context.application)
        do {
            try await JobRuns.retry(job: job, key: key, at: context.application.clock.now, on: context.application.db)
        } catch let error as AppError {
            throw CommandFailure(error.message)
        }
        context.console.success("\(job) \(key) is due now: the server runs it within 30 s, or run `s3desk jobs run-due`.")
    }
}

/// `s3desk jobs run-due`: one pass of what the server's worker does, for a cron job or after a
/// restore; safe beside running servers, which never run the same occurrence twice.
struct JobsRunDueCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Runs every job that is due and not done yet, once, and reports each run."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        let reports = try await JobRunner(context.application).runDue()
        guard !reports.isEmpty else {
            context.console.info("Nothing is due.")
            return
        }
        for report in reports {
            let line = "\(report.job) \(report.occurrence.key), due \(Instant.format(report.occurrence.dueAt)), attempt \(report.attempt): \(report.outcome)"
            if report.succeeded { context.console.success(line) } else { context.console.error(line) }
        }
        let failed = reports.filter { !$0.succeeded }.count
        if failed > 0 { throw CommandFailure("\(failed) of \(reports.count) runs failed; each is retried later") }
    }
}
