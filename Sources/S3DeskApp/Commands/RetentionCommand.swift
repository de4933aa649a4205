import S3DeskDomain
import Vapor

/// `s3desk retention [--years N] [--dry-run]`: what the hourly retention job does, on demand,
/// for an operator who changes the period or wants the count before a first run.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "years", help: "Years after an application ended; defaults to S3DESK_RETENTION_YEARS, or 5.")
        var years: Int?

        @Flag(name: "dry-run", help: "Count the applications due without changing them.")
        var dryRun: Bool
    }

    let defaultYears: Int
    let help = "Removes the contact person's details from applications that ended more than N years ago."

    func run(using context: CommandContext, signature: Signature) async throws {
        let years = signature.years ?? defaultYears
        guard (1...30).contains(years) else { throw CommandFailure("--years: give a whole number of years from 1 to 30, got \(years)") }
        let app = context.application
        try await DatabaseBootstrap.run(app)
        let now = app.clock.now
        let cutoff = Instant.format(PersonalData.retentionCutoff(now: now, years: years))
        if signature.dryRun {
            let due = try await Retention.dueCount(years: years, now: now, on: app.db)
            context.console.info("\(due) ended applications last changed before \(cutoff) would lose their contact person's details.")
            return
        }
        let done = try await Retention.run(years: years, now: now, on: app.db)
        context.console.success("Removed the contact person's details from \(done) applications last changed before \(cutoff).")
    }
}
