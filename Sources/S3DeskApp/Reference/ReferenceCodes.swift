import Fluent
import SQLKit
import Vapor

/// Every region and country code, read once the server has loaded its reference data: drafts,
/// registrations and expert profiles are checked against them on every save, and they change
/// only when a server starts with a new edition of the files (`ReferenceDataLoader` adds codes
/// and never removes one). A server still running the previous edition refuses a new code until
/// it restarts with the new files.
struct ReferenceCodes: Sendable {
    let regions: Set<String>
    let countries: Set<String>

    static func load(on db: any Database) async throws -> ReferenceCodes {
        ReferenceCodes(regions: try await column(of: Region.schema, on: db), countries: try await column(of: Country.schema, on: db))
    }

    /// The `code` column of a reference table, without building a model per row.
    private static func column(of table: String, on db: any Database) async throws -> Set<String> {
        guard let sql = db as? any SQLDatabase else { return [] }
        return Set(try await sql.select().column("code").from(table).all().map { try $0.decode(column: "code", as: String.self) })
    }
}

extension Application {
    private struct ReferenceCodesKey: StorageKey {
        typealias Value = ReferenceCodes
    }

    /// Set by `DatabaseBootstrap` once the reference data is loaded.
    var referenceCodes: ReferenceCodes {
        get { storage.required(ReferenceCodesKey.self, setBy: "DatabaseBootstrap") }
        set { storage[ReferenceCodesKey.self] = newValue }
    }
}
