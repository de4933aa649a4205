import Fluent
import Vapor

/// `s3desk migrate`: brings the schema up to date and loads the reference data, then exits.
///
/// The same step every database command starts with (`DatabaseBootstrap`), without Fluent's
/// interactive prompt.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Brings the database schema up to date and loads the reference data."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        let applied = try await MigrationLog.query(on: context.application.db).count()
        let regions = try await Region.query(on: context.application.db).count()
        context.console.success("The database is up to date: \(applied) migrations applied, \(regions) regions loaded.")
    }
}
