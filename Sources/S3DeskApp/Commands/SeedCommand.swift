import Fluent
import S3DeskDomain
import Vapor

/// `s3desk seed --applications N`: fills an empty database with volume to measure with
/// (`SeedData`, used by scripts/bench), through the product's own services.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "applications", help: "How many applications in all (default 10000).")
        var applications: Int?
        @Option(name: "largest-round", help: "How many in the first round, the largest; the rest fill rounds of that size (default 10000).")
        var largestRound: Int?
        @Option(name: "concurrency", help: "How many applicants submit at once while seeding (default 8).")
        var concurrency: Int?
    }

    let help = "Fills an empty database with N applications from every EU region, assessed, decided and endorsed, for benchmarks; prints the logins."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.environment != .production else {
            throw AppError(status: .badRequest, code: "seed_refused", message: "s3desk seed adds accounts with a printed password: it does not run in production")
        }
        let applications = signature.applications ?? 10_000
        let largestRound = signature.largestRound ?? 10_000
        let concurrency = signature.concurrency ?? 8
        guard (1...1_000_000).contains(applications), (1...1_000_000).contains(largestRound), (1...64).contains(concurrency) else {
            throw AppError(status: .badRequest, code: "seed_refused", message: "--applications and --largest-round take 1 to 1,000,000, --concurrency 1 to 64")
        }
        try await DatabaseBootstrap.run(app)
        guard try await ApplicationRecord.query(on: app.db).count() == 0 else {
            throw AppError(status: .conflict, code: "seed_refused", message: "this database holds applications already: seed fills an empty one only")
        }
        app.logger.logLevel = .warning
        let password = "seed-" + String((0..<10).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement()! })
        let demo = try await DemoData(app: app, password: password)
        let summary = try await SeedData(demo: demo, applications: applications, largestRound: largestRound, concurrency: concurrency).fill()
        for (cutoff, count) in summary.rounds { context.console.info("round of \(cutoff): \(count) applications") }
        context.console.info("transitions to under assessment at the cut-offs: \(summary.transitionsAtCutoff)")
        context.console.success("Seeded \(applications) applications in \(String(format: "%.0f", summary.seconds)) s.")
        context.console.info("Sign in with the password \(password) as admin@\(DemoData.domain), secretariat@\(DemoData.domain) or commission@\(DemoData.domain).")
    }
}
