import Vapor

/// Work that runs beside the server while it serves, and only then (not for `migrate` or `--help`).
protocol BackgroundWorker: Sendable {
    func start(_ app: Application)
}

/// `s3desk serve`: Vapor's own serve command, after the database is brought up to date and the
/// overdue jobs run, with the background workers started.
struct ServeWithDatabaseCommand: AsyncCommand {
    let serve: ServeCommand
    let workers: [any BackgroundWorker]

    var help: String { serve.help }

    func run(using context: CommandContext, signature: ServeCommand.Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        // What fell due while no server ran is done before the first request, so no page ever
        // shows a round as open after its cut-off; the jobs worker takes over from there.
        try await JobRunner(context.application).runDue()
        for worker in workers { worker.start(context.application) }
        try await serve.run(using: context, signature: signature)
    }
}
