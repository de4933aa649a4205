import Fluent
import SQLKit
import Vapor

/// Brings the schema up to date and loads the reference data: the first step of every command
/// that uses the database (`serve`, `migrate`, `user`, `demo`), so each works on a fresh one.
enum DatabaseBootstrap {
    static func run(_ app: Application) async throws {
        // Write-ahead logging on a SQLite file: readers no longer block the writer, and writers
        // wait for each other instead of failing. (An in-memory database ignores it.)
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
        let report = try await ReferenceDataLoader.load(on: app.db, resources: app.referenceResources, at: app.clock.now)
        app.logger.info("reference data loaded", metadata: report.logMetadata)
        app.referenceCodes = try await .load(on: app.db)
        // Only where the data key is the production one: a development run pointed at a real
        // database would seal its secrets under the development key, beyond the real one's reach.
        guard app.environment == .production else { return }
        let sealed = try await LegacySecretSealing.run(on: app.db, secrets: app.secretBox)
        if sealed > 0 { app.logger.notice("two-factor secrets stored before sealing began are now sealed", metadata: ["secrets": "\(sealed)"]) }
    }
}

extension Application {
    private struct ReferenceResourcesKey: StorageKey {
        typealias Value = ResourceFiles
    }

    /// Where the shipped reference files are read from.
    var referenceResources: ResourceFiles {
        get { storage[ReferenceResourcesKey.self] ?? .bundled }
        set { storage[ReferenceResourcesKey.self] = newValue }
    }
}
