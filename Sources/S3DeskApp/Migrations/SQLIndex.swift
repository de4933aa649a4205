import Fluent
import SQLKit

/// Fluent's schema builder makes unique constraints but not plain indexes; lists filter and
/// sort by these columns, so they are indexed through SQLKit.
enum SQLIndex {
    static func create(_ name: String, on table: String, columns: String..., db: any Database) async throws {
        try await create(name, on: table, columns: columns, db: db)
    }

    static func create(_ name: String, on table: String, columns: [String], db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
