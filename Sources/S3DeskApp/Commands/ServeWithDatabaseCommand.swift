import Vapor

/// Work that runs beside the server while it serves, and only then (not for `migrate` or `--help`).
protocol BackgroundWorker: Sendable {
    func start(_ app: Application)
}

/// `s3desk serve`: Vapor's own serve command, after the database is brought up to date and
/// with the background workers started.
struct ServeWithDatabaseCommand: AsyncCommand {
    let serve: ServeCommand
    let workers: [any BackgroundWorker]

    var help: String { serve.help }

    func run(using context: CommandContext, signature: ServeCommand.Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        for worker in workers { worker.start(context.application) }
        try await serve.run(using: context, signature: signature)
    }
}
