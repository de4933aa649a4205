import S3DeskDomain
import Vapor

/// `s3desk jobs …`: the scheduled jobs, from the command line.
struct JobsCommands: AsyncCommandGroup {
    let help = "Runs the scheduled jobs."
    let commands: [String: any AnyAsyncCommand] = ["run-due": JobsRunDueCommand()]
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
